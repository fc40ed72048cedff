package dev.guard4j;

import static dev.guard4j.TestFilters.blockWord;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.testing.ScriptedStreamingChatModel;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GuardStreamingTest {

    private final ScriptedStreamingChatModel model = new ScriptedStreamingChatModel();
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    /** Records what the caller's handler receives. */
    static final class Recorder implements StreamingChatResponseHandler {
        final List<String> partials = new ArrayList<>();
        final List<CompleteToolCall> toolCalls = new ArrayList<>();
        ChatResponse complete;
        Throwable error;
        final List<String> order = new ArrayList<>();

        @Override
        public void onPartialResponse(String partialResponse) {
            partials.add(partialResponse);
            order.add("partial");
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall completeToolCall) {
            toolCalls.add(completeToolCall);
            order.add("toolCall");
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            complete = completeResponse;
            order.add("complete");
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            order.add("error");
        }

        String text() {
            return String.join("", partials);
        }
    }

    @Test
    void anEmailSplitAcrossTokensIsCaughtAndRewritten() {
        model.enqueueTokens("Write to jo", "hn@exa", "mple.com", " today.");
        StreamingChatModel safe = Guard.builder().output(new TestFilters.RedactEmails()).audit(events::add)
                .streaming(StreamingOptions.windowed(8, 24)).build().wrap(model);
        Recorder recorder = new Recorder();

        safe.chat("hi", recorder);

        assertThat(recorder.error).isNull();
        assertThat(recorder.text()).isEqualTo("Write to <EMAIL> today.");
        assertThat(recorder.complete.aiMessage().text()).isEqualTo("Write to <EMAIL> today.");
        assertThat(String.join("|", recorder.partials)).doesNotContain("jo").doesNotContain("@");
        assertThat(events.get(0).outcome()).isEqualTo(Outcome.REWRITTEN);
        assertThat(events.get(0).streaming()).isTrue();
    }

    @Test
    void theCallerNeverReceivesTextTheCheckersHaveNotSeen() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tokens.add("word" + i + " ");
        }
        model.enqueueTokens(tokens.toArray(String[]::new));
        TestFilters.RedactEmails checker = new TestFilters.RedactEmails();
        StreamingChatModel safe = Guard.builder().output(checker).streaming(StreamingOptions.windowed(64, 32)).build().wrap(model);
        Recorder recorder = new Recorder();

        safe.chat("hi", recorder);

        assertThat(recorder.text()).isEqualTo(String.join("", tokens));
        int released = 0;
        for (String partial : recorder.partials) {
            int end = released + partial.length();
            String releasedSoFar = recorder.text().substring(0, end);
            int covered = released;
            // some window the checker saw must contain this partial in full
            assertThat(checker.seen).anySatisfy(window -> assertThat(window).contains(partial));
            assertThat(releasedSoFar).endsWith(partial);
            released = end;
            assertThat(covered).isLessThan(end);
        }
        assertThat(recorder.partials.size()).isGreaterThan(5);
    }

    @Test
    void aBlockMidStreamEndsTheStreamWithAnErrorAndCancelsTheModel() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(i == 20 ? "FORBIDDEN " : "fine ");
        }
        model.enqueueTokens(tokens.toArray(String[]::new));
        StreamingChatModel safe = Guard.builder().output(TestFilters.blockOutputWord("FORBIDDEN")).audit(events::add)
                .streaming(StreamingOptions.windowed(10, 10)).build().wrap(model);
        Recorder recorder = new Recorder();

        safe.chat("hi", recorder);

        assertThat(recorder.error).isInstanceOfSatisfying(GuardBlockedException.class, e -> assertThat(e.stage()).isEqualTo(Stage.OUTPUT));
        assertThat(recorder.complete).isNull();
        assertThat(recorder.text()).doesNotContain("FORBIDDEN");
        assertThat(model.cancelledStreams()).isEqualTo(1);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.BLOCKED));
    }

    @Test
    void aBlockMidStreamEndsWithTheRefusalTextWhenConfigured() {
        model.enqueueTokens("all good ", "then FORBIDDEN stuff");
        StreamingChatModel safe = Guard.builder().output(TestFilters.blockOutputWord("FORBIDDEN"))
                .blockedOutputMessage("[withheld]").build().wrap(model);
        Recorder recorder = new Recorder();

        safe.chat("hi", recorder);

        assertThat(recorder.error).isNull();
        assertThat(recorder.text()).isEqualTo("[withheld]");
        assertThat(recorder.complete.aiMessage().text()).isEqualTo("[withheld]");
        assertThat(recorder.complete.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    }

    @Test
    void aRewriteOfAlreadyReleasedContextFallsBackToCheckingThePendingTextAlone() {
        // flags "ABC" only at the very start of what it sees, like a detector fooled by a value cut in half
        OutputChecker startSensitive = output -> output.text().startsWith("ABC")
                ? Verdict.rewrite("<X>" + output.text().substring(3), new Finding("test.cut", "CUT", 0, 3, 1.0))
                : Verdict.pass();
        model.enqueueTokens("1234ABCD", "efgh", "ijkl");
        StreamingChatModel safe = Guard.builder().output(startSensitive).audit(events::add)
                .streaming(StreamingOptions.windowed(4, 4)).build().wrap(model);
        Recorder recorder = new Recorder();

        safe.chat("hi", recorder);

        assertThat(recorder.error).isNull();
        assertThat(recorder.text()).isEqualTo("1234ABCDefghijkl");
        assertThat(events.get(0).outcome()).isEqualTo(Outcome.REWRITTEN);
    }

    @Test
    void bufferAllReleasesTheCheckedAnswerInOnePiece() {
        model.enqueueTokens("a", "b@c", ".io", " end");
        StreamingChatModel safe = Guard.builder().output(new TestFilters.RedactEmails())
                .streaming(StreamingOptions.bufferAll()).build().wrap(model);
        Recorder recorder = new Recorder();

        safe.chat("hi", recorder);

        assertThat(recorder.partials).containsExactly("<EMAIL> end");
    }

    @Test
    void toolCallArgumentsAreCheckedBeforeTheCompleteResponse() {
        ChatResponse response = ChatResponse.builder()
                .aiMessage(AiMessage.from(List.of(ToolExecutionRequest.builder().id("1").name("send").arguments("{\"to\":\"x@y.io\"}").build())))
                .finishReason(FinishReason.TOOL_EXECUTION)
                .build();
        model.enqueue(response);
        StreamingChatModel safe = Guard.builder().output(new TestFilters.RedactEmails()).build().wrap(model);
        Recorder recorder = new Recorder();

        safe.chat("hi", recorder);

        assertThat(recorder.order).containsExactly("toolCall", "complete");
        assertThat(recorder.toolCalls.get(0).toolExecutionRequest().arguments()).isEqualTo("{\"to\":\"<EMAIL>\"}");
        assertThat(recorder.complete.aiMessage().toolExecutionRequests().get(0).arguments()).isEqualTo("{\"to\":\"<EMAIL>\"}");
    }

    @Test
    void aBlockedRequestNeverReachesTheStreamingModel() {
        StreamingChatModel safe = Guard.builder().input(blockWord("bomb")).audit(events::add).build().wrap(model);
        Recorder recorder = new Recorder();

        safe.chat("bomb please", recorder);

        assertThat(recorder.error).isInstanceOf(GuardBlockedException.class);
        assertThat(model.requestCount()).isZero();
        assertThat(events.get(0).outcome()).isEqualTo(Outcome.BLOCKED);
    }

    @Test
    void aModelErrorIsForwardedAndAuditedAndUncheckedTextIsNotReleased() {
        model.enqueueError(new IllegalStateException("connection reset"), "partial answer that was never checked");
        StreamingChatModel safe = Guard.builder().output(new TestFilters.RedactEmails()).audit(events::add).build().wrap(model);
        Recorder recorder = new Recorder();

        safe.chat("hi", recorder);

        assertThat(recorder.error).hasMessage("connection reset");
        assertThat(recorder.partials).isEmpty();
        assertThat(events.get(0).outcome()).isEqualTo(Outcome.FAILED);
    }
}
