package dev.guard4j;

/**
 * Inspects a piece of the request (a user message, a tool result) before the model sees it.
 *
 * <p>Implement {@link #validate(Content)} to write your own filter:
 *
 * <pre>{@code
 * InputValidator noShouting = input ->
 *         input.text().length() > 20 && input.text().equals(input.text().toUpperCase(Locale.ROOT))
 *                 ? Verdict.block("shouting")
 *                 : Verdict.pass();
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one instance serves every call. A validator that
 * throws or returns {@code null} blocks the call (fail closed) unless it was registered as
 * fail-open with {@link FilterOptions}.
 */
@FunctionalInterface
public interface InputValidator {

    /**
     * Returns the verdict on one piece of input.
     *
     * @param input the text under inspection, with its source and the call it belongs to
     * @return pass, rewrite or block; never {@code null}
     */
    Verdict validate(Content input);

    /**
     * Returns whether the verdict depends on nothing but the text and its source, so that the
     * guard may reuse it when the same text comes again (a conversation is resent every turn).
     *
     * <p>Return {@code false} from filters that keep state per call or per principal, such as
     * rate limits or pseudonymisation, so they see every message of every call.
     *
     * @return {@code true} by default
     */
    default boolean memoisable() {
        return true;
    }
}
