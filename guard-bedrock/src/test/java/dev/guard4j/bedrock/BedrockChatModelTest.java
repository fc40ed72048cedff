package dev.guard4j.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guard4j.bedrock.emulator.BedrockEmulator;
import dev.guard4j.bedrock.emulator.Operation;
import dev.guard4j.bedrock.emulator.Reply;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

class BedrockChatModelTest {

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    private static BedrockEmulator emulator;
    private static BedrockRuntimeClient client;
    private BedrockChatModel model;

    @BeforeAll
    static void startEmulator() {
        emulator = BedrockEmulator.start();
        client = emulator.syncClientBuilder().overrideConfiguration(o -> o
                .retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(Duration.ofSeconds(2))).build();
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
        model = BedrockChatModel.builder().client(client).modelId(MODEL).build();
    }

    @Test
    void textAnswerBecomesAnAiMessageWithUsageAndStop() {
        emulator.enqueueModel(Reply.answer().text("Paris is the capital.").usage(12, 6).build());

        ChatResponse response = model.chat(ChatRequest.builder().messages(UserMessage.from("Capital of France?")).build());

        assertThat(response.aiMessage().text()).isEqualTo("Paris is the capital.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage()).isEqualTo(new TokenUsage(12, 6, 18));
        assertThat(response.modelName()).isEqualTo(MODEL);
        assertThat(model.provider()).isEqualTo(ModelProvider.AMAZON_BEDROCK);
        assertThat(emulator.lastRequest().resourceId()).isEqualTo(MODEL);
        assertThat(emulator.lastRequest().authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/");
    }

    @Test
    void requestCarriesSystemPromptToolsToolResultsAndInferenceParameters() {
        emulator.enqueueModel(Reply.text("It is sunny in Oslo and Bergen."));
        ToolSpecification weather = ToolSpecification.builder().name("weather").description("Weather for a city")
                .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();
        ToolExecutionRequest call1 = ToolExecutionRequest.builder().id("t1").name("weather").arguments("{\"city\":\"Oslo\"}").build();
        ToolExecutionRequest call2 = ToolExecutionRequest.builder().id("t2").name("weather").arguments("{\"city\":\"Bergen\"}").build();
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from("You are terse."), UserMessage.from("Weather in Oslo and Bergen?"),
                        AiMessage.from(call1, call2), ToolExecutionResultMessage.from(call1, "sunny"),
                        ToolExecutionResultMessage.from(call2, "sunny"))
                .parameters(ChatRequestParameters.builder().toolSpecifications(weather).temperature(0.2).topP(0.9)
                        .maxOutputTokens(100).stopSequences("STOP").topK(40).build())
                .build();

        model.chat(request);

        JsonNode body = emulator.lastRequest().json();
        assertThat(body.at("/system/0/text").asText()).isEqualTo("You are terse.");
        assertThat(body.at("/messages").size()).isEqualTo(3);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("assistant");
        assertThat(body.at("/messages/1/content/1/toolUse/input/city").asText()).isEqualTo("Bergen");
        assertThat(body.at("/messages/2/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/2/content").size()).as("both tool results in one user turn").isEqualTo(2);
        assertThat(body.at("/messages/2/content/1/toolResult/toolUseId").asText()).isEqualTo("t2");
        assertThat(body.at("/messages/2/content/1/toolResult/content/0/text").asText()).isEqualTo("sunny");
        assertThat(body.at("/toolConfig/tools/0/toolSpec/name").asText()).isEqualTo("weather");
        assertThat(body.at("/toolConfig/tools/0/toolSpec/inputSchema/json/properties/city/type").asText()).isEqualTo("string");
        assertThat(body.at("/toolConfig/tools/0/toolSpec/inputSchema/json/required/0").asText()).isEqualTo("city");
        assertThat(body.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(100);
        assertThat(body.at("/inferenceConfig/temperature").asDouble()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(body.at("/inferenceConfig/stopSequences/0").asText()).isEqualTo("STOP");
        assertThat(body.at("/additionalModelRequestFields/top_k").asInt()).isEqualTo(40);
        assertThat(body.has("guardrailConfig")).isFalse();
        assertThat(body.toString()).doesNotContain("guardContent");
    }

    @Test
    void toolUseAnswerBecomesToolExecutionRequests() {
        emulator.enqueueModel(Reply.answer().toolUse("tu-1", "weather", "{\"city\":\"Oslo\",\"days\":3}").build());

        ChatResponse response = model.chat(ChatRequest.builder().messages(UserMessage.from("Weather?")).build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
        assertThat(call.id()).isEqualTo("tu-1");
        assertThat(call.name()).isEqualTo("weather");
        assertThat(call.arguments()).isEqualTo("{\"city\":\"Oslo\",\"days\":3}");
    }

    @ParameterizedTest
    @CsvSource({
        "end_turn, STOP",
        "stop_sequence, STOP",
        "max_tokens, LENGTH",
        "model_context_window_exceeded, LENGTH",
        "content_filtered, CONTENT_FILTER",
    })
    void stopReasonsMapToFinishReasons(String stopReason, FinishReason expected) {
        emulator.enqueueModel(Reply.answer().text("partial").stopReason(stopReason).build());

        assertThat(model.chat(ChatRequest.builder().messages(UserMessage.from("hi")).build()).finishReason()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"dancing", "malformed_model_output", "malformed_tool_use"})
    void unknownOrMalformedStopReasonsFailInsteadOfPassingTheAnswerOn(String stopReason) {
        emulator.enqueueModel(Reply.answer().text("text").stopReason(stopReason).build());

        assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(BedrockResponseException.class).hasMessageContaining(stopReason);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(429, "ThrottlingException", RateLimitException.class),
                Arguments.of(429, "ModelNotReadyException", RateLimitException.class),
                Arguments.of(400, "ServiceQuotaExceededException", RateLimitException.class),
                Arguments.of(400, "ValidationException", InvalidRequestException.class),
                Arguments.of(403, "AccessDeniedException", AuthenticationException.class),
                Arguments.of(403, "UnrecognizedClientException", AuthenticationException.class),
                Arguments.of(404, "ResourceNotFoundException", ModelNotFoundException.class),
                Arguments.of(408, "ModelTimeoutException", TimeoutException.class),
                Arguments.of(424, "ModelErrorException", InternalServerException.class),
                Arguments.of(500, "InternalServerException", InternalServerException.class),
                Arguments.of(503, "ServiceUnavailableException", InternalServerException.class),
                Arguments.of(502, "SomethingNewException", InternalServerException.class),
                Arguments.of(418, "SomethingNewException", InvalidRequestException.class));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void serviceErrorsMapToLangChain4jExceptions(int status, String errorType, Class<? extends Throwable> expected) {
        emulator.enqueueModel(Reply.error(status, errorType, "scripted failure"));

        assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(expected).hasMessageContaining(errorType)
                .hasMessageContaining("scripted failure");
    }

    @Test
    void slowAnswerBecomesTimeoutException() {
        emulator.enqueueModel(Reply.delayed(Duration.ofSeconds(5), Reply.text("late")));

        assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(TimeoutException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json | <html>gateway</html>",
        "application/json | {\"output\": ",
        "text/plain | not json at all",
    })
    void nonJsonBodyFailsWithAClearException(String contentType, String body) {
        emulator.enqueueModel(Reply.raw(200, contentType, body));

        assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(BedrockResponseException.class);
    }

    @Test
    void answerWithNoContentFailsInsteadOfReturningNothing() {
        emulator.enqueueModel(Reply.answer().stopReason("end_turn").build());

        assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(BedrockResponseException.class).hasMessageContaining("no text");
    }

    @Test
    void modelFilteredAnswerWithNoContentIsContentFilteredException() {
        emulator.enqueueModel(Reply.answer().stopReason("content_filtered").build());

        assertThatThrownBy(() -> model.chat("hi")).isInstanceOf(ContentFilteredException.class);
    }

    @Test
    void emptyUserMessageIsRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> model.chat(ChatRequest.builder().messages(UserMessage.from("ok"), AiMessage.from("yes"),
                new UserMessage(java.util.List.of(dev.langchain4j.data.message.TextContent.from("")))).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("empty");
        assertThat(emulator.requests(Operation.CONVERSE)).isEmpty();
    }

    @Test
    void toolCallArgumentsThatAreNotJsonAreRejectedBeforeAnyRequest() {
        ToolExecutionRequest broken = ToolExecutionRequest.builder().id("t1").name("weather").arguments("{city: Oslo").build();

        assertThatThrownBy(() -> model.chat(ChatRequest.builder().messages(UserMessage.from("weather?"), AiMessage.from(broken),
                ToolExecutionResultMessage.from(broken, "sunny"), UserMessage.from("thanks")).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not JSON");
        assertThat(emulator.requests(Operation.CONVERSE)).isEmpty();
    }

    @Test
    void deeplyNestedToolArgumentsAreRejectedNotRecursedInto() {
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("t1").name("weather").arguments(deep).build();

        assertThatThrownBy(() -> model.chat(ChatRequest.builder().messages(UserMessage.from("weather?"), AiMessage.from(call),
                ToolExecutionResultMessage.from(call, "sunny"), UserMessage.from("thanks")).build()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(emulator.requests(Operation.CONVERSE)).isEmpty();
    }

    @Test
    void penaltiesConverseCannotSendAreRefused() {
        assertThatThrownBy(() -> model.chat(ChatRequest.builder().messages(UserMessage.from("hi"))
                .parameters(ChatRequestParameters.builder().frequencyPenalty(0.5).build()).build()))
                .isInstanceOf(UnsupportedFeatureException.class);
    }

    @Test
    void modelNameInTheRequestOverridesTheDefaultModelId() {
        emulator.enqueueModel(Reply.text("ok"));

        model.chat(ChatRequest.builder().messages(UserMessage.from("hi"))
                .parameters(ChatRequestParameters.builder().modelName("amazon.nova-lite-v1:0").build()).build());

        assertThat(emulator.lastRequest().resourceId()).isEqualTo("amazon.nova-lite-v1:0");
    }
}
