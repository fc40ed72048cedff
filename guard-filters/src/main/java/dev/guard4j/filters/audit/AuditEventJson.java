package dev.guard4j.filters.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guard4j.AuditEvent;
import dev.guard4j.Content;
import dev.guard4j.FilterResult;
import dev.guard4j.Finding;
import dev.guard4j.Outcome;
import dev.guard4j.Stage;
import dev.guard4j.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@link AuditEvent} as one JSON object in the documented, versioned audit schema, and reads it back.
 *
 * <p>Schema version {@value #SCHEMA_VERSION} (see {@code docs/audit.md}): every field is always
 * present, in a fixed order, {@code null} when absent; instants are ISO-8601 in UTC; durations are
 * whole microseconds; findings carry category, detector, span and score only, never text.
 * Strings longer than {@value #MAX_STRING} characters are cut (with a trailing {@code "…"}) and
 * unpaired surrogates become U+FFFD, so any event can be written.
 *
 * <pre>{@code
 * String line = AuditEventJson.write(event);   // {"v":1,"type":"event","callId":"...",...}
 * AuditEvent back = AuditEventJson.read(line);
 * }</pre>
 */
public final class AuditEventJson {

    /** The schema version written in every record's {@code v} field. */
    public static final int SCHEMA_VERSION = 1;

    /** The longest string value written; longer ones are cut. */
    public static final int MAX_STRING = 8192;
    /** The longest opt-in recorded text kept, in UTF-16 characters; longer text is cut with a trailing "…". */
    public static final int MAX_RECORDED_TEXT = 1_000_000;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private AuditEventJson() {
    }

    /**
     * Returns the event as one JSON object with {@code v} and {@code "type":"event"} first.
     *
     * @param event the event
     * @return one line of JSON, without a line break
     */
    public static String write(AuditEvent event) {
        byte[] fields = fields(event);
        String prefix = "{\"v\":" + SCHEMA_VERSION + ",\"type\":\"event\",";
        return prefix + new String(fields, StandardCharsets.UTF_8) + "}";
    }

    /**
     * Returns the event's fields as UTF-8 JSON without the surrounding braces, for the chained log
     * to put between its own {@code seq} and {@code prev} fields.
     */
    static byte[] fields(AuditEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            writeFields(json, event);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit event " + event.callId(), e);
        }
        byte[] object = out.toByteArray();
        byte[] inner = new byte[object.length - 2];
        System.arraycopy(object, 1, inner, 0, inner.length);
        return inner;
    }

    private static void writeFields(JsonGenerator json, AuditEvent event) throws IOException {
        string(json, "callId", event.callId());
        json.writeStringField("time", event.time().toString());
        string(json, "principal", event.principal());
        string(json, "provider", event.provider());
        string(json, "model", event.modelName());
        json.writeBooleanField("streaming", event.streaming());
        json.writeStringField("outcome", event.outcome().name());
        string(json, "reason", event.reason());
        string(json, "inputDigest", event.inputDigest());
        string(json, "outputDigest", event.outputDigest());
        json.writeNumberField("latencyMicros", micros(event.latency()));
        json.writeArrayFieldStart("filters");
        for (FilterResult result : event.filters()) {
            writeFilter(json, result);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("attributes");
        // sorted, so that the same event always gives the same bytes
        for (Map.Entry<String, Object> attribute : new TreeMap<>(event.attributes()).entrySet()) {
            json.writeFieldName(clean(attribute.getKey()));
            writeAttribute(json, attribute.getValue());
        }
        json.writeEndObject();
        recorded(json, "recordedInput", event.recordedInput());
        recorded(json, "recordedOutput", event.recordedOutput());
    }

    /** Writes opt-in recorded (already redacted) text; the field is absent when recording is off. */
    private static void recorded(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, clean(value, MAX_RECORDED_TEXT));
        }
    }

    private static void writeFilter(JsonGenerator json, FilterResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("stage", result.stage().name());
        string(json, "filter", result.filter());
        json.writeStringField("source", result.source().name());
        json.writeNumberField("messageIndex", result.messageIndex());
        json.writeStringField("verdict", result.verdict().name());
        string(json, "reason", result.reason());
        json.writeNumberField("latencyMicros", micros(result.latency()));
        json.writeBooleanField("memoised", result.memoised());
        string(json, "error", result.error());
        json.writeArrayFieldStart("findings");
        for (Finding finding : result.findings()) {
            json.writeStartObject();
            string(json, "category", finding.category());
            string(json, "detector", finding.detector());
            json.writeNumberField("start", finding.start());
            json.writeNumberField("end", finding.end());
            json.writeNumberField("score", finding.score());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeAttribute(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number && Double.isFinite(number.doubleValue())
                && !(value instanceof java.math.BigInteger) && !(value instanceof java.math.BigDecimal)) {
            json.writeNumber(number.doubleValue());
        } else {
            json.writeString(clean(String.valueOf(value)));
        }
    }

    private static void string(JsonGenerator json, String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, clean(value));
        }
    }

    /** Returns the duration in whole microseconds, saturating instead of overflowing. */
    static long micros(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds >= Long.MAX_VALUE / 1_000_000) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1_000_000) {
            return Long.MIN_VALUE;
        }
        return seconds * 1_000_000 + duration.getNano() / 1_000;
    }

    /** Cuts over-long strings and replaces unpaired surrogates, which UTF-8 cannot carry. */
    static String clean(String value) {
        return clean(value, MAX_STRING);
    }

    private static String clean(String value, int max) {
        String cut = value.length() > max ? value.substring(0, max - 1) + "…" : value;
        StringBuilder out = null;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < cut.length() && Character.isLowSurrogate(cut.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(cut.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(cut.length()).append(cut, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? cut : out.toString();
    }

    /**
     * Reads an event written by {@link #write(AuditEvent)} or a chained log line (whose extra
     * {@code seq}, {@code prev} and {@code hash} fields are ignored).
     *
     * @param json one JSON object
     * @return the event; durations come back in whole microseconds
     * @throws IllegalArgumentException when the JSON is not an event of a known schema version
     */
    public static AuditEvent read(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an audit event must be a JSON object");
        }
        if (node.path("v").asInt(-1) != SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported audit schema version " + node.get("v") + ", expected " + SCHEMA_VERSION);
        }
        if (!"event".equals(node.path("type").asText())) {
            throw new IllegalArgumentException("not an event record: type " + node.get("type"));
        }
        try {
            List<FilterResult> filters = new ArrayList<>();
            for (JsonNode filter : required(node, "filters")) {
                filters.add(readFilter(filter));
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = required(node, "attributes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode value = entry.getValue();
                attributes.put(entry.getKey(), value.isBoolean() ? (Object) value.booleanValue()
                        : value.isIntegralNumber() ? (Object) value.longValue()
                        : value.isNumber() ? (Object) value.doubleValue() : value.asText());
            }
            return new AuditEvent(
                    text(node, "callId"),
                    Instant.parse(text(node, "time")),
                    text(node, "principal"),
                    text(node, "provider"),
                    text(node, "model"),
                    required(node, "streaming").booleanValue(),
                    Outcome.valueOf(text(node, "outcome")),
                    text(node, "reason"),
                    filters,
                    text(node, "inputDigest"),
                    text(node, "outputDigest"),
                    Duration.ofNanos(Math.multiplyExact(required(node, "latencyMicros").longValue(), 1_000L)),
                    attributes,
                    optionalText(node, "recordedInput"),
                    optionalText(node, "recordedOutput"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed audit event: " + e.getMessage(), e);
        }
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static FilterResult readFilter(JsonNode node) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode finding : required(node, "findings")) {
            findings.add(new Finding(text(finding, "detector"), text(finding, "category"),
                    required(finding, "start").intValue(), required(finding, "end").intValue(),
                    required(finding, "score").doubleValue()));
        }
        return new FilterResult(
                Stage.valueOf(text(node, "stage")),
                text(node, "filter"),
                Content.Source.valueOf(text(node, "source")),
                required(node, "messageIndex").intValue(),
                Verdict.Kind.valueOf(text(node, "verdict")),
                text(node, "reason"),
                findings,
                Duration.ofNanos(Math.multiplyExact(required(node, "latencyMicros").longValue(), 1_000L)),
                required(node, "memoised").booleanValue(),
                text(node, "error"));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.isNull() ? null : value.asText();
    }
}
