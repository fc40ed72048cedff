package dev.guard4j.filters.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.AuditEvent;
import dev.guard4j.AuditMode;
import dev.guard4j.Finding;
import dev.guard4j.Guard;
import dev.guard4j.GuardAuditException;
import dev.guard4j.GuardBlockedException;
import dev.guard4j.InputValidator;
import dev.guard4j.Outcome;
import dev.guard4j.Verdict;
import dev.guard4j.testing.ScriptedChatModel;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log behind a real guard: every call is on record, no text is, and compliance mode fails closed. */
class AuditLogGuardTest {

    private static final InputValidator NO_CARDS = input -> {
        int at = input.text().indexOf("4111 1111 1111 1111");
        return at < 0 ? Verdict.pass() : Verdict.block("card number in prompt", new Finding("test.card", "CREDIT_DEBIT_CARD_NUMBER", at, at + 19, 1.0));
    };

    @TempDir
    Path dir;

    @Test
    void everyCallIsRecordedWithItsFindingsButWithoutItsText() throws IOException {
        ScriptedChatModel model = new ScriptedChatModel().otherwise(request -> dev.langchain4j.model.chat.response.ChatResponse.builder()
                .aiMessage(dev.langchain4j.data.message.AiMessage.from("the weather is fine")).build());
        try (Guard guard = Guard.builder().input(NO_CARDS).audit(AuditLog.builder(dir).build()).build()) {
            ChatModel safe = guard.wrap(model);
            safe.chat("what is the weather in Lisbon?");
            assertThatThrownBy(() -> safe.chat("charge 4111 1111 1111 1111 please")).isInstanceOf(GuardBlockedException.class);
        }

        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(AuditLog.files(dir));
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.recordCount()).isEqualTo(2);
        List<AuditEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(AuditLog.files(dir).get(0), StandardCharsets.UTF_8)) {
            if (line.contains("\"type\":\"event\"")) {
                events.add(AuditEventJson.read(line));
            }
        }
        assertThat(events).extracting(AuditEvent::outcome).containsExactly(Outcome.ALLOWED, Outcome.BLOCKED);
        assertThat(events.get(1).findings()).containsExactly(new Finding("test.card", "CREDIT_DEBIT_CARD_NUMBER", 7, 26, 1.0));
        String everything = Files.readString(AuditLog.files(dir).get(0), StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain("4111").doesNotContain("Lisbon").doesNotContain("weather");
    }

    @Test
    void inComplianceModeACallThatCannotBeRecordedFails() {
        AuditLog log = AuditLog.builder(dir).build();
        log.close();
        ScriptedChatModel model = new ScriptedChatModel().otherwise(request -> dev.langchain4j.model.chat.response.ChatResponse.builder()
                .aiMessage(dev.langchain4j.data.message.AiMessage.from("ok")).build());

        ChatModel compliant = Guard.builder().audit(log).auditMode(AuditMode.COMPLIANCE).build().wrap(model);
        ChatModel bestEffort = Guard.builder().audit(log).auditMode(AuditMode.BEST_EFFORT).build().wrap(model);

        assertThatThrownBy(() -> compliant.chat("hello")).isInstanceOf(GuardAuditException.class)
                .hasRootCauseInstanceOf(AuditLogException.class);
        assertThat(bestEffort.chat("hello")).isEqualTo("ok");
    }
}
