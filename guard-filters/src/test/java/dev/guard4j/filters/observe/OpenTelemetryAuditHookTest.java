package dev.guard4j.filters.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenTelemetryAuditHookTest {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final Tracer tracer = provider.get("test");
    private final OpenTelemetryAuditHook hook = new OpenTelemetryAuditHook();

    @AfterEach
    void close() {
        provider.close();
    }

    private Attributes recordInSpan(dev.guard4j.AuditEvent event) {
        Span span = tracer.spanBuilder("chat").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            hook.record(event);
        } finally {
            span.end();
        }
        return exporter.getFinishedSpanItems().get(0).getAttributes();
    }

    @Test
    void aBlockedCallSetsGenAiAndGuardAttributesOnTheCurrentSpan() {
        Attributes attributes = recordInSpan(ObservedEvents.blocked());

        assertThat(attributes.get(OpenTelemetryAuditHook.PROVIDER_NAME)).isEqualTo("openai");
        assertThat(attributes.get(OpenTelemetryAuditHook.SYSTEM)).isEqualTo("openai");
        assertThat(attributes.get(OpenTelemetryAuditHook.REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
        assertThat(attributes.get(OpenTelemetryAuditHook.CALL_ID)).isEqualTo("call-7");
        assertThat(attributes.get(OpenTelemetryAuditHook.OUTCOME)).isEqualTo("BLOCKED");
        assertThat(attributes.get(OpenTelemetryAuditHook.BLOCKED_STAGE)).isEqualTo("INPUT");
        assertThat(attributes.get(OpenTelemetryAuditHook.BLOCKED_FILTER)).isEqualTo("pii");
        assertThat(attributes.get(OpenTelemetryAuditHook.CATEGORIES)).containsExactly("EMAIL", "PHONE");
        assertThat(attributes.get(OpenTelemetryAuditHook.FILTERS)).containsExactly("prompt-injection@INPUT=PASS", "pii@INPUT=BLOCK");
        assertThat(attributes.get(OpenTelemetryAuditHook.LATENCY_MS)).isEqualTo(15.0);
    }

    @Test
    void anAllowedCallHasNoBlockAttributesAndBedrockGetsItsConventionName() {
        Attributes attributes = recordInSpan(ObservedEvents.rewritten());

        assertThat(attributes.get(OpenTelemetryAuditHook.PROVIDER_NAME)).isEqualTo("aws.bedrock");
        assertThat(attributes.get(OpenTelemetryAuditHook.REQUEST_MODEL)).isNull();
        assertThat(attributes.get(OpenTelemetryAuditHook.BLOCKED_FILTER)).isNull();
        assertThat(attributes.get(OpenTelemetryAuditHook.OUTCOME)).isEqualTo("REWRITTEN");
    }

    @Test
    void neverSetsThePrincipalOrTheCallersAttributes() {
        Attributes attributes = recordInSpan(ObservedEvents.blocked());

        assertThat(attributes.asMap().values()).noneMatch(value -> String.valueOf(value).contains("alice")
                || String.valueOf(value).contains("never logged"));
    }

    @Test
    void withoutARecordingSpanNothingHappens() {
        hook.record(ObservedEvents.blocked());

        assertThat(exporter.getFinishedSpanItems()).isEqualTo(List.of());
    }
}
