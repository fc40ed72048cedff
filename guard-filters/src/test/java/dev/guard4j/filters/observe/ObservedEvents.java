package dev.guard4j.filters.observe;

import dev.guard4j.AuditEvent;
import dev.guard4j.Content;
import dev.guard4j.FilterResult;
import dev.guard4j.Finding;
import dev.guard4j.Outcome;
import dev.guard4j.Stage;
import dev.guard4j.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events for the observability hook tests. */
final class ObservedEvents {

    private ObservedEvents() {
    }

    /** An input blocked by the PII filter after a memoised injection pass, with two findings. */
    static AuditEvent blocked() {
        FilterResult injection = new FilterResult(Stage.INPUT, "prompt-injection", Content.Source.USER, 0, Verdict.Kind.PASS, null,
                List.of(), Duration.ZERO, true, null);
        FilterResult pii = new FilterResult(Stage.INPUT, "pii", Content.Source.USER, 0, Verdict.Kind.BLOCK, "email in prompt",
                List.of(new Finding("pii.email", "EMAIL", 8, 25, 0.9), new Finding("pii.phone", "PHONE", 30, 42, 0.7)),
                Duration.ofNanos(12_345_678), false, null);
        return new AuditEvent("call-7", Instant.parse("2026-11-25T23:00:00Z"), "alice", "OPEN_AI", "gpt-4o-mini", false,
                Outcome.BLOCKED, "email in prompt", List.of(injection, pii), "a".repeat(64), null, Duration.ofMillis(15),
                Map.of("secret-attribute", "never logged"));
    }

    /** A streamed answer rewritten by the secrets filter, whose other filter failed open. */
    static AuditEvent rewritten() {
        FilterResult secrets = new FilterResult(Stage.OUTPUT, "secrets", Content.Source.MODEL, -1, Verdict.Kind.REWRITE, null,
                List.of(new Finding("aws-access-key", "SECRET", 0, 20, 1.0)), Duration.ofMillis(3), false, null);
        FilterResult broken = new FilterResult(Stage.OUTPUT, "custom", Content.Source.MODEL, -1, Verdict.Kind.PASS, null,
                List.of(), Duration.ofMillis(1), false, "threw IllegalStateException");
        return new AuditEvent("call-8", Instant.parse("2026-11-25T23:00:01Z"), null, "AMAZON_BEDROCK", null, true,
                Outcome.REWRITTEN, null, List.of(secrets, broken), "b".repeat(64), "c".repeat(64), Duration.ofMillis(200), Map.of());
    }
}
