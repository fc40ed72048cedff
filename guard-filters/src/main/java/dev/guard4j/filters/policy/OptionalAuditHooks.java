package dev.guard4j.filters.policy;

import dev.guard4j.AuditHook;
import dev.guard4j.filters.observe.MicrometerAuditHook;
import dev.guard4j.filters.observe.OpenTelemetryAuditHook;
import io.micrometer.core.instrument.Metrics;

/**
 * Makes the audit hooks whose libraries are optional dependencies of guard-filters.
 *
 * <p>Kept apart so that nothing here is loaded unless the policy asks for the hook and the
 * library was found on the classpath ({@link PolicyAudit} checks first).
 */
final class OptionalAuditHooks {

    private OptionalAuditHooks() {
    }

    /** Returns a hook that counts and times calls in Micrometer's global registry. */
    static AuditHook micrometer() {
        return new MicrometerAuditHook(Metrics.globalRegistry);
    }

    /** Returns a hook that sets GenAI attributes on the current OpenTelemetry span. */
    static AuditHook openTelemetry() {
        return new OpenTelemetryAuditHook();
    }
}
