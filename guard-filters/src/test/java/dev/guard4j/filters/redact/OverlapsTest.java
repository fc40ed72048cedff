package dev.guard4j.filters.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OverlapsTest {

    static Stream<Arguments> overlappingPairs() {
        return Stream.of(
                Arguments.of("higher score wins",
                        new Finding("a", "PHONE", 0, 12, 0.6), new Finding("b", "CREDIT_DEBIT_CARD_NUMBER", 2, 10, 0.9), "CREDIT_DEBIT_CARD_NUMBER"),
                Arguments.of("equal score: longer span wins",
                        new Finding("a", "URL", 0, 20, 0.8), new Finding("b", "EMAIL", 5, 15, 0.8), "URL"),
                Arguments.of("equal score and length: earlier start wins",
                        new Finding("a", "NAME", 3, 8, 0.5), new Finding("b", "ADDRESS", 0, 5, 0.5), "ADDRESS"),
                Arguments.of("full tie: category name decides",
                        new Finding("a", "PIN", 0, 4, 0.5), new Finding("b", "AGE", 0, 4, 0.5), "AGE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlappingPairs")
    void overlappingFindingsKeepTheWinnerWhateverTheInputOrder(String rule, Finding first, Finding second, String winner) {
        assertThat(Overlaps.resolve(List.of(first, second))).extracting(Finding::category).containsExactly(winner);
        assertThat(Overlaps.resolve(List.of(second, first))).extracting(Finding::category).containsExactly(winner);
    }

    @Test
    void disjointAndTouchingFindingsAllSurviveSortedByStart() {
        List<Finding> findings = List.of(
                new Finding("a", "EMAIL", 20, 30, 0.9),
                new Finding("b", "PHONE", 0, 10, 0.5),
                new Finding("c", "NAME", 10, 20, 0.4));
        assertThat(Overlaps.resolve(findings)).extracting(Finding::start).containsExactly(0, 10, 20);
    }

    @Test
    void aLoserBetweenTwoWinnersIsDroppedEvenIfItOverlapsOnlyOne() {
        List<Finding> findings = List.of(
                new Finding("a", "EMAIL", 0, 10, 0.9),
                new Finding("b", "EMAIL", 20, 30, 0.9),
                new Finding("c", "URL", 9, 12, 0.5),
                new Finding("d", "URL", 12, 21, 0.5));
        assertThat(Overlaps.resolve(findings)).extracting(Finding::start).containsExactly(0, 20);
    }

    @Test
    void emptySpansAreDropped() {
        assertThat(Overlaps.resolve(List.of(new Finding("a", "EMAIL", 3, 3, 1.0)))).isEmpty();
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            findings.add(new Finding("d" + i, "C" + (i % 7), (i * 37) % 500, (i * 37) % 500 + 5 + i % 13, (i % 5) / 5.0));
        }
        List<Finding> expected = Overlaps.resolve(findings);
        Collections.shuffle(findings, new java.util.Random(42));
        assertThat(Overlaps.resolve(findings)).isEqualTo(expected);
        for (int i = 1; i < expected.size(); i++) {
            assertThat(expected.get(i).start()).isGreaterThanOrEqualTo(expected.get(i - 1).end());
        }
    }
}
