package dev.guard4j.filters.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guard4j.AuditEvent;
import dev.guard4j.FilterResult;
import dev.guard4j.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditEventJsonTest {

    @Test
    void writesTheDocumentedSchemaFieldByFieldInAFixedOrder() {
        assertThat(AuditEventJson.write(SampleEvents.blocked())).isEqualTo("{\"v\":1,\"type\":\"event\","
                + "\"callId\":\"call-1\",\"time\":\"2026-11-25T23:04:14.123456Z\",\"principal\":\"alice\","
                + "\"provider\":\"OPEN_AI\",\"model\":\"gpt-4o-mini\",\"streaming\":false,\"outcome\":\"BLOCKED\","
                + "\"reason\":\"email in prompt\",\"inputDigest\":\"" + "a".repeat(64) + "\",\"outputDigest\":null,"
                + "\"latencyMicros\":15000,\"filters\":["
                + "{\"stage\":\"INPUT\",\"filter\":\"pii\",\"source\":\"USER\",\"messageIndex\":0,\"verdict\":\"BLOCK\","
                + "\"reason\":\"email in prompt\",\"latencyMicros\":12345,\"memoised\":false,\"error\":null,"
                + "\"findings\":[{\"category\":\"EMAIL\",\"detector\":\"pii.email\",\"start\":8,\"end\":25,\"score\":0.9}]},"
                + "{\"stage\":\"INPUT\",\"filter\":\"prompt-injection\",\"source\":\"USER\",\"messageIndex\":0,\"verdict\":\"PASS\","
                + "\"reason\":null,\"latencyMicros\":2000,\"memoised\":true,\"error\":null,\"findings\":[]}],"
                + "\"attributes\":{\"tenant\":\"acme\",\"tier\":3}}");
    }

    @Test
    void readsBackWhatItWroteWithDurationsInWholeMicroseconds() {
        AuditEvent event = SampleEvents.blocked();
        AuditEvent back = AuditEventJson.read(AuditEventJson.write(event));

        FilterResult pii = event.filters().get(0);
        FilterResult piiMicros = new FilterResult(pii.stage(), pii.filter(), pii.source(), pii.messageIndex(), pii.verdict(),
                pii.reason(), pii.findings(), Duration.ofNanos(12_345_000), pii.memoised(), pii.error());
        assertThat(back).isEqualTo(new AuditEvent(event.callId(), event.time(), event.principal(), event.provider(),
                event.modelName(), event.streaming(), event.outcome(), event.reason(),
                List.of(piiMicros, event.filters().get(1)), event.inputDigest(), event.outputDigest(), event.latency(),
                event.attributes()));
    }

    static Stream<Arguments> hostileStrings() {
        return Stream.of(
                Arguments.of("unpaired high surrogate", "a\uD800b", "a\uFFFDb"),
                Arguments.of("unpaired low surrogate at the end", "ab\uDC00", "ab\uFFFD"),
                Arguments.of("a proper pair is kept", "x\uD83D\uDE00y", "x\uD83D\uDE00y"),
                Arguments.of("control characters are escaped, not dropped", "a\u0000\n\"b", "a\u0000\n\"b"),
                Arguments.of("10 MB is cut", "z".repeat(10_000_000), "z".repeat(AuditEventJson.MAX_STRING - 1) + "…"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileStrings")
    void anyStringBecomesValidSingleLineJson(String name, String given, String expected) throws Exception {
        AuditEvent event = new AuditEvent("call", SampleEvents.TIME, given, null, null, false, Outcome.FAILED, given,
                List.of(), "d".repeat(64), null, Duration.ZERO, Map.of("note", given));

        String json = AuditEventJson.write(event);

        assertThat(json).doesNotContain("\n");
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.get("principal").asText()).isEqualTo(expected);
        assertThat(node.get("reason").asText()).isEqualTo(expected);
        assertThat(node.get("attributes").get("note").asText()).isEqualTo(expected);
    }

    static Stream<Arguments> attributeValues() {
        return Stream.of(
                Arguments.of(true, "true"),
                Arguments.of(42, "42"),
                Arguments.of(1.5, "1.5"),
                Arguments.of(Double.NaN, "\"NaN\""),
                Arguments.of(List.of("x", "y"), "\"[x, y]\""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("attributeValues")
    void attributesAreJsonScalarsOrTheirStringForm(Object value, String expectedJson) {
        AuditEvent event = new AuditEvent("call", SampleEvents.TIME, null, null, null, false, Outcome.ALLOWED, null,
                List.of(), "d".repeat(64), null, Duration.ZERO, Map.of("k", value));

        assertThat(AuditEventJson.write(event)).endsWith("\"attributes\":{\"k\":" + expectedJson + "}}");
    }

    static Stream<Arguments> notEvents() {
        return Stream.of(
                Arguments.of("not JSON", "{\"v\":1,"),
                Arguments.of("an array", "[1]"),
                Arguments.of("another version", "{\"v\":2,\"type\":\"event\"}"),
                Arguments.of("a header", "{\"v\":1,\"type\":\"header\"}"),
                Arguments.of("a missing field", "{\"v\":1,\"type\":\"event\",\"callId\":\"x\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notEvents")
    void readingSomethingElseFailsWithAClearMessage(String name, String json) {
        assertThatThrownBy(() -> AuditEventJson.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("null");
    }
}
