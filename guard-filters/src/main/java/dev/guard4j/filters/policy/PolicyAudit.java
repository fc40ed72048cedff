package dev.guard4j.filters.policy;

import dev.guard4j.AuditHook;
import dev.guard4j.AuditMode;
import dev.guard4j.filters.audit.AuditLog;
import dev.guard4j.filters.audit.AuditLogException;
import dev.guard4j.filters.audit.FlushPolicy;
import dev.guard4j.filters.audit.QueueFullPolicy;
import dev.guard4j.filters.observe.Slf4jAuditHook;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import java.time.Duration;
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
 * @param openTelemetry whether to set GenAI attributes on the current OpenTelemetry span
 * @param section the {@code audit} section, to locate errors, or {@code null} when the policy has none
 */
record PolicyAudit(AuditMode mode, LogSink log, Slf4jSink slf4j, boolean micrometer, boolean openTelemetry, LocatedSettings section) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    static PolicyAudit none() {
        return new PolicyAudit(null, null, null, false, false, null);
    }

    static PolicyAudit read(LocatedSettings audit, UnaryOperator<String> environment) {
        AuditMode mode = audit.has("mode") ? audit.choice("mode", AuditMode.class, null) : null;
        audit.allow("mode");
        LogSink log = sink(audit, "log").map(s -> LogSink.read(s, environment)).orElse(null);
        Slf4jSink slf4j = sink(audit, "slf4j").map(Slf4jSink::read).orElse(null);
        boolean micrometer = audit.flag("micrometer", false);
        if (micrometer) {
            requireLibrary(audit, "micrometer", "io.micrometer.core.instrument.MeterRegistry", "io.micrometer:micrometer-core");
        }
        boolean openTelemetry = audit.flag("opentelemetry", false);
        if (openTelemetry) {
            requireLibrary(audit, "opentelemetry", "io.opentelemetry.api.trace.Span", "io.opentelemetry:opentelemetry-api");
        }
        return new PolicyAudit(mode, log, slf4j, micrometer, openTelemetry, audit);
    }

    /**
     * Checks that an optional library is on the classpath.
     *
     * @throws PolicyException located at the key, naming the Maven module to add
     */
    static void requireLibrary(LocatedSettings section, String key, String className, String module) {
        try {
            Class.forName(className, false, PolicyAudit.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw section.atKey(key, "the '" + key + "' audit sink needs " + module + ", which is not on the classpath",
                    "add the Maven dependency " + module);
        }
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
            hooks.add(log.open());
        }
        if (slf4j != null) {
            hooks.add(slf4j.open());
        }
        if (micrometer) {
            hooks.add(OptionalAuditHooks.micrometer());
        }
        if (openTelemetry) {
            hooks.add(OptionalAuditHooks.openTelemetry());
        }
        return hooks;
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        if (log != null) {
            parts.add("log in " + log.directory() + (log.hmacKeyEnv() != null ? " (HMAC key from $" + log.hmacKeyEnv() + ")" : ""));
        }
        if (slf4j != null) {
            parts.add("slf4j at " + slf4j.level());
        }
        if (micrometer) {
            parts.add("micrometer");
        }
        if (openTelemetry) {
            parts.add("opentelemetry");
        }
        String sinks = parts.isEmpty() ? "no sinks" : String.join(", ", parts);
        return sinks + (mode == null ? "" : ", mode " + mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /**
     * The tamper-evident JSON-lines audit log ({@link AuditLog}).
     *
     * @param directory the folder of the log's files
     * @param filePrefix the file-name prefix, or {@code null} for the log's default
     * @param hmacKeyEnv the environment variable that holds the HMAC key, or {@code null} for a plain hash chain
     * @param rotateAtBytes the size at which a new file starts, or 0 for the log's default
     * @param rotateDaily whether a new file also starts each UTC day
     * @param queueCapacity how many events may wait for the writer, or 0 for the log's default
     * @param whenQueueFull what a caller meets when the queue is full, or {@code null} for the log's default (wait)
     * @param flush when events are forced to disk, or {@code null} for the log's default (every event)
     * @param location the {@code log} section, to locate errors when the log is opened
     * @param environment reads environment variables
     */
    record LogSink(Path directory, String filePrefix, String hmacKeyEnv, int rotateAtBytes, boolean rotateDaily, int queueCapacity,
            QueueFullPolicy whenQueueFull, FlushPolicy flush, LocatedSettings location, UnaryOperator<String> environment) {

        private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");

        static LogSink read(LocatedSettings log, UnaryOperator<String> environment) {
            for (String secret : List.of("hmac-key", "key")) {
                if (log.has(secret)) {
                    throw log.atKey(secret, "the HMAC key must not be written in the policy",
                            "put it in an environment variable and name the variable with 'hmac-key-env'");
                }
            }
            log.allow("hmac-key", "key");
            Path directory = log.path("directory").orElseThrow(() -> log.atKey("directory", "the audit log needs a 'directory' for its files",
                    "write directory: audit/ (relative to this policy file)"));
            String prefix = log.string("file-prefix").orElse(null);
            if (prefix != null && !PREFIX.matcher(prefix).matches()) {
                throw log.atKey("file-prefix", "'" + prefix + "' is not a file-name prefix", "use 1 to 64 letters, digits, '.', '-' or '_'");
            }
            String env = log.string("hmac-key-env").orElse(null);
            if (env != null && !ENV_NAME.matcher(env).matches()) {
                throw log.atKey("hmac-key-env", "'" + env + "' is not an environment variable name",
                        "name the variable (letters, digits and '_'), such as GUARD4J_AUDIT_KEY; never the key itself");
            }
            int rotateAtBytes = log.integer("rotate-at-bytes", 0, 4096, Integer.MAX_VALUE);
            boolean rotateDaily = log.flag("rotate-daily", false);
            int queueCapacity = log.integer("queue-capacity", 0, 1, 1 << 20);
            QueueFullPolicy whenFull = log.has("when-queue-full") ? log.choice("when-queue-full", QueueFullPolicy.class, null) : null;
            log.allow("when-queue-full");
            return new LogSink(directory, prefix, env, rotateAtBytes, rotateDaily, queueCapacity, whenFull, flush(log), log, environment);
        }

        private static FlushPolicy flush(LocatedSettings log) {
            Optional<PolicyNode.Field> field = log.field("flush");
            if (field.isEmpty()) {
                return null;
            }
            String text = log.string("flush").orElseThrow();
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "every-event":
                    return FlushPolicy.everyEvent();
                case "when-buffer-full":
                    return FlushPolicy.whenBufferFull();
                default:
                    Duration interval = log.duration("flush", null, Duration.ofMillis(1), Duration.ofHours(1));
                    return FlushPolicy.every(interval);
            }
        }

        /**
         * Returns the HMAC key read from the environment, if the policy names a variable.
         *
         * @throws PolicyException located at {@code hmac-key-env} when the variable is unset, empty or too short
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
            byte[] key = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (key.length < 16) {
                // name the variable and the length, never the value
                throw location.atKey("hmac-key-env", "environment variable " + hmacKeyEnv + " holds a key of " + key.length
                        + " bytes, shorter than 16", "use a random key of 32 bytes");
            }
            return Optional.of(key);
        }

        /** Opens the log, continuing the chain of the files already in its folder. */
        AuditLog open() {
            AuditLog.Builder builder = AuditLog.builder(directory);
            hmacKey().ifPresent(builder::hmacKey);
            if (filePrefix != null) {
                builder.filePrefix(filePrefix);
            }
            if (rotateAtBytes > 0) {
                builder.rotateAtBytes(rotateAtBytes);
            }
            if (rotateDaily) {
                builder.rotateDaily();
            }
            if (queueCapacity > 0) {
                builder.queueCapacity(queueCapacity);
            }
            if (whenQueueFull != null) {
                builder.whenQueueFull(whenQueueFull);
            }
            if (flush != null) {
                builder.flush(flush);
            }
            try {
                return builder.build();
            } catch (AuditLogException | java.io.UncheckedIOException e) {
                throw location.atKey("directory", "cannot open the audit log in " + directory + ": " + e.getMessage(),
                        "move files that do not verify aside, or check the folder's permissions");
            }
        }
    }

    /**
     * One structured SLF4J line per call.
     *
     * @param level the level to log at
     * @param logger the logger's name
     */
    record Slf4jSink(Slf4jLevel level, String logger) {
        static Slf4jSink read(LocatedSettings s) {
            String logger = s.string("logger", Slf4jAuditHook.LOGGER_NAME);
            if (logger.isBlank()) {
                throw s.atKey("logger", "the logger name is blank", "remove it to log to " + Slf4jAuditHook.LOGGER_NAME);
            }
            return new Slf4jSink(s.choice("level", Slf4jLevel.class, Slf4jLevel.INFO), logger);
        }

        AuditHook open() {
            return new Slf4jAuditHook(LoggerFactory.getLogger(logger), Level.valueOf(level.name()));
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
