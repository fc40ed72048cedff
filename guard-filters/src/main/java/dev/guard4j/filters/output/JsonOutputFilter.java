package dev.guard4j.filters.output;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that an answer the caller expects as JSON parses, and optionally matches a JSON Schema;
 * blocks it otherwise, or rewrites an answer wrapped in a markdown fence to the bare JSON.
 *
 * <p>Size and nesting are bounded before anything is built: an answer longer than
 * {@code maxChars} or nested deeper than {@code maxDepth} is blocked with a verdict that says so,
 * never a stack overflow. Schemas follow draft 2020-12 unless they name another with
 * {@code $schema}.
 *
 * <p>Warning: a streamed answer reaches output checkers in windows, and a window of JSON is not
 * JSON, so windows pass and the complete answer is judged when the stream ends. By then the
 * caller may have received the text of an invalid answer before the stream ends in a block; use
 * {@code StreamingOptions.bufferAll()} when nothing invalid may be released, or when fences are
 * to be stripped (a rewrite cannot reach text already released).
 */
public final class JsonOutputFilter implements OutputChecker {

    /** Category of an answer that is not the JSON the caller expects. */
    public static final String INVALID_JSON = "INVALID_JSON";

    /** When the filter applies. */
    public enum When {
        /** To every answer. */
        ALWAYS,
        /** Only when the request asked for JSON ({@code responseFormat} of type JSON). */
        JSON_REQUESTED
    }

    /** What the filter does with JSON wrapped in a markdown code fence. */
    public enum Fence {
        /** Rewrites the answer to the JSON inside the fence. */
        STRIP,
        /** Blocks the answer, as for any other non-JSON. */
        BLOCK
    }

    private static final Pattern FENCED = Pattern.compile("\\A\\s*```[ \\t]*(?:json|JSON)?[ \\t]*\\r?\\n(.*)\\n[ \\t]*```\\s*\\z",
            Pattern.DOTALL);
    private static final int MAX_REPORTED_ERRORS = 3;

    private final Schema schema;
    private final When when;
    private final Fence fence;
    private final int maxChars;
    private final int maxDepth;
    private final JsonMapper mapper;

    private JsonOutputFilter(Builder builder) {
        this.when = builder.when;
        this.fence = builder.fence;
        this.maxChars = builder.maxChars;
        this.maxDepth = builder.maxDepth;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxDocumentLength(maxChars)
                .build();
        this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.schema = builder.schema == null ? null : compile(builder.schema);
    }

    /**
     * Returns a filter that checks every answer parses as JSON, with no schema.
     *
     * @return a filter that checks every answer parses as JSON, with no schema
     */
    public static JsonOutputFilter ofDefaults() {
        return builder().build();
    }

    /**
     * Returns a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Verdict check(Content output) {
        if (output.source() != Content.Source.MODEL || (when == When.JSON_REQUESTED && !jsonRequested(output))) {
            return Verdict.pass();
        }
        if (output.request().isPresent() && output.response().isEmpty()) {
            // a window of a streamed answer: a part of JSON is not JSON; the guard checks the complete answer at the end
            return Verdict.pass();
        }
        String text = output.text();
        if (text.length() > maxChars) {
            return blocked("answer is longer than " + maxChars + " characters, the most this filter parses", "json-output.size", text);
        }
        String json = text;
        boolean fenced = false;
        if (text.stripLeading().startsWith("```")) {
            Matcher matcher = FENCED.matcher(text);
            if (fence == Fence.BLOCK || !matcher.matches()) {
                return blocked("answer is wrapped in a code fence, not bare JSON", "json-output.fence", text);
            }
            json = matcher.group(1);
            fenced = true;
        }
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            return blocked("answer JSON is nested deeper than " + maxDepth + " levels or too large", "json-output.depth", text);
        } catch (JacksonException e) {
            return blocked("answer is not valid JSON", "json-output.parse", text);
        }
        if (node == null || node.isMissingNode()) {
            return blocked("answer is empty, not JSON", "json-output.parse", text);
        }
        if (schema != null) {
            List<Error> errors = schema.validate(node);
            if (!errors.isEmpty()) {
                // only where and which keyword failed: an error message may quote the answer
                String where = errors.stream().limit(MAX_REPORTED_ERRORS)
                        .map(error -> error.getInstanceLocation() + " fails '" + error.getKeyword() + "'")
                        .collect(Collectors.joining("; "));
                return blocked("answer JSON does not match the schema (" + errors.size() + " error(s): " + where + ")",
                        "json-output.schema", text);
            }
        }
        if (fenced) {
            return Verdict.rewrite(json.strip(), new Finding("json-output.fence", INVALID_JSON, 0, text.length(), 1.0));
        }
        return Verdict.pass();
    }

    private static Verdict blocked(String reason, String detector, String text) {
        return Verdict.block(reason, Finding.ofWhole(detector, INVALID_JSON, text.length(), 1.0));
    }

    private static boolean jsonRequested(Content output) {
        ResponseFormat format = output.request().map(ChatRequest::responseFormat).orElse(null);
        return format != null && format.type() == ResponseFormatType.JSON;
    }

    private static Schema compile(String schemaJson) {
        try {
            Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaJson);
            compiled.initializeValidators();
            return compiled;
        } catch (SchemaException | JacksonException e) {
            throw new IllegalArgumentException("not a valid JSON Schema: " + e.getMessage(), e);
        }
    }

    /** Builds a {@link JsonOutputFilter}. */
    public static final class Builder {
        private String schema;
        private When when = When.ALWAYS;
        private Fence fence = Fence.STRIP;
        private int maxChars = 1_000_000;
        private int maxDepth = 64;

        private Builder() {
        }

        /**
         * Sets the JSON Schema the answer must match, as JSON text; checked when the filter is built.
         *
         * @param schemaJson the schema json
         * @return this builder
         */
        public Builder schema(String schemaJson) {
            this.schema = Objects.requireNonNull(schemaJson, "schema");
            return this;
        }

        /**
         * Sets when the filter applies (default {@link When#ALWAYS}).
         *
         * @param newWhen the new when
         * @return this builder
         */
        public Builder when(When newWhen) {
            this.when = Objects.requireNonNull(newWhen, "when");
            return this;
        }

        /**
         * Sets what happens to fenced JSON (default {@link Fence#STRIP}).
         *
         * @param newFence the new fence
         * @return this builder
         */
        public Builder fence(Fence newFence) {
            this.fence = Objects.requireNonNull(newFence, "fence");
            return this;
        }

        /**
         * Sets the longest answer parsed, 2 to 100,000,000 characters (default 1,000,000); longer ones are blocked.
         *
         * @param chars the chars
         * @return this builder
         */
        public Builder maxChars(int chars) {
            if (chars < 2 || chars > 100_000_000) {
                throw new IllegalArgumentException("maxChars must be in [2, 100000000], was " + chars);
            }
            this.maxChars = chars;
            return this;
        }

        /**
         * Sets the deepest nesting accepted, 1 to 1000 (default 64); deeper answers are blocked.
         *
         * @param depth the depth
         * @return this builder
         */
        public Builder maxDepth(int depth) {
            if (depth < 1 || depth > 1000) {
                throw new IllegalArgumentException("maxDepth must be in [1, 1000], was " + depth);
            }
            this.maxDepth = depth;
            return this;
        }

        /**
         * Returns the filter.
         *
         * @return the filter
         */
        public JsonOutputFilter build() {
            return new JsonOutputFilter(this);
        }
    }
}
