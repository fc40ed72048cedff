package dev.guard4j;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable record of one guarded call: who, when, which model, how it ended, what every
 * filter decided and how long it took, and digests of the text (never the text itself).
 *
 * @param callId the call's id, unique per call
 * @param time when the call started
 * @param principal the user or tenant the call was made for, or {@code null}
 * @param provider the model provider, such as {@code OPEN_AI} or {@code AMAZON_BEDROCK}
 * @param modelName the model name from the request or response, or {@code null}
 * @param streaming whether the answer was streamed
 * @param outcome how the call ended
 * @param reason why it was blocked or failed, or {@code null}
 * @param filters every filter's result, in the order they ran
 * @param inputDigest hex SHA-256 of the inspected input as the model received it
 * @param outputDigest hex SHA-256 of the answer as the caller received it, or {@code null} when there was none
 * @param latency the guard's and the model's time together
 * @param attributes the caller's attributes from the {@link CallContext}
 * @param recordedInput the input as the model received it, after the guard's audit redaction;
 *     {@code null} unless the guard was built with {@link Guard.Builder#recordText}
 * @param recordedOutput the answer as the caller received it, after the same redaction; {@code null} unless opted in
 */
public record AuditEvent(
        String callId,
        Instant time,
        String principal,
        String provider,
        String modelName,
        boolean streaming,
        Outcome outcome,
        String reason,
        List<FilterResult> filters,
        String inputDigest,
        String outputDigest,
        Duration latency,
        Map<String, Object> attributes,
        String recordedInput,
        String recordedOutput) {

    /**
     * Checks the required parts and copies the collections.
     *
     * @param callId the call's id, unique per call
     * @param time when the call started
     * @param principal the user or tenant the call was made for, or {@code null}
     * @param provider the model provider, such as {@code OPEN_AI} or {@code AMAZON_BEDROCK}
     * @param modelName the model name from the request or response, or {@code null}
     * @param streaming whether the answer was streamed
     * @param outcome how the call ended
     * @param reason why it was blocked or failed, or {@code null}
     * @param filters every filter's result, in the order they ran
     * @param inputDigest hex SHA-256 of the inspected input as the model received it
     * @param outputDigest hex SHA-256 of the answer as the caller received it, or {@code null} when there was none
     * @param latency the guard's and the model's time together
     * @param attributes the caller's attributes from the {@link CallContext}
     * @param recordedInput the redacted input when text recording is on, else {@code null}
     * @param recordedOutput the redacted answer when text recording is on, else {@code null}
     */
    public AuditEvent {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(inputDigest, "inputDigest");
        Objects.requireNonNull(latency, "latency");
        filters = List.copyOf(filters);
        attributes = Map.copyOf(attributes);
    }

    /**
     * Creates an event without recorded text, the default: digests and findings only.
     *
     * @param callId the call's id, unique per call
     * @param time when the call started
     * @param principal the user or tenant the call was made for, or {@code null}
     * @param provider the model provider, or {@code null}
     * @param modelName the model name, or {@code null}
     * @param streaming whether the answer was streamed
     * @param outcome how the call ended
     * @param reason why it was blocked or failed, or {@code null}
     * @param filters every filter's result, in the order they ran
     * @param inputDigest hex SHA-256 of the input as the model received it
     * @param outputDigest hex SHA-256 of the answer as the caller received it, or {@code null}
     * @param latency the guard's and the model's time together
     * @param attributes the caller's attributes
     */
    public AuditEvent(String callId, Instant time, String principal, String provider, String modelName, boolean streaming,
            Outcome outcome, String reason, List<FilterResult> filters, String inputDigest, String outputDigest,
            Duration latency, Map<String, Object> attributes) {
        this(callId, time, principal, provider, modelName, streaming, outcome, reason, filters, inputDigest, outputDigest,
                latency, attributes, null, null);
    }

    /**
     * Returns every filter's findings, in the order the filters ran.
     *
     * @return every filter's findings, in the order the filters ran
     */
    public List<Finding> findings() {
        return filters.stream().flatMap(result -> result.findings().stream()).toList();
    }
}
