package dev.guard4j.filters.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerAuditHookTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerAuditHook hook = new MicrometerAuditHook(registry);

    @Test
    void countsCallsByOutcomeAndTimesTheWholeCall() {
        hook.record(ObservedEvents.blocked());
        hook.record(ObservedEvents.blocked());
        hook.record(ObservedEvents.rewritten());

        assertThat(registry.get("guard4j.calls").tag("outcome", "BLOCKED").tag("provider", "open_ai").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("guard4j.calls").tag("outcome", "REWRITTEN").tag("streaming", "true").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("guard4j.call.latency").tag("outcome", "BLOCKED").timer().count()).isEqualTo(2);
        assertThat(registry.get("guard4j.call.latency").tag("outcome", "BLOCKED").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30.0);
    }

    @Test
    void countsVerdictsBlocksFindingsAndErrorsByStageFilterAndCategory() {
        hook.record(ObservedEvents.blocked());
        hook.record(ObservedEvents.rewritten());

        assertThat(registry.get("guard4j.filter.verdicts").tags("stage", "INPUT", "filter", "pii", "verdict", "BLOCK").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("guard4j.filter.verdicts").tags("filter", "prompt-injection", "memoised", "true").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("guard4j.blocks").tags("stage", "INPUT", "filter", "pii").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("guard4j.blocks").tags("filter", "secrets").counter()).isNull();
        assertThat(registry.get("guard4j.findings").tags("stage", "INPUT", "filter", "pii", "category", "EMAIL").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("guard4j.findings").tags("stage", "OUTPUT", "filter", "secrets", "category", "SECRET").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("guard4j.filter.errors").tags("stage", "OUTPUT", "filter", "custom").counter().count()).isEqualTo(1.0);
    }

    @Test
    void timesEachFilterButNotVerdictsTakenFromTheMemo() {
        hook.record(ObservedEvents.blocked());

        assertThat(registry.get("guard4j.filter.latency").tags("stage", "INPUT", "filter", "pii").timer().totalTime(TimeUnit.NANOSECONDS))
                .isEqualTo(12_345_678.0);
        assertThat(registry.find("guard4j.filter.latency").tags("filter", "prompt-injection").timer()).isNull();
    }

    @Test
    void tagsNeverCarryThePrincipalTheCallIdOrTheModel() {
        hook.record(ObservedEvents.blocked());

        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().equals("alice") || tag.getValue().equals("call-7") || tag.getValue().equals("gpt-4o-mini")));
    }
}
