package dev.guard4j.filters.observe;

import dev.guard4j.AuditEvent;
import dev.guard4j.Outcome;
import dev.guard4j.filters.audit.AuditLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs inside a class loader without Micrometer and OpenTelemetry, for {@link OptionalDependenciesTest}. */
public final class WithoutOptionalDependencies {

    private WithoutOptionalDependencies() {
    }

    /**
     * Records one event in an audit log and an SLF4J line.
     *
     * @param dir the log's folder
     */
    public static void recordAndLog(Path dir) {
        AuditEvent event = new AuditEvent("isolated", Instant.EPOCH, null, "OLLAMA", null, false, Outcome.ALLOWED, null,
                List.of(), "f".repeat(64), null, Duration.ZERO, Map.of());
        try (AuditLog log = AuditLog.builder(dir).build()) {
            log.record(event);
        }
        new Slf4jAuditHook().record(event);
    }

    /** Uses the Micrometer hook, which needs Micrometer. */
    public static void countInMicrometer() {
        // through another class: code that hands a registry to the hook makes the bytecode verifier
        // load Micrometer for the whole class that holds it, whether or not that code runs
        MicrometerUse.count();
    }

    /** The only class here that names a Micrometer type. */
    static final class MicrometerUse {
        private MicrometerUse() {
        }

        static void count() {
            new MicrometerAuditHook(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        }
    }
}
