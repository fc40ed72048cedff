package dev.guard4j.filters.policy;

import java.util.Optional;

/**
 * A policy that cannot be loaded: the message names the file, line, column and key, and a hint.
 *
 * <p>Errors made by the policy loader also carry these parts separately ({@link #where()},
 * {@link #hint()}), for tools that point at the place in an editor.
 */
public class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Where where;
    /** The hint that goes with the message, or {@code null}. */
    private final String hint;

    /**
     * Creates the exception.
     *
     * @param message the located message
     */
    public PolicyException(String message) {
        super(message);
        this.where = null;
        this.hint = null;
    }

    /**
     * Creates the exception.
     *
     * @param message the located message
     * @param cause the underlying error
     */
    public PolicyException(String message, Throwable cause) {
        super(message, cause);
        this.where = null;
        this.hint = null;
    }

    /**
     * Creates an exception located at a key of a policy file.
     *
     * @param where the file, line, column and key
     * @param problem what is wrong, without the location
     * @param hint what to do instead, or {@code null}
     */
    public PolicyException(Where where, String problem, String hint) {
        super(where + ": " + problem + (hint == null ? "" : " (hint: " + hint + ")"));
        this.where = where;
        this.hint = hint;
    }

    /**
     * Returns where the error is, when the loader knows.
     *
     * @return where the error is, when the loader knows
     */
    public Optional<Where> where() {
        return Optional.ofNullable(where);
    }

    /**
     * Returns the hint (the closest known key or name, the allowed range, the module to add), if any.
     *
     * @return the hint (the closest known key or name, the allowed range, the module to add), if any
     */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /**
     * The place of an error in a policy file.
     *
     * @param file the file name as given to the loader (or the resource name)
     * @param line the line, from 1
     * @param column the column, from 1
     * @param key the path of the offending key, such as {@code input[0].settings.threshold}
     */
    public record Where(String file, int line, int column, String key) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + key;
        }
    }
}
