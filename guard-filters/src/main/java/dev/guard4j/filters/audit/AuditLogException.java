package dev.guard4j.filters.audit;

/** Thrown when {@link AuditLog} cannot record an event, or cannot open or continue a log. */
public class AuditLogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what happened to the event
     */
    public AuditLogException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed and what happened to the event
     * @param cause the underlying failure
     */
    public AuditLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
