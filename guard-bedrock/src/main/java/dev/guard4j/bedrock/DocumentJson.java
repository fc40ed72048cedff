package dev.guard4j.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.InvalidRequestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** Converts between the SDK's {@link Document} (tool inputs and schemas) and JSON text. */
final class DocumentJson {

    // tool arguments come from the model and tool schemas from the caller: cap the nesting either way
    private static final int MAX_DEPTH = 64;
    static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    private DocumentJson() {
    }

    /** Parses JSON text (tool arguments) into a document; blank text is an empty object. */
    static Document fromJson(String json) {
        if (json == null || json.isBlank()) {
            return Document.mapBuilder().build();
        }
        try {
            return fromNode(JSON.readTree(json), 0);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("tool call arguments are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Converts a map (a JSON schema from LangChain4j) into a document. */
    static Document fromMap(Map<String, Object> map) {
        return fromNode(JSON.valueToTree(map), 0);
    }

    /** Writes a document as compact JSON text. */
    static String toJson(Document document) {
        try {
            return JSON.writeValueAsString(toNode(document, 0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document could not be written as JSON", e);
        }
    }

    private static Document fromNode(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidRequestException("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Document.fromNull();
        }
        if (node.isObject()) {
            Map<String, Document> members = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                members.put(field.getKey(), fromNode(field.getValue(), depth + 1));
            }
            return Document.fromMap(members);
        }
        if (node.isArray()) {
            List<Document> items = new ArrayList<>();
            node.forEach(item -> items.add(fromNode(item, depth + 1)));
            return Document.fromList(items);
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? Document.fromNumber(node.longValue()) : Document.fromNumber(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        return Document.fromString(node.asText());
    }

    private static JsonNode toNode(Document document, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("document nested deeper than " + MAX_DEPTH + " levels");
        }
        if (document == null || document.isNull()) {
            return nodes.nullNode();
        }
        if (document.isMap()) {
            ObjectNode object = nodes.objectNode();
            document.asMap().forEach((key, value) -> object.set(key, toNode(value, depth + 1)));
            return object;
        }
        if (document.isList()) {
            ArrayNode array = nodes.arrayNode();
            document.asList().forEach(item -> array.add(toNode(item, depth + 1)));
            return array;
        }
        if (document.isBoolean()) {
            return nodes.booleanNode(document.asBoolean());
        }
        if (document.isNumber()) {
            SdkNumber number = document.asNumber();
            return nodes.numberNode(new BigDecimal(number.stringValue()));
        }
        return nodes.textNode(document.asString());
    }
}
