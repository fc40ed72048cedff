package dev.guard4j;

/** How a guarded call ended. */
public enum Outcome {
    /** Every filter let the call through unchanged. */
    ALLOWED,
    /** The call went through, with input or output rewritten (redacted, pseudonymised). */
    REWRITTEN,
    /** A filter blocked the call, or failed and so blocked it (fail closed). */
    BLOCKED,
    /** The call did not complete for another reason: the model failed, or the caller's handler threw. */
    FAILED
}
