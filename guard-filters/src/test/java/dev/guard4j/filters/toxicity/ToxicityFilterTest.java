package dev.guard4j.filters.toxicity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ToxicityFilterTest {

    private static final ToxicityFilter HIGH = ToxicityFilter.builder()
            .strength(ToxicityFilter.Type.HATE, Strength.HIGH).strength(ToxicityFilter.Type.INSULTS, Strength.HIGH).build();

    static Stream<String> insults() {
        return Stream.of("you are a fucking idiot", "shut up you stupid bitch", "what a worthless piece of shit you are");
    }

    @ParameterizedTest
    @MethodSource("insults")
    void blocksInsultsOnInputAndOutput(String text) {
        Verdict input = HIGH.validate(Content.of(text, Content.Source.USER));
        Verdict output = HIGH.check(Content.of(text, Content.Source.MODEL));

        assertThat(input.kind()).isEqualTo(Verdict.Kind.BLOCK);
        assertThat(input.findings()).extracting(Finding::category).contains(Category.INSULTS);
        assertThat(output.kind()).isEqualTo(Verdict.Kind.BLOCK);
    }

    static Stream<String> friendly() {
        return Stream.of("Thank you so much for your help today!", "The weather in Lisbon is lovely in May.",
                "Can you recommend a good book about gardening?", "Our team meeting moved to Thursday at 10.",
                "Could you tell me when your shop opens on Sunday?", "Is your app available in Portuguese?");
    }

    @ParameterizedTest
    @MethodSource("friendly")
    void letsFriendlyTextThroughEvenAtHighStrength(String text) {
        assertThat(HIGH.validate(Content.of(text, Content.Source.USER)).kind()).isEqualTo(Verdict.Kind.PASS);
    }

    @Test
    void aHigherStrengthNeverBlocksLess() {
        String text = "those people are all criminals and should go back where they came from";
        double hate = HIGH.scores(text).get(ToxicityFilter.Type.HATE);
        for (ToxicityFilter.Type type : ToxicityFilter.Type.values()) {
            assertThat(type.threshold(Strength.HIGH)).isLessThan(type.threshold(Strength.MEDIUM));
            assertThat(type.threshold(Strength.MEDIUM)).isLessThan(type.threshold(Strength.LOW));
        }
        boolean blockedLow = hate >= ToxicityFilter.Type.HATE.threshold(Strength.LOW);
        boolean blockedHigh = hate >= ToxicityFilter.Type.HATE.threshold(Strength.HIGH);
        assertThat(!blockedLow || blockedHigh).isTrue();
        assertThat(hate).isGreaterThan(0.5);
    }

    @Test
    void strengthNoneTurnsACategoryOff() {
        ToxicityFilter off = ToxicityFilter.builder().strength(ToxicityFilter.Type.HATE, Strength.NONE)
                .strength(ToxicityFilter.Type.INSULTS, Strength.NONE).build();
        assertThat(off.scores("you are a fucking idiot")).isEmpty();
        assertThat(off.validate(Content.of("you are a fucking idiot", Content.Source.USER)).kind()).isEqualTo(Verdict.Kind.PASS);
    }

    @Test
    void givesAVerdictOnHostileInput() {
        for (String text : new String[] {"", "\uD800", "x".repeat(300_000), "\u0000\u0001"}) {
            assertThat(HIGH.validate(Content.of(text, Content.Source.USER))).isNotNull();
        }
        Verdict oversized = ToxicityFilter.builder().maxChars(10).build().validate(Content.of("x".repeat(11), Content.Source.USER));
        assertThat(oversized.findings()).extracting(Finding::category).containsExactly(Category.OVERSIZED_INPUT);
    }
}
