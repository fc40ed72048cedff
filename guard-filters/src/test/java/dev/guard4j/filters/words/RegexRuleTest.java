package dev.guard4j.filters.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Category;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import dev.guard4j.filters.redact.Action;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegexRuleTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "(a+)+ => nested quantifiers",
            "(\\w+\\s?)*$ => nested quantifiers",
            "((ab)*c)+ => nested quantifiers",
            "(?:x+){2,} => nested quantifiers",
            "(.*a){12} => nested quantifiers",
            "(a{1,3})* => nested quantifiers",
            "(x)\\1 => backreferences",
            "(?<w>x)\\k<w> => backreferences",
            "[a-z => invalid pattern",
            "a* => matches the empty text",
    })
    void refusesUnsafeOrInvalidPatternsAtBuildTime(String pattern, String reason) {
        assertThatThrownBy(() -> WordFilter.builder().regex(RegexRule.of("bad", pattern, Action.BLOCK)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("regex rule 'bad': ")
                .hasMessageContaining(reason);
    }

    @Test
    void refusesOverlongPatterns() {
        assertThatThrownBy(() -> WordFilter.builder().regex(RegexRule.of("long", "a".repeat(1001), Action.BLOCK)).build())
                .hasMessage("regex rule 'long': the pattern has 1001 characters, more than the limit of 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\\d{3}-\\d{4}", "(?i)acme\\s+corp", "(foo|bar)+", "[a-z]+@[a-z]+\\.com", "\\b(\\d{1,3}\\.){3}\\d{1,3}\\b",
            "[(+*]+x", "\\Q(a+)+\\E", "x(?:ab)?y+"})
    void acceptsOrdinaryPatterns(String pattern) {
        assertThatCode(() -> WordFilter.builder().regex(RegexRule.of("ok", pattern, Action.BLOCK)).build())
                .doesNotThrowAnyException();
    }

    @Test
    void redactsMatchesWithTheRuleMask() {
        WordFilter filter = WordFilter.builder()
                .regex(RegexRule.of("ticket", "TICKET-\\d{4,8}", Action.REDACT))
                .build();

        Verdict verdict = filter.evaluate("see TICKET-12345 and TICKET-999");

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rewrite.class,
                rewrite -> assertThat(rewrite.text()).isEqualTo("see [TICKET] and TICKET-999"));
        assertThat(verdict.findings()).containsExactly(new Finding("regex.ticket", RegexRule.CUSTOM_REGEX, 4, 16, 1.0));
    }

    @Test
    void runsRulesOnDecodedLayersAndReportsTheEncodedRun() {
        WordFilter filter = WordFilter.builder()
                .regex(RegexRule.of("ticket", "TICKET-\\d{4,8}", Action.BLOCK))
                .build();
        String encoded = Base64.getEncoder().encodeToString("open TICKET-12345 now".getBytes(StandardCharsets.UTF_8));

        Verdict verdict = filter.evaluate("x " + encoded);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.BLOCK);
        assertThat(verdict.findings()).containsExactly(
                new Finding("regex.ticket", RegexRule.CUSTOM_REGEX, 2, 2 + encoded.length(), 1.0));
    }

    @Test
    void aRuleThatRunsOverItsStepBudgetBlocksTheText() {
        // passes the static check (no nested quantifier) yet backtracks in O(n^6)
        WordFilter filter = WordFilter.builder()
                .regex(RegexRule.of("slow", "\\d*\\d*\\d*\\d*\\d*\\d*x", Action.REPORT_ONLY))
                .build();

        Verdict verdict = filter.evaluate("1".repeat(200) + "c");

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Block.class,
                block -> assertThat(block.reason()).isEqualTo("regex rule 'slow' ran over its step budget"));
        assertThat(verdict.findings()).extracting(Finding::category).containsExactly(Category.FILTER_FAILURE);
    }
}
