package dev.guard4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedModelsTest {

    @Test
    void answersInOrderAndRecordsEveryRequest() {
        ScriptedChatModel model = new ScriptedChatModel().enqueue("one").enqueue("two");

        assertThat(model.chat("a")).isEqualTo("one");
        assertThat(model.chat("b")).isEqualTo("two");

        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(model.takeRequest().messages()).hasSize(1);
        assertThat(model.takeRequest()).isSameAs(model.requests().get(1));
        assertThatThrownBy(model::takeRequest).isInstanceOf(AssertionError.class).hasMessage("no request reached the model");
        assertThatThrownBy(() -> model.chat("c")).isInstanceOf(IllegalStateException.class).hasMessageContaining("no scripted answer left");
    }

    @Test
    void streamsTokensAndStopsWhenTheHandleIsCancelled() {
        ScriptedStreamingChatModel model = new ScriptedStreamingChatModel().enqueueTokens("a", "b", "c").enqueueTokens("x", "y", "z");
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();

        model.chat("go", handler(first, false));
        model.chat("go", handler(second, true));

        assertThat(first).containsExactly("a", "b", "c", "complete:abc");
        assertThat(second).containsExactly("x");
        assertThat(model.cancelledStreams()).isEqualTo(1);
        assertThat(model.requestCount()).isEqualTo(2);
    }

    private static StreamingChatResponseHandler handler(List<String> events, boolean cancelAtOnce) {
        return new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                events.add(partial.text());
                if (cancelAtOnce) {
                    context.streamingHandle().cancel();
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                events.add("complete:" + response.aiMessage().text());
            }

            @Override
            public void onError(Throwable error) {
                events.add("error:" + error.getMessage());
            }
        };
    }
}
