package dev.guard4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.testing.ScriptedChatModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GuardConcurrencyTest {

    private static final int THREADS = 16;
    private static final int CALLS = 200;

    @Test
    void verdictsRewritesAndAuditEventsNeverCrossCalls() throws Exception {
        ScriptedChatModel model = new ScriptedChatModel().otherwise(GuardConcurrencyTest::echo);
        List<AuditEvent> events = new CopyOnWriteArrayList<>();
        InputValidator principalMustMatch = input -> {
            String principal = input.context().principal().orElseThrow();
            return input.text().contains("call " + principal + "-") ? Verdict.pass() : Verdict.block("crossed calls");
        };
        ChatModel safe = Guard.builder()
                .input(new TestFilters.RedactEmails(), principalMustMatch, TestFilters.blockWord("BLOCKME"))
                .audit(events::add)
                .build()
                .wrap(model);
        Map<String, String> answers = new ConcurrentHashMap<>();
        Map<String, Boolean> blocked = new ConcurrentHashMap<>();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String principal = "u" + t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < CALLS; i++) {
                        String id = principal + "-" + i;
                        String text = "call " + id + " mail " + id + "@example.com" + (i % 7 == 0 ? " BLOCKME" : "");
                        try (CallContext.Scope scope = CallContext.builder().principal(principal).attribute("id", id).build().makeCurrent()) {
                            answers.put(id, safe.chat(text));
                        } catch (GuardBlockedException e) {
                            blocked.put(id, true);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(events).hasSize(THREADS * CALLS);
        assertThat(events).extracting(AuditEvent::callId).doesNotHaveDuplicates();
        for (AuditEvent event : events) {
            String id = (String) event.attributes().get("id");
            assertThat(id).startsWith(event.principal() + "-");
            boolean expectBlocked = Integer.parseInt(id.substring(id.indexOf('-') + 1)) % 7 == 0;
            assertThat(event.outcome()).as(id).isEqualTo(expectBlocked ? Outcome.BLOCKED : Outcome.REWRITTEN);
            if (expectBlocked) {
                assertThat(event.reason()).as(id).contains("forbidden word");
            }
        }
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            assertThat(answer.getValue()).isEqualTo("echo: call " + answer.getKey() + " mail <EMAIL>");
        }
        assertThat(answers.size() + blocked.size()).isEqualTo(THREADS * CALLS);
        Map<Boolean, Long> reachedModel = model.requests().stream()
                .map(request -> ((UserMessage) request.messages().get(0)).singleText())
                .collect(Collectors.partitioningBy(text -> text.contains("@"), Collectors.counting()));
        assertThat(reachedModel.get(true)).isZero();
        assertThat(reachedModel.get(false)).isEqualTo(answers.size());
    }

    private static ChatResponse echo(ChatRequest request) {
        String text = ((UserMessage) request.messages().get(request.messages().size() - 1)).singleText();
        return ChatResponse.builder().aiMessage(AiMessage.from("echo: " + text)).build();
    }
}
