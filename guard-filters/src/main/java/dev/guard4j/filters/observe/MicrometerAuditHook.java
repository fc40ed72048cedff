package dev.guard4j.filters.observe;

import dev.guard4j.AuditEvent;
import dev.guard4j.AuditHook;
import dev.guard4j.FilterResult;
import dev.guard4j.Finding;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * Counts and times guarded calls in a Micrometer {@link MeterRegistry}; Micrometer is an optional
 * dependency that only this class needs.
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th></tr>
 * <tr><td>{@code guard4j.calls}</td><td>counter</td><td>outcome, provider, streaming</td></tr>
 * <tr><td>{@code guard4j.call.latency}</td><td>timer</td><td>outcome</td></tr>
 * <tr><td>{@code guard4j.filter.verdicts}</td><td>counter</td><td>stage, filter, verdict, memoised</td></tr>
 * <tr><td>{@code guard4j.filter.latency}</td><td>timer (memoised verdicts excluded)</td><td>stage, filter</td></tr>
 * <tr><td>{@code guard4j.filter.errors}</td><td>counter</td><td>stage, filter</td></tr>
 * <tr><td>{@code guard4j.blocks}</td><td>counter</td><td>stage, filter</td></tr>
 * <tr><td>{@code guard4j.findings}</td><td>counter</td><td>stage, filter, category</td></tr>
 * </table>
 *
 * <p>Tags hold only bounded values (no principal, call id or model name), so the number of time
 * series stays small. A category name a custom filter invents becomes a tag value too.
 */
public final class MicrometerAuditHook implements AuditHook {

    private final MeterRegistry registry;

    /**
     * Creates the hook.
     *
     * @param registry where the meters live, such as {@code Metrics.globalRegistry} or Spring's registry
     */
    public MicrometerAuditHook(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void record(AuditEvent event) {
        String outcome = event.outcome().name();
        registry.counter("guard4j.calls", "outcome", outcome, "provider", EventSummary.provider(event),
                "streaming", String.valueOf(event.streaming())).increment();
        registry.timer("guard4j.call.latency", "outcome", outcome).record(event.latency());
        for (FilterResult result : event.filters()) {
            String stage = result.stage().name();
            String filter = result.filter();
            registry.counter("guard4j.filter.verdicts", "stage", stage, "filter", filter, "verdict", result.verdict().name(),
                    "memoised", String.valueOf(result.memoised())).increment();
            if (!result.memoised()) {
                Timer.builder("guard4j.filter.latency").tags("stage", stage, "filter", filter).register(registry)
                        .record(result.latency());
            }
            if (result.error() != null) {
                registry.counter("guard4j.filter.errors", "stage", stage, "filter", filter).increment();
            }
            if (result.verdict() == dev.guard4j.Verdict.Kind.BLOCK) {
                registry.counter("guard4j.blocks", "stage", stage, "filter", filter).increment();
            }
            for (Finding finding : result.findings()) {
                registry.counter("guard4j.findings", "stage", stage, "filter", filter, "category", finding.category()).increment();
            }
        }
    }

    @Override
    public String toString() {
        return "MicrometerAuditHook[" + registry.getClass().getSimpleName() + "]";
    }
}
