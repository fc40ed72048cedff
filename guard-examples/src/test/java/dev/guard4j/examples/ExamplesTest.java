package dev.guard4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every offline example and checks that each protection it shows actually happened. */
class ExamplesTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void quickstartAllowsRewritesAndBlocksAsItSays() {
        List<Quickstart.Row> rows = Quickstart.run(out);

        assertThat(rows).extracting(Quickstart.Row::outcome)
                .containsExactly(Outcome.ALLOWED, Outcome.REWRITTEN, Outcome.BLOCKED, Outcome.REWRITTEN, Outcome.BLOCKED);
        assertThat(rows.get(1).modelSaw()).doesNotContain("jane.doe@example.com").contains("<EMAIL>");
        assertThat(rows.get(2).modelSaw()).isEqualTo("(nothing: never called)");
        assertThat(rows.get(3).answer()).doesNotContain("Tr0ub4dor-and-3");
        assertThat(rows.get(4).why()).contains("SystemPromptLeakFilter").contains("reproduces the system prompt");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Audit trail").doesNotContain("jane.doe@example.com\n  model saw");
    }

    @Test
    void pseudonymsAreRestoredInAStreamedAnswerEvenWhenSplitAcrossTokens() {
        PseudonymisationExample.Result result = PseudonymisationExample.run(out);

        assertThat(result.modelSaw()).contains("<EMAIL_1>").contains("<PHONE_1>").doesNotContain("john.smith");
        assertThat(result.modelTokens()).noneMatch(token -> token.contains("<EMAIL_1>"));
        assertThat(result.answer()).isEqualTo("I will write to john.smith@example.com and call +1 415-555-0100 this afternoon.");
        assertThat(String.join("", result.callerChunks())).isEqualTo(result.answer());
        assertThat(result.callerChunks()).noneMatch(chunk -> chunk.contains("<"));
    }

    @Test
    void ragAssistantCatchesTheInjectedDocumentAndTheProtectedLeak() {
        List<RagAssistantExample.Row> rows = RagAssistantExample.run(out);

        assertThat(rows.get(0).answer()).contains("30 days");
        assertThat(rows.get(1).answer()).startsWith("(blocked before the model");
        assertThat(rows.get(2).answer()).startsWith("(answer blocked").doesNotContain("18 percent");
    }

    @Test
    void customFilterBlocksAnotherCustomersTicketInCodeAndFromThePolicy() {
        List<CustomFilterExample.Row> rows = CustomFilterExample.run(out);

        assertThat(rows).extracting(CustomFilterExample.Row::answer).containsExactly(
                "(demo model) I received: What is the status of ticket T-10001?",
                "Sorry, I can only help with your own tickets.",
                "(demo model) I received: What is the status of ticket T-10001?",
                "Sorry, I can only help with your own tickets.");
    }

    @Test
    void policyFileExampleScansTheSampleAndReportsTheBadLine() {
        List<String> lines = PolicyFileExample.run(out);

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("\"verdict\":\"PASS\"");
        assertThat(lines.get(1)).contains("\"verdict\":\"REWRITE\"").contains("CREDIT_DEBIT_CARD_NUMBER").doesNotContain("4111 1111");
        assertThat(lines.get(4)).contains("\"verdict\":\"REWRITE\"").contains("AWS_ACCESS_KEY");
        assertThat(lines.get(2)).contains("\"verdict\":\"BLOCK\"").contains("PROMPT_INJECTION");
        assertThat(lines.get(3)).contains("\"line\":4").contains("error");
    }
}
