package dev.guard4j;

/** What happens to a call when an audit hook fails. */
public enum AuditMode {
    /** The failure is logged and the call goes on: audit never breaks the application. */
    BEST_EFFORT,
    /** The call fails with {@link GuardAuditException}: nothing happens that is not on record. */
    COMPLIANCE
}
