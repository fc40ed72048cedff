package dev.guard4j.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.Guard;
import dev.guard4j.StreamingOptions;
import dev.guard4j.filters.redact.Action;
import dev.guard4j.testing.ScriptedChatModel;
import dev.guard4j.testing.ScriptedStreamingChatModel;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pseudonymisation through a real guard: the model sees placeholders, the caller gets the originals back. */
class PiiGuardStreamingTest {

    private static final String EMAIL = "jane.doe@example.com";
    private final PiiFilter pii = PiiFilter.builder().defaultAction(Action.PSEUDONYMISE).build();

    @Test
    void aStreamedPlaceholderSplitAcrossTokensReachesTheCallerAsTheOriginal() throws Exception {
        ScriptedStreamingChatModel model = new ScriptedStreamingChatModel()
                .enqueueTokens("Sure, I will write to <EMA", "IL_", "1> and to <EMAIL_1", "> again, today. ",
                        "That is all for now, nothing more to add here.");
        StreamingChatModel safe = Guard.builder().input(pii).output(pii)
                .streaming(StreamingOptions.windowed(16, 32)).build().wrap(model);
        List<String> partials = new ArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        safe.chat("Please write to " + EMAIL, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                partials.add(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        ChatResponse response = done.get(10, TimeUnit.SECONDS);
        String seenByModel = ((UserMessage) model.takeRequest().messages().get(0)).singleText();
        assertThat(seenByModel).isEqualTo("Please write to <EMAIL_1>").doesNotContain(EMAIL);
        String streamed = String.join("", partials);
        assertThat(streamed).isEqualTo("Sure, I will write to " + EMAIL + " and to " + EMAIL
                + " again, today. That is all for now, nothing more to add here.");
        assertThat(streamed).doesNotContain("<EMA");
        assertThat(response.aiMessage().text()).isEqualTo(streamed);
    }

    @ParameterizedTest(name = "window {0}, hold-back {1}")
    @CsvSource({"1, 24", "5, 24", "8, 30", "13, 40", "16, 64", "50, 128", "256, 128"})
    void everyWindowingRestoresTheOriginalsAndNeverLeaksAPlaceholder(int window, int holdBack) throws Exception {
        ScriptedStreamingChatModel model = new ScriptedStreamingChatModel()
                .enqueueTokens("Done. I wrote to ", "<EMAIL", "_1> and copied <", "EMAIL_1>; ", "reply to <EMAIL_1> soon, ",
                        "or call them. Thanks!");
        StreamingChatModel safe = Guard.builder().input(pii).output(pii)
                .streaming(StreamingOptions.windowed(window, holdBack)).build().wrap(model);
        List<String> partials = new ArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        safe.chat("My address is " + EMAIL, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                partials.add(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        done.get(10, TimeUnit.SECONDS);
        assertThat(String.join("", partials)).isEqualTo("Done. I wrote to " + EMAIL + " and copied " + EMAIL + "; reply to "
                + EMAIL + " soon, or call them. Thanks!");
    }

    @Test
    void aBlockingChatRoundTripRestoresTheOriginal() {
        ScriptedChatModel model = new ScriptedChatModel().enqueue("I wrote to <EMAIL_1>.");
        ChatModel safe = Guard.builder().input(pii).output(pii).build().wrap(model);

        String answer = safe.chat("Write to " + EMAIL);

        assertThat(((UserMessage) model.takeRequest().messages().get(0)).singleText()).isEqualTo("Write to <EMAIL_1>");
        assertThat(answer).isEqualTo("I wrote to " + EMAIL + ".");
    }
}
