package dev.guard4j.filters.observe;

import dev.guard4j.AuditEvent;
import dev.guard4j.AuditHook;
import dev.guard4j.FilterResult;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs one structured {@code key=value} line per guarded call through SLF4J, never with prompt or answer text.
 *
 * <pre>
 * guard4j call callId=3f2a… outcome=BLOCKED principal=alice provider=OPEN_AI model=gpt-4o-mini streaming=false
 *   latencyMs=15.000 blockedStage=INPUT blockedFilter=pii categories=EMAIL
 *   filters="pii@INPUT=BLOCK,prompt-injection@INPUT=PASS" filterMs="12.345,0.000" reason="email in prompt"
 * </pre>
 * (one line in the log). Values with spaces, quotes or {@code =} are quoted; line breaks and other
 * control characters are escaped, so a value cannot forge a second log line.
 */
public final class Slf4jAuditHook implements AuditHook {

    /** The logger name used unless another logger is given. */
    public static final String LOGGER_NAME = "dev.guard4j.audit";

    private final Logger logger;
    private final Level level;

    /** Creates a hook that logs at INFO to {@value #LOGGER_NAME}. */
    public Slf4jAuditHook() {
        this(LoggerFactory.getLogger(LOGGER_NAME), Level.INFO);
    }

    /**
     * Creates a hook that logs at the given level to {@value #LOGGER_NAME}.
     *
     * @param level the level of every line
     */
    public Slf4jAuditHook(Level level) {
        this(LoggerFactory.getLogger(LOGGER_NAME), level);
    }

    /**
     * Creates a hook that logs to the given logger.
     *
     * @param logger where the lines go
     * @param level the level of every line
     */
    public Slf4jAuditHook(Logger logger, Level level) {
        this.logger = Objects.requireNonNull(logger, "logger");
        this.level = Objects.requireNonNull(level, "level");
    }

    @Override
    public void record(AuditEvent event) {
        if (!logger.isEnabledForLevel(level)) {
            return;
        }
        String line = format(event);
        switch (level) {
            case ERROR -> logger.error(line);
            case WARN -> logger.warn(line);
            case INFO -> logger.info(line);
            case DEBUG -> logger.debug(line);
            default -> logger.trace(line);
        }
    }

    /** Returns the line for an event. */
    static String format(AuditEvent event) {
        StringBuilder line = new StringBuilder(256).append("guard4j call");
        pair(line, "callId", event.callId());
        pair(line, "outcome", event.outcome().name());
        pair(line, "principal", event.principal());
        pair(line, "provider", event.provider());
        pair(line, "model", event.modelName());
        pair(line, "streaming", String.valueOf(event.streaming()));
        pair(line, "latencyMs", millis(event.latency()));
        FilterResult blocking = EventSummary.blockingFilter(event);
        if (blocking != null) {
            pair(line, "blockedStage", blocking.stage().name());
            pair(line, "blockedFilter", blocking.filter());
        }
        pair(line, "categories", String.join(",", EventSummary.categories(event)));
        pair(line, "filters", String.join(",", EventSummary.verdicts(event)));
        pair(line, "filterMs", String.join(",", event.filters().stream()
                .map(result -> millis(result.latency())).toList()));
        pair(line, "reason", event.reason());
        return line.toString();
    }

    private static String millis(java.time.Duration duration) {
        return String.format(Locale.ROOT, "%.3f", EventSummary.millis(duration));
    }

    private static void pair(StringBuilder line, String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        line.append(' ').append(key).append('=');
        boolean quote = value.length() > 1024;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c <= ' ' || c == '"' || c == '=' || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c);
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        int limit = Math.min(value.length(), 1024);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                line.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        if (value.length() > limit) {
            line.append('…');
        }
        line.append('"');
    }

    @Override
    public String toString() {
        return "Slf4jAuditHook[" + logger.getName() + " at " + level + "]";
    }
}
