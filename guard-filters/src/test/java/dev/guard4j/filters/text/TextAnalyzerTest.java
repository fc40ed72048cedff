package dev.guard4j.filters.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

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

    @Test
    void repeatedWordsStemTheSameOnEveryOccurrenceAndInLaterTexts() {
        TextAnalyzer words = TextAnalyzer.of(TextAnalyzer.Stemming.ENGLISH, TextAnalyzer.Tokenization.WORDS);
        String text = "running ponies ran RUNNING ponies poni running antidisestablishmentarianisms"
                + " antidisestablishmentarianisms";
        List<String> expected = List.of("run", "poni", "ran", "run", "poni", "poni", "run",
                "antidisestablishmentarian", "antidisestablishmentarian");

        for (int call = 0; call < 3; call++) {
            assertThat(words.analyze(text)).extracting(AnalyzedToken::term).containsExactlyElementsOf(expected);
        }
        assertThat(words.analyze(TextNormalizer.standard().normalize(text)))
                .extracting(AnalyzedToken::term).containsExactlyElementsOf(expected);
    }

    static Stream<String> textsForTheWordScanner() {
        return Stream.of(
                "the runner runs; the runners ran and running was fun. the runner runs again",
                "acme's acme.com a@b 3.14 日本語 x日本y ponies poni",
                "a".repeat(300) + " " + "b".repeat(30) + " " + "b".repeat(30) + " generalizations",
                "tab\tnew\nline 42nd 1st k\uD835\uDC00z emoji \uD83D\uDE00 end",
                "",
                manyDistinctWords());
    }

    /** More distinct words than the stem cache has slots, so that words evict each other. */
    private static String manyDistinctWords() {
        StringBuilder text = new StringBuilder();
        String[] suffixes = {"ing", "ness", "ies", "ed", "ational"};
        for (int i = 0; i < 6000; i++) {
            text.append(Integer.toString(i * 7919, 26).replaceAll("[0-9]", "q")).append(suffixes[i % 5]).append(' ');
        }
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("textsForTheWordScanner")
    void wordScannerGivesTheFormsAndSpansOfTheLuceneChain(String input) {
        TextAnalyzer words = TextAnalyzer.of(TextAnalyzer.Stemming.ENGLISH, TextAnalyzer.Tokenization.WORDS);
        String normalized = TextNormalizer.standard().normalize(input).text();
        List<AnalyzedToken> throughLucene = words.analyze(normalized);

        for (int call = 0; call < 2; call++) {
            List<AnalyzedToken> scanned = new ArrayList<>();
            words.runTerms(TextNormalizer.standard().normalize(input),
                    (term, length, start, end) -> scanned.add(new AnalyzedToken(new String(term, 0, length), start, end)));
            assertThat(scanned).containsExactlyElementsOf(throughLucene);
        }
    }
}
