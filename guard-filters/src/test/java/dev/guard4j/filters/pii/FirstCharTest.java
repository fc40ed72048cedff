package dev.guard4j.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks what a pattern's first character is read to be, and that the reading never excludes a real match. */
class FirstCharTest {

    static Stream<Arguments> patterns() {
        return Stream.of(
                Arguments.of("(?<![\\w.@/-])\\d{3}-\\d{2}", FirstChar.DIGIT),
                Arguments.of("\\b[13][a-z]{25}\\b", FirstChar.DIGIT),
                Arguments.of("(?<![\\w.@/-])(?:[1-6]\\d{12}|3\\d{3}([ -])\\d{6})", FirstChar.DIGIT),
                Arguments.of("\\b[A-Z]{2}\\d{2}", FirstChar.UPPER),
                Arguments.of("(?<![\\w])(?:P\\.?\\s?O\\.?\\s+Box|PSC|Unit)\\s+\\d", FirstChar.UPPER),
                Arguments.of("(?:\\d{4}|[A-Z]{2})", FirstChar.DIGIT_OR_UPPER),
                Arguments.of("(?<=(?:^|\\n)[ \\t>?]{0,8})\\d{1,6}\\s+", FirstChar.DIGIT),
                Arguments.of("(?!bg|gb)\\d", FirstChar.DIGIT),
                Arguments.of("(?:\\d{1,6}\\s+)?\\d{1,6}", FirstChar.DIGIT),
                Arguments.of("(?<![\\w/.:-])(0?[1-9]|1[0-2])/(\\d{4})", FirstChar.ANY),
                Arguments.of("(\\d{4})-(\\d{2})", FirstChar.DIGIT),
                Arguments.of("(?:\\d{1,2}(?:st|nd)?[- ]|(?:Jan(?:uary)?|Feb|MAR)\\.?[- ]\\d)", FirstChar.DIGIT_OR_UPPER),
                Arguments.of("(?:\\d{1,6}\\s+)?[a-z]", FirstChar.ANY),
                Arguments.of("(?:\\d{1,6}\\s+){0,2}[A-Z]", FirstChar.ANY),
                Arguments.of("\\d?x", FirstChar.ANY),
                Arguments.of("[A-Z]*\\d", FirstChar.ANY),
                Arguments.of("(?i)\\bcvv", FirstChar.ANY),
                Arguments.of("[0-9A-Fa-f]{2}", FirstChar.ANY),
                Arguments.of("[^a-z]", FirstChar.ANY),
                Arguments.of("\\p{Lu}\\p{Ll}+", FirstChar.ANY));
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void readsTheKindOfTheFirstCharacter(String regex, FirstChar expected) {
        assertThat(FirstChar.of(regex)).isEqualTo(expected);
    }

    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("(?:\\d{1,6}\\s+)?\\d{1,6}", "12 Main"),
                Arguments.of("(?:\\d{1,6}\\s+)?[a-z]+", "street"),
                Arguments.of("\\b[A-Z]{2}\\d{2}", "GB82"),
                Arguments.of("(?:\\d{4}|[A-Z]{2})", "AB"));
    }

    @ParameterizedTest
    @MethodSource("matches")
    void admitsTheFirstCharacterOfEveryMatch(String regex, String text) {
        assertThat(Pattern.compile(regex).matcher(text).lookingAt()).isTrue();
        assertThat(FirstChar.of(regex).admits(text.charAt(0))).isTrue();
    }
}
