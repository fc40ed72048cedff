package dev.guard4j;

/**
 * Thrown by a guarded model in {@link AuditMode#COMPLIANCE} when an audit hook could not record the call.
 */
public class GuardAuditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the hook's exception
     */
    public GuardAuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
