package dev.guard4j;

/**
 * How a guarded streaming model checks the answer before releasing it to the caller.
 *
 * <p>{@link #windowed(int, int)} (the default, 256 and 128 characters) releases text in windows
 * once the output checkers have seen it, holding back the last {@code holdBack} characters so
 * that a value split across tokens (an e-mail arriving as "jo", "hn@exa", "mple.com") is
 * checked whole before any of it is released. {@link #bufferAll()} releases nothing until the
 * whole answer has been checked.
 *
 * <p>Warning: a value longer than the hold-back (a PEM key, say) can be partly released before
 * it is complete; choose a hold-back longer than the longest value your checkers must catch,
 * or buffer all.
 */
public final class StreamingOptions {

    private static final StreamingOptions DEFAULT = new StreamingOptions(256, 128);
    private static final StreamingOptions BUFFER_ALL = new StreamingOptions(Integer.MAX_VALUE, 0);

    private final int window;
    private final int holdBack;

    private StreamingOptions(int window, int holdBack) {
        this.window = window;
        this.holdBack = holdBack;
    }

    /**
     * Returns the default: windows of 256 characters with 128 held back.
     *
     * @return the default: windows of 256 characters with 128 held back
     */
    public static StreamingOptions defaults() {
        return DEFAULT;
    }

    /**
     * Returns check-then-release in windows.
     *
     * @param window how many new characters to collect before a check, at least 1
     * @param holdBack how many characters to keep back after each check, at least 0
     * @return the options
     */
    public static StreamingOptions windowed(int window, int holdBack) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 character, was " + window);
        }
        if (holdBack < 0) {
            throw new IllegalArgumentException("holdBack must be at least 0 characters, was " + holdBack);
        }
        return new StreamingOptions(window, holdBack);
    }

    /**
     * Returns buffer-all: the answer is checked whole, then released in one piece.
     *
     * @return buffer-all: the answer is checked whole, then released in one piece
     */
    public static StreamingOptions bufferAll() {
        return BUFFER_ALL;
    }

    /**
     * Returns whether the whole answer is buffered before release.
     *
     * @return whether the whole answer is buffered before release
     */
    public boolean buffersAll() {
        return window == Integer.MAX_VALUE;
    }

    /**
     * Returns how many new characters are collected before a check.
     *
     * @return how many new characters are collected before a check
     */
    public int window() {
        return window;
    }

    /**
     * Returns how many characters are kept back after each check.
     *
     * @return how many characters are kept back after each check
     */
    public int holdBack() {
        return holdBack;
    }

    @Override
    public String toString() {
        return buffersAll() ? "StreamingOptions[bufferAll]" : "StreamingOptions[window=" + window + ", holdBack=" + holdBack + "]";
    }
}
