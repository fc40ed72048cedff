package dev.guard4j.bedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request the emulator received, as it arrived: operation, path, headers and body.
 *
 * @param operation which Bedrock operation the path named, or {@code null} for an unknown path
 * @param method the HTTP method
 * @param path the raw (still percent-encoded) request path
 * @param resourceId the model id (Converse) or guardrail id (ApplyGuardrail), decoded
 * @param headers the request headers, names in lower case
 * @param body the request body as UTF-8 text
 */
public record RecordedRequest(
        Operation operation, String method, String path, String resourceId, Map<String, List<String>> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Copies the headers into an immutable map.
     *
     * @param operation which Bedrock operation the path named, or {@code null} for an unknown path
     * @param method the HTTP method
     * @param path the raw (still percent-encoded) request path
     * @param resourceId the model id (Converse) or guardrail id (ApplyGuardrail), decoded
     * @param headers the request headers, names in lower case
     * @param body the request body as UTF-8 text
     */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * Returns the first value of a header (case-insensitive name), if present.
     *
     * @param name the name
     * @return the first value of a header (case-insensitive name), if present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns the SigV4 {@code Authorization} header the client signed the request with, or an empty string.
     *
     * @return the SigV4 {@code Authorization} header the client signed the request with, or an empty string
     */
    public String authorization() {
        return header("authorization").orElse("");
    }

    /**
     * Returns the body parsed as JSON.
     *
     * @return the body parsed as JSON
     */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("request body is not JSON", e);
        }
    }
}
