package dev.guard4j.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.CallState;
import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import dev.guard4j.filters.redact.Action;
import dev.guard4j.filters.redact.PseudonymVault;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PiiFilterTest {

    private static final String EMAIL = "jane.doe@example.com";
    private static final String CARD = "4111 1111 1111 1111";
    private static final String PROMPT = "Mail " + EMAIL + " and charge " + CARD + " today.";

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"REDACT", "MASK", "HASH", "PSEUDONYMISE"})
    void rewritingActionsNeverLeaveTheValueInTheText(Action action) {
        PiiFilter filter = PiiFilter.builder().defaultAction(action).build();
        Verdict verdict = filter.validate(Content.of(PROMPT, Content.Source.USER));
        assertThat(verdict).isInstanceOf(Verdict.Rewrite.class);
        String text = ((Verdict.Rewrite) verdict).text();
        assertThat(text).doesNotContain(EMAIL).doesNotContain(CARD).doesNotContain("jane.doe");
        assertThat(verdict.findings()).extracting(Finding::category).containsExactly("EMAIL", "CREDIT_DEBIT_CARD_NUMBER");
    }

    @Test
    void redactReplacesEachValueByItsCategory() {
        Verdict verdict = PiiFilter.ofDefaults().validate(Content.of(PROMPT, Content.Source.USER));
        assertThat(((Verdict.Rewrite) verdict).text()).isEqualTo("Mail <EMAIL> and charge <CREDIT_DEBIT_CARD_NUMBER> today.");
    }

    @Test
    void blockActionBlocksWithoutTheValueInTheReason() {
        PiiFilter filter = PiiFilter.builder().action("CREDIT_DEBIT_CARD_NUMBER", Action.BLOCK).build();
        Verdict verdict = filter.validate(Content.of(PROMPT, Content.Source.USER));
        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(((Verdict.Block) verdict).reason()).contains("CREDIT_DEBIT_CARD_NUMBER").doesNotContain("4111");
    }

    @Test
    void reportOnlyPassesTheTextWithFindings() {
        Verdict verdict = PiiFilter.builder().defaultAction(Action.REPORT_ONLY).build().validate(Content.of(PROMPT, Content.Source.USER));
        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        assertThat(verdict.findings()).hasSize(2);
    }

    @Test
    void textWithoutPersonalDataPassesWithoutFindings() {
        Verdict verdict = PiiFilter.ofDefaults().validate(Content.of("What is the capital of France? Explain in 3 sentences.", Content.Source.USER));
        assertThat(verdict).isSameAs(Verdict.pass());
    }

    @Test
    void pseudonymisedInputIsRestoredInTheAnswer() {
        PiiFilter filter = PiiFilter.builder().defaultAction(Action.PSEUDONYMISE).build();
        CallState state = new CallState();
        Content prompt = Content.builder("Write to " + EMAIL + " and cc " + EMAIL + ".", Content.Source.USER).state(state).build();

        String seenByModel = ((Verdict.Rewrite) filter.validate(prompt)).text();
        assertThat(seenByModel).isEqualTo("Write to <EMAIL_1> and cc <EMAIL_1>.");

        Content answer = Content.builder("Done: I wrote to <EMAIL_1>.", Content.Source.MODEL).state(state).build();
        Verdict restored = filter.check(answer);
        assertThat(restored).isInstanceOf(Verdict.Rewrite.class);
        assertThat(((Verdict.Rewrite) restored).text()).isEqualTo("Done: I wrote to " + EMAIL + ".");
        assertThat(restored.findings()).isEmpty();
    }

    @Test
    void aPlaceholderSplitAcrossStreamWindowsIsRestoredWhenItArrivesWhole() {
        PiiFilter filter = PiiFilter.builder().defaultAction(Action.PSEUDONYMISE).build();
        CallState state = new CallState();
        filter.validate(Content.builder("Contact " + EMAIL, Content.Source.USER).state(state).build());

        // the streaming guard checks overlapping windows and holds the tail back
        Verdict first = filter.check(Content.builder("Sure, I will write to <EMA", Content.Source.MODEL).state(state).build());
        assertThat(first).isInstanceOf(Verdict.Pass.class);
        Verdict second = filter.check(Content.builder("write to <EMAIL_1> now.", Content.Source.MODEL).state(state).build());
        assertThat(((Verdict.Rewrite) second).text()).isEqualTo("write to " + EMAIL + " now.");
        // the next window starts with released text that already holds the original: left unchanged
        Verdict third = filter.check(Content.builder(EMAIL + " now. Anything else?", Content.Source.MODEL).state(state).build());
        assertThat(third).isInstanceOf(Verdict.Pass.class);
        assertThat(third.findings()).isEmpty();
    }

    @Test
    void aWindowStartingInsideARestoredOriginalIsLeftUnchanged() {
        PiiFilter filter = PiiFilter.builder().defaultAction(Action.PSEUDONYMISE).build();
        CallState state = new CallState();
        filter.validate(Content.builder("Contact " + EMAIL, Content.Source.USER).state(state).build());
        // the guard refuses a checker that rewrites already released text, so a cut original must pass
        Verdict verdict = filter.check(Content.builder(EMAIL.substring(3) + " now. Anything else?", Content.Source.MODEL).state(state).build());
        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        assertThat(verdict.findings()).isEmpty();
    }

    @Test
    void newPersonalDataInTheAnswerIsRedactedEvenWhenInputPseudonymises() {
        PiiFilter filter = PiiFilter.builder().defaultAction(Action.PSEUDONYMISE).build();
        CallState state = new CallState();
        filter.validate(Content.builder("Contact " + EMAIL, Content.Source.USER).state(state).build());
        Verdict verdict = filter.check(Content.builder("Also try bob@example.org or <EMAIL_1>.", Content.Source.MODEL).state(state).build());
        assertThat(((Verdict.Rewrite) verdict).text()).isEqualTo("Also try <EMAIL> or " + EMAIL + ".");
    }

    @Test
    void theVaultNeverShowsInToStringOfStateOrFilter() {
        PiiFilter filter = PiiFilter.builder().defaultAction(Action.PSEUDONYMISE).build();
        CallState state = new CallState();
        filter.validate(Content.builder("Contact " + EMAIL, Content.Source.USER).state(state).build());
        assertThat(state.toString()).doesNotContain(EMAIL);
        assertThat(PseudonymVault.of(state).toString()).doesNotContain(EMAIL);
        assertThat(filter.toString()).doesNotContain(EMAIL);
    }

    @Test
    void onlyAPseudonymisingFilterIsNotMemoisable() {
        assertThat(PiiFilter.ofDefaults().memoisable()).isTrue();
        assertThat(PiiFilter.builder().action("EMAIL", Action.PSEUDONYMISE).build().memoisable()).isFalse();
    }

    @Test
    void allowListedValuesAreNeverFlaggedAndDenyListedOnesAlways() {
        PiiFilter filter = PiiFilter.builder().allow("SUPPORT@example.com").deny("Project Falcon").build();
        String text = "Write to support@example.com about project falcon and " + EMAIL;
        var findings = filter.detect(text);
        assertThat(findings).extracting(Finding::category).containsExactly("DENY_LIST", "EMAIL");
        assertThat(findings.get(0).start()).isEqualTo(text.indexOf("project falcon"));
        assertThat(findings.get(1).start()).isEqualTo(text.indexOf(EMAIL));
    }

    @Test
    void categoriesRestrictDetection() {
        PiiFilter filter = PiiFilter.builder().categories("EMAIL").build();
        assertThat(filter.detect(PROMPT)).extracting(Finding::category).containsExactly("EMAIL");
    }

    @Test
    void thresholdDropsWeakFindings() {
        String weakSsn = "reference 078051121";
        assertThat(PiiFilter.builder().categories("US_SOCIAL_SECURITY_NUMBER").build().detect(weakSsn)).isEmpty();
        assertThat(PiiFilter.builder().categories("US_SOCIAL_SECURITY_NUMBER").threshold(0.0).build().detect(weakSsn)).hasSize(1);
        assertThat(PiiFilter.builder().categories("US_SOCIAL_SECURITY_NUMBER").build().detect("my SSN 078051121")).hasSize(1);
    }

    @Test
    void builderRejectsWhatItCannotUseNamingTheProblem() {
        assertThatThrownBy(() -> PiiFilter.builder().categories("EMAILS")).hasMessageContaining("unknown PII category 'EMAILS'");
        assertThatThrownBy(() -> PiiFilter.builder().threshold(1.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> PiiFilter.builder().allow(" ")).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> PiiFilter.builder().maxInputLength(0)).hasMessageContaining("at least 1");
    }

    static Stream<Arguments> hostileInputs() {
        Random random = new Random(7);
        byte[] bytes = new byte[200_000];
        random.nextBytes(bytes);
        return Stream.of(
                Arguments.of("a@ repeated", "a@".repeat(400_000)),
                Arguments.of("digits", "7".repeat(500_000)),
                Arguments.of("binary", new String(bytes, StandardCharsets.ISO_8859_1)),
                Arguments.of("unpaired surrogates", "\uD800 call " + EMAIL + " \uDC00\uDC00" + "\uD83D".repeat(1000)),
                Arguments.of("dots and colons", "a.b:".repeat(200_000)),
                Arguments.of("capitalised words", "Anna Smith ".repeat(50_000)),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void hostileInputGivesAVerdict(String name, String text) {
        Verdict verdict = PiiFilter.ofDefaults().validate(Content.of(text, Content.Source.USER));
        assertThat(verdict).isNotNull();
        if (verdict instanceof Verdict.Rewrite rewrite && text.contains(EMAIL)) {
            assertThat(rewrite.text()).doesNotContain(EMAIL);
        }
    }

    @Test
    void textOverTheLimitIsBlockedNotPartlyScanned() {
        String tenMegabytes = "x".repeat(10 * 1024 * 1024);
        Verdict verdict = PiiFilter.ofDefaults().validate(Content.of(tenMegabytes, Content.Source.USER));
        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(verdict.findings()).extracting(Finding::category).containsExactly(Category.OVERSIZED_INPUT);
        assertThatThrownBy(() -> PiiFilter.ofDefaults().detect(tenMegabytes)).isInstanceOf(IllegalArgumentException.class);
    }
}
