package dev.guard4j.filters.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.AuditEvent;
import dev.guard4j.Guard;
import dev.guard4j.testing.ScriptedChatModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditRedactionTest {

    private final UnaryOperator<String> redaction = AuditRedaction.piiAndSecrets();

    @Test
    void personalDataAndSecretsNeverReachTheRecord() {
        String text = "mail jane.doe@example.com, card 4111 1111 1111 1111, key AKIAIOSFODNN7EXAMPLF";

        String recorded = redaction.apply(text);

        assertThat(recorded).doesNotContain("jane.doe@example.com").doesNotContain("4111 1111 1111 1111")
                .doesNotContain("AKIAIOSFODNN7EXAMPLF").contains("mail <EMAIL>");
    }

    @Test
    void aGuardRecordsTheRedactedTextOfACallThatItsFiltersLeftAlone() {
        ScriptedChatModel model = new ScriptedChatModel().enqueue("I will write to jane.doe@example.com");
        List<AuditEvent> events = new CopyOnWriteArrayList<>();

        Guard.builder().audit(events::add).recordText(redaction).build().wrap(model).chat("write to jane.doe@example.com");

        assertThat(events.get(0).recordedInput()).isEqualTo("user: write to <EMAIL>");
        assertThat(events.get(0).recordedOutput()).isEqualTo("I will write to <EMAIL>");
        assertThat(AuditEventJson.write(events.get(0))).contains("\"recordedInput\":\"user: write to <EMAIL>\"")
                .doesNotContain("jane.doe");
    }
}
