package dev.guard4j.filters.redact;

/**
 * What a filter does with a finding of a given category.
 *
 * <p>Detection, scoring and the action are separate steps: a detector reports a span, the
 * filter's threshold keeps it or not, and the action decides what happens to the text.
 */
public enum Action {
    /** Stops the call: the model never sees the input, or the caller never sees the answer. */
    BLOCK,
    /** Replaces the value by its category in angle brackets, such as {@code <EMAIL>}. */
    REDACT,
    /** Replaces every letter and digit but the last four by {@code *}, keeping separators. */
    MASK,
    /** Replaces the value by a salted SHA-256 digest, such as {@code <EMAIL:sha256=9f86…>}. */
    HASH,
    /**
     * Replaces each distinct value by a stable placeholder, such as {@code <EMAIL_1>}, and
     * restores the original in the answer; see {@link PseudonymVault}.
     */
    PSEUDONYMISE,
    /** Leaves the text alone and reports the finding. */
    REPORT_ONLY;

    /**
     * Returns whether this action changes the text.
     *
     * @return whether this action changes the text
     */
    public boolean rewrites() {
        return this == REDACT || this == MASK || this == HASH || this == PSEUDONYMISE;
    }
}
