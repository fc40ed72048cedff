package dev.guard4j.filters.policy;

/**
 * A policy that cannot be loaded: the message names the file, line, column and key, and a hint.
 */
public class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the located message
     */
    public PolicyException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message the located message
     * @param cause the underlying error
     */
    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
