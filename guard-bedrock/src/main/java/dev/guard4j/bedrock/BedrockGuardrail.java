package dev.guard4j.bedrock;

import java.util.Objects;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamProcessingMode;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTrace;

/**
 * Which Bedrock guardrail a Converse call applies, with its trace and streaming settings.
 *
 * <pre>{@code
 * BedrockGuardrail guardrail = BedrockGuardrail.of("gr-abc123", "1");                       // trace on, sync streaming
 * BedrockGuardrail lenient = guardrail.withStreamProcessingMode(GuardrailStreamProcessingMode.ASYNC);
 * }</pre>
 *
 * <p>Warning: in {@code ASYNC} stream processing Bedrock sends chunks before the guardrail has
 * judged them, and it cannot mask (anonymize) PII in them; an intervention still ends the stream
 * with a {@link dev.guard4j.GuardBlockedException}, but the caller has already seen the text.
 *
 * @param identifier the guardrail's id or ARN
 * @param version the guardrail's version, such as {@code "1"} or {@code "DRAFT"}
 * @param trace whether Bedrock returns its assessments; findings need {@code ENABLED} or {@code ENABLED_FULL}
 * @param streamProcessingMode how ConverseStream applies the guardrail
 */
public record BedrockGuardrail(String identifier, String version, GuardrailTrace trace,
        GuardrailStreamProcessingMode streamProcessingMode) {

    /**
     * Checks every part at once.
     *
     * @param identifier the guardrail's id or ARN
     * @param version the version
     * @param trace whether Bedrock returns its assessments; findings need {@code ENABLED} or {@code ENABLED_FULL}
     * @param streamProcessingMode how ConverseStream applies the guardrail
     */
    public BedrockGuardrail {
        requireText(identifier, "identifier");
        requireText(version, "version");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(streamProcessingMode, "streamProcessingMode");
    }

    /**
     * Returns the guardrail with trace enabled and synchronous stream processing.
     *
     * @param identifier the guardrail's id or ARN
     * @param version the version
     * @return the settings
     */
    public static BedrockGuardrail of(String identifier, String version) {
        return new BedrockGuardrail(identifier, version, GuardrailTrace.ENABLED, GuardrailStreamProcessingMode.SYNC);
    }

    /**
     * Returns these settings with another trace setting.
     *
     * @param newTrace the new trace
     * @return these settings with another trace setting
     */
    public BedrockGuardrail withTrace(GuardrailTrace newTrace) {
        return new BedrockGuardrail(identifier, version, newTrace, streamProcessingMode);
    }

    /**
     * Returns these settings with another stream processing mode.
     *
     * @param mode the mode
     * @return these settings with another stream processing mode
     */
    public BedrockGuardrail withStreamProcessingMode(GuardrailStreamProcessingMode mode) {
        return new BedrockGuardrail(identifier, version, trace, mode);
    }

    /**
     * Returns the name findings and blocks are reported under: {@code bedrock-guardrail:<id>}.
     *
     * @return the name findings and blocks are reported under: {@code bedrock-guardrail:<id>}
     */
    public String filterName() {
        return "bedrock-guardrail:" + identifier;
    }

    GuardrailConfiguration toConfiguration() {
        return GuardrailConfiguration.builder().guardrailIdentifier(identifier).guardrailVersion(version).trace(trace).build();
    }

    GuardrailStreamConfiguration toStreamConfiguration() {
        return GuardrailStreamConfiguration.builder().guardrailIdentifier(identifier).guardrailVersion(version).trace(trace)
                .streamProcessingMode(streamProcessingMode).build();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
