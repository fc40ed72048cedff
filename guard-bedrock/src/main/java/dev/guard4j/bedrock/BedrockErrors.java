package dev.guard4j.bedrock;

import dev.guard4j.GuardBlockedException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Maps AWS SDK failures to LangChain4j's exception types, so callers handle Bedrock like any other provider. */
final class BedrockErrors {

    private BedrockErrors() {
    }

    /**
     * Returns the LangChain4j exception for a failure of a Bedrock call; Guard4j's own and
     * LangChain4j's exceptions pass through unchanged.
     */
    static RuntimeException map(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof GuardBlockedException || error instanceof LangChain4jException) {
            return (RuntimeException) error;
        }
        if (error instanceof AwsServiceException service) {
            return mapService(service);
        }
        if (isTimeout(error)) {
            return new TimeoutException("Bedrock call timed out: " + error.getMessage(), error);
        }
        if (error instanceof SdkClientException && isMalformed(error)) {
            return new BedrockResponseException("Bedrock answered with a body that cannot be read: " + error.getMessage(), error);
        }
        if (error instanceof SdkClientException) {
            return new LangChain4jException("Bedrock call failed in the client: " + error.getMessage(), error);
        }
        return new LangChain4jException("Bedrock call failed: " + error, error);
    }

    /** Returns whether a failure is worth another attempt: throttling, a 5xx, a timeout or an I/O failure. */
    static boolean retriable(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof AwsServiceException service) {
            int status = service.statusCode();
            return service.isThrottlingException() || status == 429 || status >= 500 || status == 408;
        }
        // an unreadable body comes back the same on every attempt; an I/O failure may not
        return isTimeout(error) || (error instanceof SdkClientException && !isMalformed(error));
    }

    private static RuntimeException mapService(AwsServiceException service) {
        String code = service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
                ? service.awsErrorDetails().errorCode() : service.getClass().getSimpleName();
        // event-stream exceptions name their type in lower camel case (throttlingException)
        String type = code.isEmpty() ? code : Character.toUpperCase(code.charAt(0)) + code.substring(1);
        String message = "Bedrock " + type + " (HTTP " + service.statusCode() + "): "
                + (service.awsErrorDetails() != null ? service.awsErrorDetails().errorMessage() : service.getMessage());
        switch (type) {
            case "ThrottlingException":
            case "ServiceQuotaExceededException":
            case "ModelNotReadyException":
            case "TooManyRequestsException":
                return new RateLimitException(message, service);
            case "ValidationException":
                return new InvalidRequestException(message, service);
            case "AccessDeniedException":
            case "UnrecognizedClientException":
            case "ExpiredTokenException":
            case "InvalidSignatureException":
                return new AuthenticationException(message, service);
            case "ResourceNotFoundException":
                return new ModelNotFoundException(message, service);
            case "ModelTimeoutException":
                return new TimeoutException(message, service);
            case "InternalServerException":
            case "ServiceUnavailableException":
            case "ModelErrorException":
            case "ModelStreamErrorException":
                return new InternalServerException(message, service);
            default:
                return byStatus(service.statusCode(), message, service);
        }
    }

    private static RuntimeException byStatus(int status, String message, AwsServiceException service) {
        if (status == 429) {
            return new RateLimitException(message, service);
        }
        if (status == 401 || status == 403) {
            return new AuthenticationException(message, service);
        }
        if (status == 404) {
            return new ModelNotFoundException(message, service);
        }
        if (status == 408) {
            return new TimeoutException(message, service);
        }
        if (status >= 500) {
            return new InternalServerException(message, service);
        }
        if (status >= 400) {
            return new InvalidRequestException(message, service);
        }
        return new LangChain4jException(message, service);
    }

    private static boolean isMalformed(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (cause.getClass().getName().contains("Json") || message.contains("unmarshall") || message.contains("parse")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException
                    || cause instanceof SocketTimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }
}
