package dev.guard4j.filters.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextAnalyzerTest {

    @ParameterizedTest
    @CsvSource({
            "'He K1LLS them', kill, 3, 8",
            "'He kílls them', kill, 3, 8",
            "'He k-i-l-l-s them', kill, 3, 12",
            "'He ki\u200Blls them', kill, 3, 9",
            "'He ＫＩＬＬＳ them', kill, 3, 8",
    })
    void yieldsStemmedWordsWithOriginalSpans(String input, String term, int start, int end) {
        NormalizedText normalized = TextNormalizer.standard().normalize(input);

        assertThat(TextAnalyzer.english().analyze(normalized))
                .contains(new AnalyzedToken(term, start, end));
    }

    @Test
    void analysesPlainTextWithItsOwnOffsets() {
        assertThat(TextAnalyzer.of(TextAnalyzer.Stemming.NONE).analyze("Café Ünïcode"))
                .containsExactly(new AnalyzedToken("cafe", 0, 4), new AnalyzedToken("unicode", 5, 12));
    }

    @Test
    void wordTokenizationSplitsAtApostrophesAndDotsAndCharactersOfChineseAndJapanese() {
        TextAnalyzer words = TextAnalyzer.of(TextAnalyzer.Stemming.NONE, TextAnalyzer.Tokenization.WORDS);

        assertThat(words.analyze("Acme's acme.com a@b 3.14 日本語 Ελλάδα"))
                .extracting(AnalyzedToken::term)
                .containsExactly("acme", "s", "acme", "com", "a", "b", "3", "14", "日", "本", "語", "ελλάδα");
        assertThat(words.analyze("x 日本")).containsExactly(
                new AnalyzedToken("x", 0, 1), new AnalyzedToken("日", 2, 3), new AnalyzedToken("本", 3, 4));
    }

    @Test
    void stemsOtherLanguagesWithSnowball() {
        assertThat(TextAnalyzer.of(TextAnalyzer.Stemming.GERMAN).analyze("Häuser"))
                .extracting(AnalyzedToken::term).containsExactly("haus");
    }
}
