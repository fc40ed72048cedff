package dev.guard4j.bedrock;

import dev.langchain4j.exception.LangChain4jException;

/**
 * Thrown when Bedrock's answer cannot be used as it is: a body that is not JSON, an unknown stop
 * reason, an answer with no content, an event stream that ends early.
 *
 * <p>The call fails rather than pass on an answer this version cannot vouch for.
 */
public class BedrockResponseException extends LangChain4jException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong with the answer
     */
    public BedrockResponseException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong with the answer
     * @param cause the underlying failure
     */
    public BedrockResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
