package dev.guard4j.filters.audit;

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

/** Audit events for tests: a blocked call with findings, and plain allowed calls. */
final class SampleEvents {

    static final Instant TIME = Instant.parse("2026-11-25T23:04:14.123456Z");

    private SampleEvents() {
    }

    static AuditEvent blocked() {
        FilterResult pii = new FilterResult(Stage.INPUT, "pii", Content.Source.USER, 0, Verdict.Kind.BLOCK, "email in prompt",
                List.of(new Finding("pii.email", "EMAIL", 8, 25, 0.9)), Duration.ofNanos(12_345_678), false, null);
        FilterResult injection = new FilterResult(Stage.INPUT, "prompt-injection", Content.Source.USER, 0, Verdict.Kind.PASS, null,
                List.of(), Duration.ofMillis(2), true, null);
        return new AuditEvent("call-1", TIME, "alice", "OPEN_AI", "gpt-4o-mini", false, Outcome.BLOCKED, "email in prompt",
                List.of(pii, injection), "a".repeat(64), null, Duration.ofMillis(15), Map.of("tenant", "acme", "tier", 3L));
    }

    static AuditEvent allowed(String callId) {
        FilterResult pass = new FilterResult(Stage.OUTPUT, "secrets", Content.Source.MODEL, -1, Verdict.Kind.PASS, null,
                List.of(), Duration.ofNanos(41_000), false, null);
        return new AuditEvent(callId, TIME, "bob", "OLLAMA", "llama3", true, Outcome.ALLOWED, null,
                List.of(pass), "b".repeat(64), "c".repeat(64), Duration.ofMillis(120), Map.of());
    }
}
