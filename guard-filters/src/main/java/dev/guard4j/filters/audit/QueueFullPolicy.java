package dev.guard4j.filters.audit;

/** What {@link AuditLog#record} does when its writer's queue is full: an event is never dropped silently. */
public enum QueueFullPolicy {
    /** The caller waits for room (back-pressure): the guarded call slows down to the disk's pace. */
    WAIT,
    /**
     * The call throws {@link AuditLogException} at once; the guard then fails the call in
     * {@link dev.guard4j.AuditMode#COMPLIANCE} and logs the failure in {@link dev.guard4j.AuditMode#BEST_EFFORT}.
     */
    FAIL
}
