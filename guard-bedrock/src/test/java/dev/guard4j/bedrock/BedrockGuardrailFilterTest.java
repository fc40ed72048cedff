package dev.guard4j.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guard4j.CallContext;
import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import dev.guard4j.bedrock.emulator.Assessments;
import dev.guard4j.bedrock.emulator.BedrockEmulator;
import dev.guard4j.bedrock.emulator.Operation;
import dev.guard4j.bedrock.emulator.Reply;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

class BedrockGuardrailFilterTest {

    private static final String TEXT = "Mail bob@example.com about the plan, you idiot. Order 12-3456.";
    private static BedrockEmulator emulator;
    private static BedrockRuntimeClient client;
    private BedrockGuardrailFilter filter;

    @BeforeAll
    static void startEmulator() {
        emulator = BedrockEmulator.start();
        client = emulator.syncClientBuilder()
                .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofMillis(1500)))
                .build();
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
        filter = BedrockGuardrailFilter.builder().client(client).guardrail("gr-9", "2")
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    }

    private static int at(String part) {
        return TEXT.indexOf(part);
    }

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of("denied topic", Assessments.topic("Investment advice", "BLOCKED"),
                        new Finding("bedrock.topic.Investment advice", "DENIED_TOPIC", 0, TEXT.length(), 1.0)),
                Arguments.of("hate, high confidence", Assessments.contentFilter("HATE", "HIGH", "HIGH", "BLOCKED"),
                        new Finding("bedrock.content-filter/strength=HIGH", Category.HATE, 0, TEXT.length(), 0.9)),
                Arguments.of("insults, low confidence", Assessments.contentFilter("INSULTS", "LOW", "LOW", "BLOCKED"),
                        new Finding("bedrock.content-filter/strength=LOW", Category.INSULTS, 0, TEXT.length(), 0.35)),
                Arguments.of("sexual", Assessments.contentFilter("SEXUAL", "MEDIUM", "HIGH", "BLOCKED"),
                        new Finding("bedrock.content-filter/strength=HIGH", Category.SEXUAL, 0, TEXT.length(), 0.65)),
                Arguments.of("violence", Assessments.contentFilter("VIOLENCE", "HIGH", "MEDIUM", "BLOCKED"),
                        new Finding("bedrock.content-filter/strength=MEDIUM", Category.VIOLENCE, 0, TEXT.length(), 0.9)),
                Arguments.of("misconduct", Assessments.contentFilter("MISCONDUCT", "HIGH", "HIGH", "BLOCKED"),
                        new Finding("bedrock.content-filter/strength=HIGH", Category.MISCONDUCT, 0, TEXT.length(), 0.9)),
                Arguments.of("prompt attack", Assessments.contentFilter("PROMPT_ATTACK", "HIGH", "HIGH", "BLOCKED"),
                        new Finding("bedrock.content-filter/strength=HIGH", Category.PROMPT_INJECTION, 0, TEXT.length(), 0.9)),
                Arguments.of("custom word", Assessments.customWord("plan", "BLOCKED"),
                        new Finding("bedrock.word", "CUSTOM_WORDS", at("plan"), at("plan") + 4, 1.0)),
                Arguments.of("managed profanity, other case", Assessments.managedWord("IDIOT", "BLOCKED"),
                        new Finding("bedrock.managed-word", Category.PROFANITY, at("idiot"), at("idiot") + 5, 1.0)),
                Arguments.of("pii blocked", Assessments.pii("EMAIL", "bob@example.com", "BLOCKED"),
                        new Finding("bedrock.pii", "EMAIL", at("bob@"), at("bob@") + 15, 1.0)),
                Arguments.of("regex blocked", Assessments.regex("order-id", "12-3456", "\\d{2}-\\d{4}", "BLOCKED"),
                        new Finding("bedrock.regex.order-id", "CUSTOM_REGEX", at("12-3456"), at("12-3456") + 7, 1.0)),
                Arguments.of("ungrounded", Assessments.grounding("GROUNDING", 0.75, 0.2, "BLOCKED"),
                        new Finding("bedrock.grounding/threshold=0.75", "UNGROUNDED", 0, TEXT.length(), 0.8)),
                Arguments.of("irrelevant", Assessments.grounding("RELEVANCE", 0.5, 0.1, "BLOCKED"),
                        new Finding("bedrock.grounding/threshold=0.5", "IRRELEVANT", 0, TEXT.length(), 0.9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void blockingAssessmentOfEveryFamilyBecomesABlockWithItsFinding(String family, ObjectNode assessment, Finding expected) {
        emulator.enqueueGuardrail(Reply.guardrailIntervened("Sorry, blocked.", assessment));

        Verdict verdict = filter.validate(Content.of(TEXT, Content.Source.USER));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Block.class, block -> {
            assertThat(block.findings()).containsExactly(expected);
            assertThat(block.reason()).contains("gr-9").contains(expected.category()).doesNotContain("bob@example.com");
        });
    }

    @Test
    void inputIsSentWithSourceInputAndOutputScopeFull() {
        emulator.enqueueGuardrail(Reply.guardrailNone());

        assertThat(filter.validate(Content.of(TEXT, Content.Source.USER))).isEqualTo(Verdict.pass());

        JsonNode body = emulator.lastRequest().json();
        assertThat(emulator.lastRequest().path()).isEqualTo("/guardrail/gr-9/version/2/apply");
        assertThat(body.at("/source").asText()).isEqualTo("INPUT");
        assertThat(body.at("/outputScope").asText()).isEqualTo("FULL");
        assertThat(body.at("/content/0/text/text").asText()).isEqualTo(TEXT);
    }

    @Test
    void anonymizedPiiBecomesARewriteToTheGuardrailsMaskedText() {
        emulator.enqueueGuardrail(Reply.guardrailIntervened("Mail {EMAIL} about the plan.",
                Assessments.pii("EMAIL", "bob@example.com", "ANONYMIZED")));

        Verdict verdict = filter.check(Content.of(TEXT, Content.Source.MODEL));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rewrite.class, rewrite -> {
            assertThat(rewrite.text()).isEqualTo("Mail {EMAIL} about the plan.");
            assertThat(rewrite.findings()).containsExactly(new Finding("bedrock.pii", "EMAIL", at("bob@"), at("bob@") + 15, 1.0));
        });
        assertThat(emulator.lastRequest().json().at("/source").asText()).isEqualTo("OUTPUT");
    }

    @Test
    void anonymizedAndBlockedTogetherBlock() {
        emulator.enqueueGuardrail(Reply.guardrailIntervened("Sorry.", Assessments.merge(
                Assessments.pii("EMAIL", "bob@example.com", "ANONYMIZED"),
                Assessments.pii("US_SOCIAL_SECURITY_NUMBER", "123-45-6789", "BLOCKED"))));

        Verdict verdict = filter.validate(Content.of(TEXT, Content.Source.USER));

        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(verdict.findings()).extracting(Finding::category).containsExactly("EMAIL", "US_SOCIAL_SECURITY_NUMBER");
        assertThat(verdict.findings().get(1).length()).as("a match not in the text spans the whole text").isEqualTo(TEXT.length());
    }

    @Test
    void detectOnlyFindingsPassWithFindings() {
        ObjectNode detected = Assessments.contentFilter("INSULTS", "MEDIUM", "LOW", "NONE");
        emulator.enqueueGuardrail(new Reply.GuardrailAnswer("NONE", null, java.util.List.of(), java.util.List.of(detected)));

        Verdict verdict = filter.validate(Content.of(TEXT, Content.Source.USER));

        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        assertThat(verdict.findings()).extracting(Finding::category).containsExactly(Category.INSULTS);
    }

    @Test
    void groundingSourceAndQueryComeFromTheCallContext() {
        emulator.enqueueGuardrail(Reply.guardrailNone());
        CallContext context = CallContext.builder().attribute(BedrockGuardrailFilter.GROUNDING_SOURCE_ATTRIBUTE, "Oslo is in Norway.")
                .attribute(BedrockGuardrailFilter.QUERY_ATTRIBUTE, "Where is Oslo?").build();

        filter.check(Content.builder("Oslo is in Norway.", Content.Source.MODEL).context(context).build());

        JsonNode content = emulator.lastRequest().json().at("/content");
        assertThat(content.at("/0/text/qualifiers/0").asText()).isEqualTo("grounding_source");
        assertThat(content.at("/0/text/text").asText()).isEqualTo("Oslo is in Norway.");
        assertThat(content.at("/1/text/qualifiers/0").asText()).isEqualTo("query");
        assertThat(content.at("/1/text/text").asText()).isEqualTo("Where is Oslo?");
        assertThat(content.at("/2/text/qualifiers/0").asText()).isEqualTo("guard_content");
    }

    @Test
    void groundingQueryFallsBackToTheRequestsLastUserMessage() {
        emulator.enqueueGuardrail(Reply.guardrailNone());
        CallContext context = CallContext.builder().attribute(BedrockGuardrailFilter.GROUNDING_SOURCE_ATTRIBUTE, "doc").build();
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("What does the doc say?")).build();

        filter.check(Content.builder("It says hi.", Content.Source.MODEL).context(context).request(request).build());

        assertThat(emulator.lastRequest().json().at("/content/1/text/text").asText()).isEqualTo("What does the doc say?");
    }

    @Test
    void interventionWithAnAssessmentOfUnknownTypeBlocks() {
        emulator.enqueueGuardrail(Reply.guardrailIntervened("Sorry.", Assessments.unknownPolicy("telepathyPolicy")));

        Verdict verdict = filter.validate(Content.of(TEXT, Content.Source.USER));

        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(verdict.findings()).extracting(Finding::category).containsExactly("UNKNOWN_ASSESSMENT");
    }

    @Test
    void unknownActionBlocks() {
        emulator.enqueueGuardrail(new Reply.GuardrailAnswer("QUARANTINED", null, java.util.List.of(), java.util.List.of()));

        assertThat(filter.validate(Content.of(TEXT, Content.Source.USER))).isInstanceOf(Verdict.Block.class);
    }

    @Test
    void throttlingAndServerErrorsAreRetriedThenPass() {
        emulator.enqueueGuardrail(Reply.throttling(), Reply.internalError(), Reply.guardrailNone());

        assertThat(filter.validate(Content.of(TEXT, Content.Source.USER))).isEqualTo(Verdict.pass());
        assertThat(emulator.requests(Operation.APPLY_GUARDRAIL)).hasSize(3);
    }

    @Test
    void persistentThrottlingFailsClosedAfterTheAttemptBudget() {
        emulator.enqueueGuardrail(Reply.throttling(), Reply.throttling(), Reply.throttling(), Reply.guardrailNone());

        assertThatThrownBy(() -> filter.validate(Content.of(TEXT, Content.Source.USER))).isInstanceOf(RateLimitException.class);
        assertThat(emulator.requests(Operation.APPLY_GUARDRAIL)).hasSize(3);
    }

    @Test
    void persistentServerErrorFailsClosed() {
        emulator.enqueueGuardrail(Reply.internalError(), Reply.error(503, "ServiceUnavailableException", "down"), Reply.internalError());

        assertThatThrownBy(() -> filter.validate(Content.of(TEXT, Content.Source.USER))).isInstanceOf(InternalServerException.class);
    }

    @Test
    void validationErrorIsNotRetried() {
        emulator.enqueueGuardrail(Reply.error(400, "ValidationException", "bad guardrail version"), Reply.guardrailNone());

        assertThatThrownBy(() -> filter.validate(Content.of(TEXT, Content.Source.USER))).isInstanceOf(InvalidRequestException.class);
        assertThat(emulator.requests(Operation.APPLY_GUARDRAIL)).hasSize(1);
    }

    @Test
    void slowServiceFailsClosedWithTimeout() {
        filter = BedrockGuardrailFilter.builder().client(client).guardrail("gr-9", "2").maxAttempts(1).build();
        emulator.enqueueGuardrail(Reply.delayed(Duration.ofSeconds(4), Reply.guardrailNone()));

        assertThatThrownBy(() -> filter.validate(Content.of(TEXT, Content.Source.USER))).isInstanceOf(TimeoutException.class);
    }

    @Test
    void malformedBodyFailsClosed() {
        emulator.enqueueGuardrail(Reply.raw(200, "application/json", "{\"action\": [oops"));

        assertThatThrownBy(() -> filter.validate(Content.of(TEXT, Content.Source.USER))).isInstanceOf(BedrockResponseException.class);
        assertThat(emulator.requests(Operation.APPLY_GUARDRAIL)).as("a malformed answer is not retried").hasSize(1);
    }

    @Test
    void emptyTextIsNotSentAndIsReportedAsAFinding() {
        Verdict verdict = filter.validate(Content.of("", Content.Source.USER));

        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        assertThat(verdict.findings()).extracting(Finding::category).containsExactly(BedrockGuardrailFilter.EMPTY_CONTENT);
        assertThat(emulator.requests()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "unpaired high surrogate | a\uD800b",
        "unpaired low surrogate | a\uDC00b",
        "NUL and control characters | a\u0000\u0001\u001Fb",
        "right-to-left override | abc\u202Edef",
    })
    void hostileCharactersReachBedrockAndItsAnswerDecides(String name, String text) {
        emulator.enqueueGuardrail(Reply.guardrailIntervened("blocked", Assessments.contentFilter("PROMPT_ATTACK", "HIGH", "HIGH", "BLOCKED")));

        Verdict verdict = filter.validate(Content.of(text, Content.Source.USER));

        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(emulator.requests(Operation.APPLY_GUARDRAIL)).hasSize(1);
    }

    @Test
    void oversizedTextIsBlockedUnsent() {
        filter = BedrockGuardrailFilter.builder().client(client).guardrail("gr-9", "2").maxTextLength(100).build();

        Verdict verdict = filter.validate(Content.of("x".repeat(101), Content.Source.USER));

        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(verdict.findings()).extracting(Finding::category).containsExactly(Category.OVERSIZED_INPUT);
        assertThat(emulator.requests()).isEmpty();
    }
}
