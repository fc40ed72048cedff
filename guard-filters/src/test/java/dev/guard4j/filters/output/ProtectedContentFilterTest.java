package dev.guard4j.filters.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.guard4j.filters.policy.PolicyException;
import java.io.Reader;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProtectedContentFilterTest {

    static final String ROADMAP = "Project Falcon will replace the legacy billing engine in the third quarter of next year."
            + " The migration starts with the enterprise customers in Germany, followed by France and the Nordics. The"
            + " budget approved by the board is 14 million euros, of which four million are reserved for the data"
            + " migration and two million for parallel running. The vendor shortlist contains Northwind, Contoso and"
            + " Fabrikam; Contoso is the preferred bidder because its rating engine already supports usage based"
            + " pricing. The launch date stays confidential until the partner agreements are signed in the spring.";

    static final String OTHER = "Our cafeteria menu changes every week and offers a vegetarian dish each day. Please"
            + " return your trays to the rack near the exit and keep the tables tidy for the next colleagues.";

    static ProtectedContentFilter filter;

    @BeforeAll
    static void registerDocuments() {
        ProtectedContentFilter.Builder builder = ProtectedContentFilter.builder()
                .document("roadmap", ROADMAP)
                .document("cafeteria", OTHER);
        for (int i = 0; i < 1000; i++) {
            builder.document("random-" + i, randomText(new Random(i), 120));
        }
        filter = builder.build();
    }

    static Stream<Arguments> reproductions() {
        String quote = ROADMAP.substring(ROADMAP.indexOf("The budget"), ROADMAP.indexOf("The launch"));
        return Stream.of(
                Arguments.of("the whole document", ROADMAP),
                Arguments.of("one passage", quote),
                Arguments.of("a passage re-cased and re-punctuated", quote.toUpperCase().replace(";", " -").replace(",", "")),
                Arguments.of("a passage inside a long new answer", randomText(new Random(-1), 400) + " " + quote + " "
                        + randomText(new Random(-2), 400)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reproductions")
    void blocksAnswersThatReproduceAProtectedDocument(String description, String answer) {
        Verdict verdict = filter.check(Content.of(answer, Content.Source.MODEL));

        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        assertThat(((Verdict.Block) verdict).reason()).contains("'roadmap'");
        assertThat(verdict.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.detector()).isEqualTo("protected-content/roadmap");
            assertThat(finding.category()).isEqualTo(Category.PROTECTED_CONTENT);
            assertThat(finding.end()).isGreaterThan(finding.start()).isLessThanOrEqualTo(answer.length());
        });
    }

    static Stream<Arguments> newAnswers() {
        return Stream.of(
                Arguments.of("unrelated", "The weather in Lisbon is mild in winter, with rain mostly in November."),
                Arguments.of("same topic in other words", "Falcon is a billing project; its budget and the vendors are"
                        + " confidential, so I cannot share details about dates, countries or costs."),
                Arguments.of("one short shared phrase", "As they say, the budget approved by the board is final."),
                Arguments.of("random text", randomText(new Random(99_999), 300)),
                Arguments.of("empty", ""),
                Arguments.of("binary and unpaired surrogates", "\u0000\uD800\u0001\uDFFF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newAnswers")
    void passesAnswersThatDoNotReproduceOne(String description, String answer) {
        assertThat(filter.check(Content.of(answer, Content.Source.MODEL))).isEqualTo(Verdict.pass());
    }

    @Test
    void reportsTheMatchedDocumentWithItsContainmentAndPassage() {
        String quote = ROADMAP.substring(ROADMAP.indexOf("The vendor"), ROADMAP.indexOf("The launch"));
        String answer = "Here is what I found. " + quote;

        List<ProtectedContentFilter.Match> matches = filter.matches(answer);

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.documentId()).isEqualTo("roadmap");
            assertThat(match.containment()).isGreaterThanOrEqualTo(0.5);
            assertThat(match.matchingFingerprints()).isGreaterThanOrEqualTo(3);
            assertThat(match.start()).isGreaterThanOrEqualTo(answer.indexOf(quote));
            assertThat(match.end()).isLessThanOrEqualTo(answer.length());
        });
    }

    @Test
    void replaceActionRemovesOnlyThePassage() {
        ProtectedContentFilter replacing = ProtectedContentFilter.builder()
                .document("roadmap", ROADMAP)
                .action(ProtectedContentFilter.Action.REPLACE)
                .replacement("[removed]")
                .build();
        String answer = "Summary follows. " + ROADMAP;

        Verdict verdict = replacing.check(Content.of(answer, Content.Source.MODEL));

        assertThat(verdict).isInstanceOf(Verdict.Rewrite.class);
        assertThat(((Verdict.Rewrite) verdict).text()).startsWith("Summary follows. ").contains("[removed]")
                .doesNotContain("14 million euros");
    }

    @Test
    void aFiftyMegabyteDocumentIsSketchedInBoundedMemory() {
        long fiftyMegabytes = 50L * 1024 * 1024;
        ProtectedContentFilter huge = ProtectedContentFilter.builder()
                .maxFingerprintsPerDocument(2048)
                .document("huge", new RandomWordsReader(new Random(7), fiftyMegabytes))
                .build();
        // the sample covers the whole document: a long stretch from its start is still recognised
        String firstStretch = readPrefix(new RandomWordsReader(new Random(7), fiftyMegabytes), 2_000_000);

        assertThat(huge.documentCount()).isEqualTo(1);
        assertThat(huge.matches(firstStretch)).singleElement()
                .satisfies(match -> assertThat(match.documentId()).isEqualTo("huge"));
        assertThat(huge.matches(randomText(new Random(8), 5000))).isEmpty();
    }

    @Test
    void aTenMegabyteAnswerGetsAVerdict() {
        String answer = randomText(new Random(3), 1_500_000) + " " + ROADMAP;

        assertThat(answer.length()).isGreaterThan(10_000_000);
        assertThat(filter.check(Content.of(answer, Content.Source.MODEL))).isInstanceOf(Verdict.Block.class);
    }

    @Test
    void badRegistrationsFailAtBuildTime() {
        assertThatThrownBy(() -> ProtectedContentFilter.builder().document("a", ROADMAP).document("a", OTHER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> ProtectedContentFilter.builder().document("empty", "  ... "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no words");
        assertThatThrownBy(() -> ProtectedContentFilter.builder().document(" ", ROADMAP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtectedContentFilter.builder().build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ProtectedContentFilter.builder().sampling(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> ProtectedContentFilter.builder().document("a", ROADMAP).shingleSize(4))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void factoryReadsInlineDocumentsAndRejectsAnEmptyPolicy() {
        Object made = GuardPolicy.createFilter(new ProtectedContentFilterFactory(), String.join("\n",
                "documents:",
                "  - id: roadmap",
                "    text: '" + ROADMAP + "'",
                "action: replace"));

        assertThat(made).isInstanceOf(ProtectedContentFilter.class);
        assertThat(((ProtectedContentFilter) made).check(Content.of(ROADMAP, Content.Source.MODEL)))
                .isInstanceOf(Verdict.Rewrite.class);
        assertThatThrownBy(() -> GuardPolicy.createFilter(new ProtectedContentFilterFactory(), ""))
                .isInstanceOf(PolicyException.class).hasMessageContaining("documents");
    }

    /** Returns {@code words} pseudo-random words, the same for the same seed. */
    static String randomText(Random random, int words) {
        StringBuilder text = new StringBuilder(words * 7);
        for (int i = 0; i < words; i++) {
            text.append(randomWord(random)).append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString();
    }

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qu", "do",
        "fe", "gi", "ho", "ja", "be", "cu", "wy", "xo"};

    static String randomWord(Random random) {
        int syllables = 2 + random.nextInt(3);
        StringBuilder word = new StringBuilder(8);
        for (int s = 0; s < syllables; s++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    private static String readPrefix(Reader reader, int chars) {
        char[] buffer = new char[chars];
        int read = 0;
        try {
            while (read < chars) {
                int n = reader.read(buffer, read, chars - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new String(buffer, 0, read);
    }

    /** Streams pseudo-random words up to a length, without holding them in memory. */
    static final class RandomWordsReader extends Reader {
        private final Random random;
        private long remaining;
        private String current = "";
        private int at;

        RandomWordsReader(Random random, long length) {
            this.random = random;
            this.remaining = length;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int written = 0;
            while (written < length && remaining > 0) {
                if (at == current.length()) {
                    current = randomWord(random) + " ";
                    at = 0;
                }
                buffer[offset + written++] = current.charAt(at++);
                remaining--;
            }
            return written;
        }

        @Override
        public void close() {
        }
    }
}
