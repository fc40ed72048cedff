package dev.guard4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.testing.ScriptedChatModel;
import dev.guard4j.testing.ScriptedStreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A model with its own guardrail (Bedrock's) throws GuardBlockedException: the guard audits that as a block, not a failure. */
class ModelRaisedBlockTest {

    private static GuardBlockedException providerBlock(Stage stage) {
        return new GuardBlockedException(stage, "bedrock-guardrail:gr-1",
                Verdict.block("provider guardrail blocked", Finding.ofWhole("bedrock.content-filter", Category.HATE, 5, 0.9)), null);
    }

    @Test
    void blockThrownByTheModelIsAuditedAsBlockedWithTheProvidersFindings() {
        List<AuditEvent> events = new CopyOnWriteArrayList<>();
        ScriptedChatModel model = new ScriptedChatModel().enqueueError(providerBlock(Stage.OUTPUT));

        assertThatThrownBy(() -> Guard.builder().audit(events::add).build().wrap(model).chat("hello"))
                .isInstanceOf(GuardBlockedException.class);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(event.filters()).filteredOn(r -> r.filter().equals("bedrock-guardrail:gr-1")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.stage()).isEqualTo(Stage.OUTPUT);
                        assertThat(r.verdict()).isEqualTo(Verdict.Kind.BLOCK);
                        assertThat(r.findings()).extracting(Finding::category).containsExactly(Category.HATE);
                    });
        });
    }

    @Test
    void blockThrownByTheModelGetsTheGuardsRefusalWhenOneIsSet() {
        ScriptedChatModel model = new ScriptedChatModel().enqueueError(providerBlock(Stage.INPUT));

        ChatResponse response = Guard.builder().blockedInputMessage("Sorry.").build().wrap(model)
                .chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                        .messages(dev.langchain4j.data.message.UserMessage.from("hello")).build());

        assertThat(response.aiMessage().text()).isEqualTo("Sorry.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    }

    @Test
    void blockReportedByAStreamingModelIsAuditedAsBlocked() throws Exception {
        List<AuditEvent> events = new CopyOnWriteArrayList<>();
        ScriptedStreamingChatModel model = new ScriptedStreamingChatModel().enqueueError(providerBlock(Stage.OUTPUT), "some ", "text");
        CompletableFuture<Throwable> error = new CompletableFuture<>();

        Guard.builder().audit(events::add).build().wrap(model).chat("hello", new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
                error.complete(null);
            }

            @Override
            public void onError(Throwable failure) {
                error.complete(failure);
            }
        });

        assertThat(error.get(10, TimeUnit.SECONDS)).isInstanceOf(GuardBlockedException.class);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(event.filters()).extracting(FilterResult::filter).contains("bedrock-guardrail:gr-1");
        });
    }
}
