package dev.guard4j.filters.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {

    private static final String TEXT = "Mail jane.doe@example.com or call 4111 1111 1111 1111 today";
    private static final Finding EMAIL = new Finding("pii.email", "EMAIL", 5, 25, 1.0);
    private static final Finding CARD = new Finding("pii.card", "CREDIT_DEBIT_CARD_NUMBER", 34, 53, 1.0);
    private static final byte[] SALT = "0123456789abcdef-test-salt".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> actions() {
        return Stream.of(
                Arguments.of(Action.REDACT, "Mail <EMAIL> or call <CREDIT_DEBIT_CARD_NUMBER> today"),
                Arguments.of(Action.MASK, "Mail ****.***@******e.com or call **** **** **** 1111 today"),
                Arguments.of(Action.PSEUDONYMISE, "Mail <EMAIL_1> or call <CREDIT_DEBIT_CARD_NUMBER_1> today"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void rewritingActionsReplaceEveryFindingAndNeverKeepTheValue(Action action, String expected) {
        Redactor redactor = Redactor.builder().defaultAction(action).salt(SALT).build();
        Verdict verdict = redactor.apply(Content.of(TEXT, Content.Source.USER), List.of(EMAIL, CARD), "PII");
        assertThat(verdict).isInstanceOf(Verdict.Rewrite.class);
        String text = ((Verdict.Rewrite) verdict).text();
        assertThat(text).isEqualTo(expected).doesNotContain("jane.doe@example.com").doesNotContain("4111 1111 1111 1111");
        assertThat(verdict.findings()).containsExactly(EMAIL, CARD);
    }

    @Test
    void hashIsSaltedStableAndDependsOnTheSalt() {
        Content content = Content.of(TEXT, Content.Source.USER);
        Redactor one = Redactor.builder().defaultAction(Action.HASH).salt(SALT).build();
        String first = ((Verdict.Rewrite) one.apply(content, List.of(EMAIL), "PII")).text();
        String again = ((Verdict.Rewrite) one.apply(content, List.of(EMAIL), "PII")).text();
        String otherSalt = ((Verdict.Rewrite) Redactor.builder().defaultAction(Action.HASH)
                .salt("another-salt-of-16-bytes".getBytes(StandardCharsets.UTF_8)).build()
                .apply(content, List.of(EMAIL), "PII")).text();
        assertThat(first).matches("Mail <EMAIL:sha256=[0-9a-f]{16}> or call 4111 1111 1111 1111 today");
        assertThat(again).isEqualTo(first);
        assertThat(otherSalt).isNotEqualTo(first);
        assertThat(one.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void anyBlockingCategoryBlocksWithoutTheTextInTheReason() {
        Redactor redactor = Redactor.builder().action("CREDIT_DEBIT_CARD_NUMBER", Action.BLOCK).build();
        Verdict verdict = redactor.apply(Content.of(TEXT, Content.Source.USER), List.of(EMAIL, CARD), "PII");
        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(((Verdict.Block) verdict).reason()).isEqualTo("PII found: CREDIT_DEBIT_CARD_NUMBER").doesNotContain("4111");
    }

    @Test
    void reportOnlyPassesTheTextAndReportsTheFindings() {
        Redactor redactor = Redactor.builder().defaultAction(Action.REPORT_ONLY).build();
        Verdict verdict = redactor.apply(Content.of(TEXT, Content.Source.USER), List.of(CARD, EMAIL), "PII");
        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        assertThat(verdict.findings()).containsExactly(EMAIL, CARD);
    }

    @Test
    void noFindingsIsAPlainPass() {
        assertThat(Redactor.builder().build().apply(Content.of(TEXT, Content.Source.USER), List.of(), "PII"))
                .isSameAs(Verdict.pass());
    }

    @Test
    void overlappingFindingsAreResolvedBeforeRewriting() {
        Finding url = new Finding("pii.url", "URL", 0, 25, 0.5);
        Verdict verdict = Redactor.builder().build().apply(Content.of(TEXT, Content.Source.USER), List.of(url, EMAIL), "PII");
        assertThat(((Verdict.Rewrite) verdict).text()).startsWith("Mail <EMAIL> or");
        assertThat(verdict.findings()).containsExactly(EMAIL);
    }

    @Test
    void pseudonymiseThenRestoreGivesBackTheOriginal() {
        Content content = Content.of("jane.doe@example.com wrote to jane.doe@example.com", Content.Source.USER);
        List<Finding> findings = List.of(new Finding("pii.email", "EMAIL", 0, 20, 1.0), new Finding("pii.email", "EMAIL", 30, 50, 1.0));
        Verdict verdict = Redactor.builder().defaultAction(Action.PSEUDONYMISE).build().apply(content, findings, "PII");
        String pseudonymised = ((Verdict.Rewrite) verdict).text();
        assertThat(pseudonymised).isEqualTo("<EMAIL_1> wrote to <EMAIL_1>");
        assertThat(PseudonymVault.of(content.state()).restore(pseudonymised)).isEqualTo(content.text());
    }

    @ParameterizedTest
    @CsvSource({
        "4111111111111111, ************1111",
        "AB-12-34-56-C, **-**-*4-56-C",
        "1234567, *******",
        "12345678, ****5678",
    })
    void maskKeepsTheLastFourAlphanumericsOfLongValuesOnly(String value, String expected) {
        assertThat(Redactor.mask(value)).isEqualTo(expected);
    }

    @Test
    void aFindingOutsideTheTextIsRejected() {
        assertThatThrownBy(() -> Redactor.builder().build()
                .apply(Content.of("short", Content.Source.USER), List.of(new Finding("d", "EMAIL", 0, 50, 1.0)), "PII"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortSaltsAreRejected() {
        assertThatThrownBy(() -> Redactor.builder().salt(new byte[4])).hasMessageContaining("at least 16 bytes");
    }
}
