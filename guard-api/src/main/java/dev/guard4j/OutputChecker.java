package dev.guard4j;

/**
 * Inspects the model's answer (its text, and each tool call's arguments) before the caller sees it.
 *
 * <p>Implementations must be thread-safe: one instance serves every call. On a streamed answer
 * the checker sees the text in overlapping windows (see {@link StreamingOptions}), so it must
 * not assume it sees the whole answer at once. A checker that throws or returns {@code null}
 * blocks the answer (fail closed) unless it was registered as fail-open with {@link FilterOptions}.
 */
@FunctionalInterface
public interface OutputChecker {

    /**
     * Returns the verdict on one piece of output.
     *
     * @param output the text under inspection, with its source ({@code MODEL} or {@code TOOL_CALL}) and the call it belongs to
     * @return pass, rewrite or block; never {@code null}
     */
    Verdict check(Content output);
}
