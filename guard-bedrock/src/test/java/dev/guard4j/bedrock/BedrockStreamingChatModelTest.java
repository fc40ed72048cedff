package dev.guard4j.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.Category;
import dev.guard4j.Finding;
import dev.guard4j.GuardBlockedException;
import dev.guard4j.Stage;
import dev.guard4j.bedrock.emulator.Assessments;
import dev.guard4j.bedrock.emulator.BedrockEmulator;
import dev.guard4j.bedrock.emulator.Reply;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamProcessingMode;

class BedrockStreamingChatModelTest {

    private static BedrockEmulator emulator;
    private static BedrockRuntimeAsyncClient client;

    @BeforeAll
    static void startEmulator() {
        emulator = BedrockEmulator.start();
        client = emulator.asyncClient();
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    /** Collects what a stream delivered. */
    static final class Collector implements StreamingChatResponseHandler {
        final List<String> partials = new CopyOnWriteArrayList<>();
        final List<CompleteToolCall> toolCalls = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        @Override
        public void onPartialResponse(String partialResponse) {
            partials.add(partialResponse);
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            toolCalls.add(completeToolCall);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        Throwable error() throws InterruptedException {
            try {
                done.get(20, TimeUnit.SECONDS);
                throw new AssertionError("stream completed but an error was expected");
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("stream neither completed nor failed", e);
            }
        }

        ChatResponse response() throws Exception {
            return done.get(20, TimeUnit.SECONDS);
        }
    }

    private static BedrockStreamingChatModel model(BedrockGuardrail guardrail) {
        return BedrockStreamingChatModel.builder().client(client).modelId("m").guardrail(guardrail).build();
    }

    @Test
    void textArrivesInPartialsAndTheCompleteResponseHasUsage() throws Exception {
        emulator.enqueueModel(Reply.answer().text("Hello streaming world").usage(4, 3).streamChunkSize(6).build());
        Collector collector = new Collector();

        model(null).chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), collector);

        ChatResponse response = collector.response();
        assertThat(collector.partials).containsExactly("Hello ", "stream", "ing wo", "rld");
        assertThat(response.aiMessage().text()).isEqualTo("Hello streaming world");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage()).isEqualTo(new TokenUsage(4, 3, 7));
    }

    @Test
    void streamedToolUseIsDeliveredAsACompleteToolCall() throws Exception {
        emulator.enqueueModel(Reply.answer().text("Checking.").toolUse("tu-9", "weather", "{\"city\":\"Oslo\"}").build());
        Collector collector = new Collector();

        model(null).chat(ChatRequest.builder().messages(UserMessage.from("weather?")).build(), collector);

        ChatResponse response = collector.response();
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(collector.toolCalls).hasSize(1);
        assertThat(collector.toolCalls.get(0).toolExecutionRequest().arguments()).isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(response.aiMessage().toolExecutionRequests().get(0).name()).isEqualTo("weather");
    }

    @Test
    void throttlingEndsTheStreamWithRateLimitException() throws Exception {
        emulator.enqueueModel(Reply.throttling());
        Collector collector = new Collector();

        model(null).chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), collector);

        assertThat(collector.error()).isInstanceOf(RateLimitException.class);
    }

    @Test
    void unknownStopReasonEndsTheStreamWithAnError() throws Exception {
        emulator.enqueueModel(Reply.answer().text("text").stopReason("pondering").build());
        Collector collector = new Collector();

        model(null).chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), collector);

        assertThat(collector.error()).isInstanceOf(BedrockResponseException.class).hasMessageContaining("pondering");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> midStreamExceptions() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("throttlingException", RateLimitException.class),
                org.junit.jupiter.params.provider.Arguments.of("modelStreamErrorException", dev.langchain4j.exception.InternalServerException.class),
                org.junit.jupiter.params.provider.Arguments.of("internalServerException", dev.langchain4j.exception.InternalServerException.class),
                org.junit.jupiter.params.provider.Arguments.of("validationException", dev.langchain4j.exception.InvalidRequestException.class));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("midStreamExceptions")
    void exceptionEventMidStreamEndsTheStreamWithTheMappedError(String exceptionType, Class<? extends Throwable> expected)
            throws Exception {
        emulator.enqueueModel(Reply.answer().text("partial answer").streamException(exceptionType, "stream broke").build());
        Collector collector = new Collector();

        model(null).chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), collector);

        assertThat(collector.error()).isInstanceOf(expected).hasMessageContaining("stream broke");
        assertThat(String.join("", collector.partials)).isEqualTo("partial answer");
    }

    @Test
    void streamThatEndsWithoutMessageStopFailsInsteadOfCompleting() throws Exception {
        emulator.enqueueModel(Reply.answer().text("cut off").streamEndsAbruptly().build());
        Collector collector = new Collector();

        model(null).chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), collector);

        assertThat(collector.error()).isInstanceOf(BedrockResponseException.class).hasMessageContaining("messageStop");
    }

    @ParameterizedTest
    @EnumSource(value = GuardrailStreamProcessingMode.class, names = {"SYNC", "ASYNC"})
    void streamProcessingModeIsSentAsConfigured(GuardrailStreamProcessingMode mode) throws Exception {
        emulator.enqueueModel(Reply.text("fine"));
        Collector collector = new Collector();

        model(BedrockGuardrail.of("gr-2", "DRAFT").withStreamProcessingMode(mode))
                .chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), collector);

        collector.response();
        assertThat(emulator.lastRequest().json().at("/guardrailConfig/streamProcessingMode").asText())
                .isEqualTo(mode.toString());
        assertThat(emulator.lastRequest().json().at("/messages/0/content/0/guardContent/text/text").asText()).isEqualTo("hi");
    }

    @Test
    void guardrailBlockOnTheStreamEndsItWithGuardBlockedExceptionAtOutput() throws Exception {
        emulator.enqueueModel(Reply.answer().text("Some text, then blocked.").usage(5, 6).stopReason("guardrail_intervened")
                .guardrailTrace(Assessments.trace("gr-2", null, Assessments.contentFilter("VIOLENCE", "HIGH", "MEDIUM", "BLOCKED")))
                .build());
        Collector collector = new Collector();

        try (dev.guard4j.CallContext.Scope scope = dev.guard4j.CallContext.builder().callId("stream-call-1").build().makeCurrent()) {
            model(BedrockGuardrail.of("gr-2", "DRAFT").withStreamProcessingMode(GuardrailStreamProcessingMode.ASYNC))
                    .chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), collector);
        }

        Throwable error = collector.error();
        assertThat(error).isInstanceOfSatisfying(GuardBlockedException.class, e -> {
            assertThat(e.stage()).isEqualTo(Stage.OUTPUT);
            assertThat(e.callId()).as("taken on the caller's thread, not the SDK's").isEqualTo("stream-call-1");
            assertThat(e.findings()).extracting(Finding::category).containsExactly(Category.VIOLENCE);
        });
        // the documented limit of async mode: what was streamed before the verdict has reached the caller
        assertThat(String.join("", collector.partials)).isEqualTo("Some text, then blocked.");
    }
}
