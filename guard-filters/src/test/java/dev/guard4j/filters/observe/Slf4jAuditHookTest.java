package dev.guard4j.filters.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.AuditEvent;
import dev.guard4j.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

class Slf4jAuditHookTest {

    @Test
    void aBlockedCallIsOneLineOfKeyValuePairsWithoutText() {
        assertThat(Slf4jAuditHook.format(ObservedEvents.blocked())).isEqualTo("guard4j call callId=call-7 outcome=BLOCKED"
                + " principal=alice provider=OPEN_AI model=gpt-4o-mini streaming=false latencyMs=15.000"
                + " blockedStage=INPUT blockedFilter=pii categories=EMAIL,PHONE"
                + " filters=\"prompt-injection@INPUT=PASS,pii@INPUT=BLOCK\" filterMs=0.000,12.346 reason=\"email in prompt\"");
    }

    @Test
    void aFilterErrorIsMarkedAndAbsentValuesAreLeftOut() {
        assertThat(Slf4jAuditHook.format(ObservedEvents.rewritten())).isEqualTo("guard4j call callId=call-8 outcome=REWRITTEN"
                + " provider=AMAZON_BEDROCK streaming=true latencyMs=200.000 categories=SECRET"
                + " filters=\"secrets@OUTPUT=REWRITE,custom@OUTPUT=PASS!error\" filterMs=3.000,1.000");
    }

    static Stream<Arguments> hostileValues() {
        return Stream.of(
                Arguments.of("a\nforged=line", "\"a\\nforged=line\""),
                Arguments.of("quote\" and \\", "\"quote\\\" and \\\\\""),
                Arguments.of("tab\there", "\"tab\\u0009here\""),
                Arguments.of("x".repeat(2000), "\"" + "x".repeat(1024) + "…\""));
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void aValueCannotBreakTheLineOrForgeAPair(String principal, String expected) {
        AuditEvent event = new AuditEvent("c", Instant.EPOCH, principal, null, null, false, Outcome.ALLOWED, null,
                List.of(), "d".repeat(64), null, Duration.ZERO, Map.of());

        String line = Slf4jAuditHook.format(event);

        assertThat(line).doesNotContain("\n").contains(" principal=" + expected + " ");
    }

    @Test
    void logsAtTheConfiguredLevelOnlyWhenEnabled() {
        RecordingLogger logger = new RecordingLogger(Level.INFO);

        new Slf4jAuditHook(logger, Level.WARN).record(ObservedEvents.blocked());
        new Slf4jAuditHook(logger, Level.DEBUG).record(ObservedEvents.blocked());

        assertThat(logger.lines).containsExactly("WARN " + Slf4jAuditHook.format(ObservedEvents.blocked()));
    }

    @Test
    void neverLogsTheCallersAttributes() {
        assertThat(Slf4jAuditHook.format(ObservedEvents.blocked())).doesNotContain("never logged").doesNotContain("secret-attribute");
    }

    /** A logger that keeps what it is given, enabled from a threshold level up. */
    static final class RecordingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        final transient List<String> lines = new ArrayList<>();
        private final Level threshold;

        RecordingLogger(Level threshold) {
            this.threshold = threshold;
            this.name = "recording";
        }

        private boolean enabled(Level level) {
            return level.toInt() >= threshold.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
            lines.add(level + " " + message);
        }
    }
}
