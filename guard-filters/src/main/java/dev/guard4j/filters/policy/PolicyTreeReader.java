package dev.guard4j.filters.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses YAML or JSON into {@link PolicyNode}s that remember where each key and value was written.
 *
 * <p>Jackson's own tree forgets token locations, so the tree is built here from the parser's
 * tokens. Nesting and size are capped: a policy is small, and a hostile one must not exhaust the stack.
 */
final class PolicyTreeReader {

    static final int MAX_DEPTH = 32;
    static final int MAX_CHARS = 1 << 20;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final String file;
    private final boolean yaml;

    private PolicyTreeReader(String file, boolean yaml) {
        this.file = file;
        this.yaml = yaml;
    }

    /**
     * Parses a whole policy document whose root must be a map.
     *
     * @param file the file name for error messages
     * @param text the document
     * @return the root map
     */
    static PolicyNode.MapNode read(String file, String text) {
        return read(file, text, looksLikeJson(file, text));
    }

    /**
     * Parses a whole document whose root must be a map, as JSON or as YAML.
     *
     * @param file the file name for error messages
     * @param text the document
     * @param json whether to parse it as JSON rather than YAML (YAML also reads most JSON)
     * @return the root map
     */
    static PolicyNode.MapNode read(String file, String text, boolean json) {
        PolicyTreeReader reader = new PolicyTreeReader(file, !json);
        if (text.length() > MAX_CHARS) {
            throw reader.error(1, 1, "(file)", "the policy is " + text.length() + " characters long, more than the limit of " + MAX_CHARS, null);
        }
        if (text.isBlank()) {
            throw reader.error(1, 1, "(file)", "the policy is empty", "start with 'input:' or 'output:' (see docs/policy-and-cli.md)");
        }
        JsonFactory factory = json ? JSON : YAML;
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw reader.error(1, 1, "(file)", "the policy is empty", "start with 'input:' or 'output:'");
            }
            PolicyNode root = reader.value(parser, "(root)", 0);
            if (!(root instanceof PolicyNode.MapNode map)) {
                throw reader.error(root.line(), root.column(), "(root)", "the policy must be a map of keys, was " + root.kindName(), "start with 'input:' or 'output:'");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw reader.error(line(at), column(at), "(root)", "more than one document in the policy", "keep one document per file");
            }
            return map;
        } catch (JsonParseException | InputCoercionException e) {
            JsonLocation at = e.getLocation();
            throw reader.error(at == null ? 1 : line(at), at == null ? 1 : column(at), "(syntax)",
                    "not valid " + (factory == JSON ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot parse the policy: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof PolicyException) {
                throw e;
            }
            // snakeyaml reports its own syntax errors as unchecked exceptions
            throw reader.error(1, 1, "(syntax)", "not valid YAML: " + e.getMessage(), null);
        }
    }

    private static boolean looksLikeJson(String file, String text) {
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".json")) {
            return true;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return false;
        }
        return text.stripLeading().startsWith("{");
    }

    private PolicyNode value(JsonParser parser, String path, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = line(at);
        int column = column(at);
        if (depth > MAX_DEPTH) {
            throw error(line, column, path, "nested deeper than " + MAX_DEPTH + " levels", null);
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return map(parser, path, depth, line, column);
            case START_ARRAY:
                return list(parser, path, depth, line, column);
            case VALUE_STRING:
                // YAML gives "key:" with nothing after it as an empty string; it means "no value"
                String text = parser.getText();
                return new PolicyNode.ScalarNode(text.isEmpty() && yaml ? null : text, text, line, column);
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    // too large for any setting: keep it as a fraction so the getter's range error applies
                    return new PolicyNode.ScalarNode(parser.getDoubleValue(), parser.getText(), line, column);
                }
                return new PolicyNode.ScalarNode(parser.getLongValue(), parser.getText(), line, column);
            case VALUE_NUMBER_FLOAT:
                return new PolicyNode.ScalarNode(parser.getDoubleValue(), parser.getText(), line, column);
            case VALUE_TRUE:
                return new PolicyNode.ScalarNode(Boolean.TRUE, parser.getText(), line, column);
            case VALUE_FALSE:
                return new PolicyNode.ScalarNode(Boolean.FALSE, parser.getText(), line, column);
            case VALUE_NULL:
                return new PolicyNode.ScalarNode(null, parser.getText(), line, column);
            default:
                throw error(line, column, path, "unexpected " + token, null);
        }
    }

    private PolicyNode.MapNode map(JsonParser parser, String path, int depth, int line, int column) throws IOException {
        Map<String, PolicyNode.Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            JsonLocation keyAt = parser.currentTokenLocation();
            String key = parser.currentName();
            String keyPath = "(root)".equals(path) ? key : path + "." + key;
            if (fields.containsKey(key)) {
                PolicyNode.Field first = fields.get(key);
                throw error(line(keyAt), column(keyAt), keyPath, "duplicate key '" + key + "'",
                        "it is already set at line " + first.line() + "; keep one");
            }
            parser.nextToken();
            PolicyNode value = value(parser, keyPath, depth + 1);
            fields.put(key, new PolicyNode.Field(key, line(keyAt), column(keyAt), value));
        }
        return new PolicyNode.MapNode(fields, line, column);
    }

    private PolicyNode.ListNode list(JsonParser parser, String path, int depth, int line, int column) throws IOException {
        var items = new ArrayList<PolicyNode>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser, path + "[" + items.size() + "]", depth + 1));
        }
        return new PolicyNode.ListNode(items, line, column);
    }

    private PolicyException error(int line, int column, String key, String problem, String hint) {
        return new PolicyException(new PolicyException.Where(file, line, column, key), problem, hint);
    }

    private static int line(JsonLocation at) {
        return Math.max(1, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return Math.max(1, at.getColumnNr());
    }
}
