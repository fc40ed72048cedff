package dev.guard4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.AuditEvent;
import dev.guard4j.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BedrockExampleTest {

    @Test
    void offlineRunMasksTheEmailAndBlocksThePromptAttack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<AuditEvent> events = BedrockExample.run(Map.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("local Bedrock emulator").contains("{EMAIL}").doesNotContain("help@example.com")
                .contains("blocked at INPUT by bedrock-guardrail:gr-example");
        assertThat(events).extracting(AuditEvent::outcome).containsExactly(Outcome.REWRITTEN, Outcome.BLOCKED);
    }
}
