package dev.guard4j.filters.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.guard4j.filters.policy.PolicyException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonOutputFilterTest {

    static final String SCHEMA = """
            {"type": "object", "required": ["name", "age"],
             "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}},
             "additionalProperties": false}
            """;

    private final JsonOutputFilter plain = JsonOutputFilter.ofDefaults();
    private final JsonOutputFilter withSchema = JsonOutputFilter.builder().schema(SCHEMA).build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            object                 | {"name": "Ada", "age": 36}
            array                  | [1, 2, 3]
            surrounding whitespace | '  {"a": null}  '
            number                 | 42
            """)
    void passesValidJson(String description, String answer) {
        assertThat(plain.check(Content.of(answer, Content.Source.MODEL))).isEqualTo(Verdict.pass());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            prose                  | Sure! Here is the JSON you asked for.              | json-output.parse
            prose around JSON      | Here it is: {"a": 1}                               | json-output.parse
            trailing text          | {"a": 1} hope this helps                           | json-output.parse
            two documents          | {"a": 1} {"b": 2}                                  | json-output.parse
            truncated              | {"name": "Ada", "age":                             | json-output.parse
            single quotes          | {'a': 1}                                           | json-output.parse
            empty                  | ''                                                 | json-output.parse
            binary                 | \u0000\uD800                                      | json-output.parse
            """)
    void blocksAnswersThatAreNotJson(String description, String answer, String detector) {
        Verdict verdict = plain.check(Content.of(answer, Content.Source.MODEL));

        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(verdict.findings().get(0).detector()).isEqualTo(detector);
        assertThat(verdict.findings().get(0).category()).isEqualTo(JsonOutputFilter.INVALID_JSON);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            matches                 | {"name": "Ada", "age": 36}               | PASS
            missing property        | {"name": "Ada"}                          | required
            wrong type              | {"name": "Ada", "age": "old"}            | type
            extra property          | {"name": "Ada", "age": 3, "ssn": "x"}    | additionalProperties
            below minimum           | {"name": "Ada", "age": -1}               | minimum
            """)
    void checksTheSchema(String description, String answer, String expected) {
        Verdict verdict = withSchema.check(Content.of(answer, Content.Source.MODEL));

        if (expected.equals("PASS")) {
            assertThat(verdict).isEqualTo(Verdict.pass());
        } else {
            assertThat(verdict).isInstanceOf(Verdict.Block.class);
            assertThat(((Verdict.Block) verdict).reason()).contains("schema").contains("fails '" + expected + "'");
            assertThat(verdict.findings().get(0).detector()).isEqualTo("json-output.schema");
        }
    }

    @Test
    void schemaErrorsNeverQuoteTheAnswer() {
        Verdict verdict = withSchema.check(Content.of("{\"name\": \"Ada\", \"age\": \"SECRET-VALUE\"}", Content.Source.MODEL));

        assertThat(((Verdict.Block) verdict).reason()).doesNotContain("SECRET-VALUE");
    }

    @Test
    void stripsAJsonFenceByRewriting() {
        String fenced = "```json\n{\"name\": \"Ada\", \"age\": 36}\n```";

        Verdict verdict = withSchema.check(Content.of(fenced, Content.Source.MODEL));

        assertThat(verdict).isInstanceOf(Verdict.Rewrite.class);
        assertThat(((Verdict.Rewrite) verdict).text()).isEqualTo("{\"name\": \"Ada\", \"age\": 36}");
    }

    @Test
    void blocksAFenceWhenThePolicySaysSo() {
        JsonOutputFilter strict = JsonOutputFilter.builder().fence(JsonOutputFilter.Fence.BLOCK).build();

        Verdict verdict = strict.check(Content.of("```\n[1]\n```", Content.Source.MODEL));

        assertThat(verdict.findings().get(0).detector()).isEqualTo("json-output.fence");
    }

    @Test
    void deepNestingGivesAClearVerdictNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String justDeepEnough = "[".repeat(64) + "]".repeat(64);

        Verdict verdict = plain.check(Content.of(deep, Content.Source.MODEL));

        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(((Verdict.Block) verdict).reason()).contains("nested deeper than 64");
        assertThat(plain.check(Content.of(justDeepEnough, Content.Source.MODEL))).isEqualTo(Verdict.pass());
    }

    @Test
    void oversizedAnswersAreBlockedBeforeParsing() {
        JsonOutputFilter small = JsonOutputFilter.builder().maxChars(100).build();

        Verdict verdict = small.check(Content.of("[" + "1,".repeat(100) + "1]", Content.Source.MODEL));

        assertThat(verdict.findings().get(0).detector()).isEqualTo("json-output.size");
    }

    @Test
    void onlyAppliesWhenJsonWasRequestedIfConfiguredSo() {
        JsonOutputFilter whenRequested = JsonOutputFilter.builder().when(JsonOutputFilter.When.JSON_REQUESTED).build();
        ChatRequest asksJson = ChatRequest.builder().messages(UserMessage.from("q")).responseFormat(ResponseFormat.JSON).build();
        ChatRequest asksText = ChatRequest.builder().messages(UserMessage.from("q")).build();
        ChatResponse response = ChatResponse.builder().aiMessage(AiMessage.from("not json")).build();

        Verdict json = whenRequested.check(Content.builder("not json", Content.Source.MODEL).request(asksJson).response(response).build());
        Verdict text = whenRequested.check(Content.builder("not json", Content.Source.MODEL).request(asksText).response(response).build());

        assertThat(json).isInstanceOf(Verdict.Block.class);
        assertThat(text).isEqualTo(Verdict.pass());
    }

    @Test
    void streamedWindowsPassAndTheCompleteAnswerIsJudged() {
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("q")).build();
        Content window = Content.builder("{\"name\": \"Ad", Content.Source.MODEL).request(request).build();
        ChatResponse response = ChatResponse.builder().aiMessage(AiMessage.from("{\"name\": \"Ad")).build();
        Content whole = Content.builder("{\"name\": \"Ad", Content.Source.MODEL).request(request).response(response).build();

        assertThat(plain.check(window)).isEqualTo(Verdict.pass());
        assertThat(plain.check(whole)).isInstanceOf(Verdict.Block.class);
    }

    @Test
    void toolCallArgumentsAreNotThisFiltersConcern() {
        assertThat(plain.check(Content.of("not json", Content.Source.TOOL_CALL))).isEqualTo(Verdict.pass());
    }

    @Test
    void anInvalidSchemaFailsAtBuildTime() {
        assertThatThrownBy(() -> JsonOutputFilter.builder().schema("{not json").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON Schema");
        assertThatThrownBy(() -> GuardPolicy.createFilter(new JsonOutputFilterFactory(), "schema: '{oops'"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("schema");
    }

    @Test
    void factoryReadsSchemaAndFence() {
        Object made = GuardPolicy.createFilter(new JsonOutputFilterFactory(), "schema: |\n" + SCHEMA.indent(2) + "fence: block");

        assertThat(((JsonOutputFilter) made).check(Content.of("{\"name\": \"Ada\"}", Content.Source.MODEL)))
                .isInstanceOf(Verdict.Block.class);
        assertThat(((JsonOutputFilter) made).check(Content.of("```json\n{}\n```", Content.Source.MODEL)))
                .isInstanceOf(Verdict.Block.class);
    }
}
