package dev.guard4j.filters.policy;

import dev.guard4j.AuditHook;
import dev.guard4j.AuditMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The {@code audit} section of a policy: the audit mode and the sinks the guard reports to.
 *
 * @param mode what a failing hook does to the call, or {@code null} for the guard's default
 * @param log the JSON-lines audit log, or {@code null}
 * @param slf4j the SLF4J line per call, or {@code null}
 * @param micrometer whether to count calls in Micrometer's global registry
 * @param section the {@code audit} section, to locate errors, or {@code null} when the policy has none
 */
record PolicyAudit(AuditMode mode, LogSink log, Slf4jSink slf4j, boolean micrometer, LocatedSettings section) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    static PolicyAudit none() {
        return new PolicyAudit(null, null, null, false, null);
    }

    static PolicyAudit read(LocatedSettings audit, UnaryOperator<String> environment) {
        AuditMode mode = audit.has("mode") ? audit.choice("mode", AuditMode.class, null) : null;
        audit.allow("mode");
        LogSink log = sink(audit, "log").map(s -> LogSink.read(s, environment)).orElse(null);
        Slf4jSink slf4j = sink(audit, "slf4j").map(Slf4jSink::read).orElse(null);
        boolean micrometer = audit.flag("micrometer", false);
        return new PolicyAudit(mode, log, slf4j, micrometer, audit);
    }

    /** Reads a sink written as a map, as {@code true} (defaults) or as {@code false} (off). */
    private static Optional<LocatedSettings> sink(LocatedSettings audit, String key) {
        Optional<PolicyNode.Field> field = audit.field(key);
        if (field.isPresent() && field.get().value() instanceof PolicyNode.ScalarNode s && s.value() instanceof Boolean on) {
            if (!on) {
                return Optional.empty();
            }
            PolicyNode.MapNode empty = new PolicyNode.MapNode(java.util.Map.of(), s.line(), s.column());
            return Optional.of(audit.child(audit.keyPath(key), "audit sink '" + key + "'", empty));
        }
        return audit.map(key);
    }

    /**
     * Opens the configured sinks as audit hooks, in the order log, SLF4J, Micrometer.
     *
     * @throws PolicyException located at the sink that cannot be opened
     */
    List<AuditHook> openHooks() {
        List<AuditHook> hooks = new ArrayList<>();
        if (log != null) {
            log.hmacKey();
        }
        // the audit engineer's sinks (dev.guard4j.filters.audit) are wired here as they land; until
        // then a policy that asks for a sink fails rather than running without its audit trail
        for (String sink : List.of("log", "slf4j", "micrometer")) {
            boolean wanted = switch (sink) {
                case "log" -> log != null;
                case "slf4j" -> slf4j != null;
                default -> micrometer;
            };
            if (wanted) {
                throw section.atKey(sink, "the '" + sink + "' audit sink is not available in this build of guard-filters",
                        "remove the sink, or use a build that includes dev.guard4j.filters.audit");
            }
        }
        return hooks;
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        if (log != null) {
            parts.add("log " + log.file() + (log.hmacKeyEnv() != null ? " (HMAC key from $" + log.hmacKeyEnv() + ")" : ""));
        }
        if (slf4j != null) {
            parts.add("slf4j at " + slf4j.level());
        }
        if (micrometer) {
            parts.add("micrometer");
        }
        String sinks = parts.isEmpty() ? "no sinks" : String.join(", ", parts);
        return sinks + (mode == null ? "" : ", mode " + mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /**
     * The JSON-lines audit log.
     *
     * @param file where it is written
     * @param hmacKeyEnv the environment variable that holds the HMAC key, or {@code null} for a plain hash chain
     * @param location where the {@code hmacKeyEnv} key was written, for the error when the variable is unset
     * @param environment reads environment variables
     */
    record LogSink(Path file, String hmacKeyEnv, LocatedSettings location, UnaryOperator<String> environment) {

        static LogSink read(LocatedSettings log, UnaryOperator<String> environment) {
            if (log.has("hmac-key")) {
                throw log.atKey("hmac-key", "the HMAC key must not be written in the policy",
                        "put it in an environment variable and name the variable with 'hmac-key-env'");
            }
            log.allow("hmac-key");
            Path file = log.path("file").orElseThrow(() -> log.atKey("file", "the audit log needs a 'file'", "write file: audit/guard4j.jsonl"));
            String env = log.string("hmac-key-env").orElse(null);
            if (env != null && !ENV_NAME.matcher(env).matches()) {
                throw log.atKey("hmac-key-env", "'" + env + "' is not an environment variable name",
                        "name the variable (letters, digits and '_'), such as GUARD4J_AUDIT_KEY; never the key itself");
            }
            return new LogSink(file, env, log, environment);
        }

        /**
         * Returns the HMAC key read from the environment, if the policy names a variable.
         *
         * @throws PolicyException located at {@code hmacKeyEnv} when the variable is unset or empty
         */
        Optional<byte[]> hmacKey() {
            if (hmacKeyEnv == null) {
                return Optional.empty();
            }
            String value = environment.apply(hmacKeyEnv);
            if (value == null || value.isEmpty()) {
                throw location.atKey("hmac-key-env", "environment variable " + hmacKeyEnv + " is not set",
                        "export " + hmacKeyEnv + " with the audit log's HMAC key before building the guard");
            }
            return Optional.of(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * One structured SLF4J line per call.
     *
     * @param level the level to log at
     */
    record Slf4jSink(Slf4jLevel level) {
        static Slf4jSink read(LocatedSettings s) {
            return new Slf4jSink(s.choice("level", Slf4jLevel.class, Slf4jLevel.INFO));
        }
    }

    /** The SLF4J levels an audit line may use. */
    enum Slf4jLevel {
        TRACE,
        DEBUG,
        INFO,
        WARN,
        ERROR
    }
}
