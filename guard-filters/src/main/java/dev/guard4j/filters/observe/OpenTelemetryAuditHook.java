package dev.guard4j.filters.observe;

import dev.guard4j.AuditEvent;
import dev.guard4j.AuditHook;
import dev.guard4j.FilterResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.util.List;
import java.util.Map;

/**
 * Puts a guarded call's outcome on the current OpenTelemetry span ({@link Span#current()}):
 * GenAI semantic-convention attributes where they exist, {@code guard4j.*} attributes otherwise.
 * OpenTelemetry is an optional dependency that only this class needs.
 *
 * <table>
 * <caption>Attributes</caption>
 * <tr><th>attribute</th><th>value</th></tr>
 * <tr><td>{@code gen_ai.provider.name}, and the older {@code gen_ai.system}</td><td>the semantic-convention name
 *     ({@code openai}, {@code aws.bedrock}, {@code anthropic}, …), else the provider lower-cased</td></tr>
 * <tr><td>{@code gen_ai.request.model}</td><td>the model name, when known</td></tr>
 * <tr><td>{@code guard4j.call_id}</td><td>the call id, to find the audit record</td></tr>
 * <tr><td>{@code guard4j.outcome}</td><td>ALLOWED, REWRITTEN, BLOCKED or FAILED</td></tr>
 * <tr><td>{@code guard4j.blocked.stage}, {@code guard4j.blocked.filter}</td><td>where a blocked call stopped</td></tr>
 * <tr><td>{@code guard4j.categories}</td><td>the distinct finding categories (string array)</td></tr>
 * <tr><td>{@code guard4j.filters}</td><td>{@code filter@STAGE=VERDICT} per filter, in order (string array)</td></tr>
 * <tr><td>{@code guard4j.latency_ms}</td><td>the call's latency, guard and model together</td></tr>
 * </table>
 *
 * <p>The hook does nothing when no span is recording. The principal is not set: it may be personal data.
 */
public final class OpenTelemetryAuditHook implements AuditHook {

    static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> CALL_ID = AttributeKey.stringKey("guard4j.call_id");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("guard4j.outcome");
    static final AttributeKey<String> BLOCKED_STAGE = AttributeKey.stringKey("guard4j.blocked.stage");
    static final AttributeKey<String> BLOCKED_FILTER = AttributeKey.stringKey("guard4j.blocked.filter");
    static final AttributeKey<List<String>> CATEGORIES = AttributeKey.stringArrayKey("guard4j.categories");
    static final AttributeKey<List<String>> FILTERS = AttributeKey.stringArrayKey("guard4j.filters");
    static final AttributeKey<Double> LATENCY_MS = AttributeKey.doubleKey("guard4j.latency_ms");

    /** LangChain4j's {@code ModelProvider} names mapped to the GenAI semantic conventions' well-known values. */
    private static final Map<String, String> SEMCONV_PROVIDERS = Map.ofEntries(
            Map.entry("OPEN_AI", "openai"),
            Map.entry("AZURE_OPEN_AI", "azure.ai.openai"),
            Map.entry("AMAZON_BEDROCK", "aws.bedrock"),
            Map.entry("ANTHROPIC", "anthropic"),
            Map.entry("GOOGLE_AI_GEMINI", "gcp.gemini"),
            Map.entry("GOOGLE_GENAI", "gcp.gen_ai"),
            Map.entry("GOOGLE_VERTEX_AI_GEMINI", "gcp.vertex_ai"),
            Map.entry("GOOGLE_VERTEX_AI_ANTHROPIC", "gcp.vertex_ai"),
            Map.entry("MICROSOFT_FOUNDRY", "azure.ai.inference"),
            Map.entry("MISTRAL_AI", "mistral_ai"),
            Map.entry("WATSONX", "ibm.watsonx.ai"),
            Map.entry("COHERE", "cohere"));

    /** Creates the hook; it reads the current span at each call. */
    public OpenTelemetryAuditHook() {
    }

    @Override
    public void record(AuditEvent event) {
        Span span = Span.current();
        if (!span.isRecording()) {
            return;
        }
        if (event.provider() != null) {
            String provider = SEMCONV_PROVIDERS.getOrDefault(event.provider(), EventSummary.provider(event));
            span.setAttribute(PROVIDER_NAME, provider);
            span.setAttribute(SYSTEM, provider);
        }
        if (event.modelName() != null) {
            span.setAttribute(REQUEST_MODEL, event.modelName());
        }
        span.setAttribute(CALL_ID, event.callId());
        span.setAttribute(OUTCOME, event.outcome().name());
        FilterResult blocking = EventSummary.blockingFilter(event);
        if (blocking != null) {
            span.setAttribute(BLOCKED_STAGE, blocking.stage().name());
            span.setAttribute(BLOCKED_FILTER, blocking.filter());
        }
        List<String> categories = EventSummary.categories(event);
        if (!categories.isEmpty()) {
            span.setAttribute(CATEGORIES, categories);
        }
        span.setAttribute(FILTERS, EventSummary.verdicts(event));
        span.setAttribute(LATENCY_MS, EventSummary.millis(event.latency()));
    }

    @Override
    public String toString() {
        return "OpenTelemetryAuditHook[current span]";
    }
}
