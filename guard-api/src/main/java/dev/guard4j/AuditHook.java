package dev.guard4j;

/**
 * Receives one {@link AuditEvent} for every guarded call, whether it was allowed, rewritten, blocked or failed.
 *
 * <p>Hooks run on the calling thread after the verdicts are known. A hook that throws never
 * breaks the call (the failure is logged) unless the guard runs in {@link AuditMode#COMPLIANCE},
 * where the call then fails with {@link GuardAuditException}. A hook that also implements
 * {@link AutoCloseable} is closed when the guard is.
 */
@FunctionalInterface
public interface AuditHook {

    /**
     * Records one call.
     *
     * @param event the immutable record of the call
     */
    void record(AuditEvent event);
}
