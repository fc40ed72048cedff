package dev.guard4j.filters.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import dev.guard4j.filters.redact.Action;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WordFilterTest {

    private static final WordFilter VIOLENCE = WordFilter.builder()
            .list(WordList.of("violence", Action.BLOCK, List.of("kill", "ass", "blow up the building")))
            .build();

    private static String hexOf(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static String escapesOf(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }

    private static String base64Of(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> evasions() {
        String b64 = base64Of("I will kill you");
        String hex = hexOf("I will kill you");
        String escaped = escapesOf("kill them");
        return Stream.of(
                Arguments.of("plain", "they kill", 5, 9),
                Arguments.of("inflected", "he kills", 3, 8),
                Arguments.of("upper-case leetspeak", "he K1LLS", 3, 8),
                Arguments.of("double-l leetspeak", "he ki11s", 3, 8),
                Arguments.of("accents", "he kílls", 3, 8),
                Arguments.of("combining accents", "he ki\u0301lls", 3, 9),
                Arguments.of("hyphenated letters", "he k-i-l-l-s", 3, 12),
                Arguments.of("spaced letters", "he k i l l s them", 3, 12),
                Arguments.of("dotted letters", "he k.i.l.l.s", 3, 12),
                Arguments.of("Cyrillic look-alike", "he k\u0456ll\u0455", 3, 8),
                Arguments.of("zero-width inside the word", "he ki\u200Bll\u200Cs", 3, 10),
                Arguments.of("full-width", "he ＫＩＬＬＳ", 3, 8),
                Arguments.of("elongated", "he kiiiiills", 3, 12),
                Arguments.of("symbols", "you a$$", 4, 7),
                Arguments.of("leet digits", "you 4ss", 4, 7),
                Arguments.of("phrase across line breaks and case", "they will Blow\nUP  the BUILDING", 10, 31),
                Arguments.of("base64", "decode: " + b64, 8, 8 + b64.length()),
                Arguments.of("hex", "decode " + hex, 7, 7 + hex.length()),
                Arguments.of("URL encoding", "go to /x?q=I%20will%20kill%20you", 6, 32),
                Arguments.of("unicode escapes", "run " + escaped, 4, 4 + escaped.length()),
                Arguments.of("ROT13", "Jr jvyy xvyy gurz naq gura jr jvyy or serr", 8, 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evasions")
    void catchesEveryEvasionAndReportsTheOriginalSpan(String evasion, String text, int start, int end) {
        Verdict verdict = VIOLENCE.validate(Content.of(text, Content.Source.USER));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.BLOCK);
        assertThat(verdict.findings()).anySatisfy(f -> {
            assertThat(f.detector()).isEqualTo("words.violence");
            assertThat(f.category()).isEqualTo(WordList.CUSTOM_WORDS);
            assertThat(f.start()).isEqualTo(start);
            assertThat(f.end()).isEqualTo(end);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a skill to learn", "skills and skillful", "Scunthorpe United", "a classic", "assassinate",
            "the class passed", "bass and grass", "brass assembly", "the killer whale is not 'kill'ed here",
            "blow up the balloon", "up the building", "embassy", "kil"})
    void leavesNearMissesAlone(String text) {
        List<Finding> findings = VIOLENCE.findings(text);

        if (text.contains("'kill'")) {
            // the quoted word itself is a whole word: only it may match, never "killer"
            assertThat(findings).allSatisfy(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo("kill"));
        } else {
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void redactsCompetitorNamesInTheOriginalText() {
        WordFilter competitors = WordFilter.builder()
                .list(WordList.competitors("competitors", Action.REDACT, List.of("Acme", "Globex Corp")))
                .build();

        Verdict verdict = competitors.check(Content.of("Try ACME, or globex-corp today! Acme's site is acme.com",
                Content.Source.MODEL));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rewrite.class, rewrite -> assertThat(rewrite.text())
                .isEqualTo("Try [COMPETITOR], or [COMPETITOR] today! [COMPETITOR]'s site is [COMPETITOR].com"));
        assertThat(verdict.findings()).extracting(Finding::category).containsOnly(WordList.COMPETITOR);
    }

    @Test
    void maskStarsOutTheLettersOfAMatch() {
        WordFilter filter = WordFilter.builder().profanity(Action.MASK).build();

        Verdict verdict = filter.evaluate("well, sh1t-head.");

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rewrite.class,
                rewrite -> assertThat(rewrite.text()).isEqualTo("well, ****-head."));
    }

    @Test
    void reportOnlyListsPassWithFindings() {
        WordFilter watch = WordFilter.builder()
                .list(WordList.of("watch", Action.REPORT_ONLY, List.of("refund")))
                .build();

        Verdict verdict = watch.validate(Content.of("I want a REFUND", Content.Source.USER));

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PASS);
        assertThat(verdict.findings()).containsExactly(new Finding("words.watch", WordList.CUSTOM_WORDS, 9, 15, 1.0));
    }

    @Test
    void blockWinsOverRedactAndEveryListReportsItsOwnFinding() {
        WordFilter filter = WordFilter.builder()
                .list(WordList.competitors("competitors", Action.REDACT, List.of("acme")))
                .list(WordList.of("banned", Action.BLOCK, List.of("acme")))
                .build();

        Verdict verdict = filter.evaluate("buy acme");

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Block.class,
                block -> assertThat(block.reason()).contains("banned"));
        assertThat(verdict.findings()).extracting(Finding::detector)
                .containsExactlyInAnyOrder("words.competitors", "words.banned");
    }

    static Stream<Arguments> profanity() {
        return Stream.of(
                Arguments.of("what the f-u-c-k", true),
                Arguments.of("FUUUUCKING hell", true),
                Arguments.of("this is sh1t", true),
                Arguments.of("you motherfucker", true),
                Arguments.of("what a fuckwit", true),
                Arguments.of("kiss my a$$", true),
                Arguments.of("du Arschloch", true),
                Arguments.of("hijo de puta", true),
                Arguments.of("quelle connasse", true),
                Arguments.of("Scunthorpe and Penistone", false),
                Arguments.of("a classic assassination in Sussex", false),
                Arguments.of("a chink in the armour, flame retardant, cocktail", false),
                Arguments.of("the blue tit sang", false),
                Arguments.of("summa cum laude", false));
    }

    @ParameterizedTest
    @MethodSource("profanity")
    void managedProfanityListCatchesSwearingNotInnocentWords(String text, boolean profane) {
        WordFilter filter = WordFilter.builder().profanity(Action.BLOCK).build();

        List<Finding> findings = filter.findings(text);

        if (profane) {
            assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f.category()).isEqualTo(Category.PROFANITY));
        } else {
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void duplicateEntriesAreMerged() {
        WordFilter filter = WordFilter.builder()
                .list(WordList.of("dupes", Action.BLOCK, List.of("kill", "Kill", "kills", "KILL ", "k1ll")))
                .build();

        assertThat(filter.entryCount()).isEqualTo(1);
        assertThat(filter.findings("kill")).hasSize(1);
    }

    static Stream<Arguments> badLists() {
        return Stream.of(
                Arguments.of((Runnable) () -> WordList.of("empty", Action.BLOCK, List.of()), "word list 'empty' is empty"),
                Arguments.of((Runnable) () -> WordList.of("blank", Action.BLOCK, List.of("ok", " ")),
                        "word list 'blank' has a blank entry at index 1"),
                Arguments.of((Runnable) () -> WordFilter.builder()
                        .list(WordList.of("symbols", Action.BLOCK, List.of("ok", "!!!"))).build(),
                        "word list 'symbols': entry 1 has no words once analysed (only punctuation or symbols?)"),
                Arguments.of((Runnable) () -> WordFilter.builder()
                        .list(WordList.of("x", Action.BLOCK, List.of("a")))
                        .list(WordList.of("x", Action.BLOCK, List.of("b"))).build(),
                        "two word lists are named 'x'"),
                Arguments.of((Runnable) () -> WordFilter.builder().build(),
                        "a word filter needs at least one word list or regex rule"));
    }

    @ParameterizedTest
    @MethodSource("badLists")
    void badListsFailAtBuildTimeWithAClearMessage(Runnable build, String message) {
        assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void givesTheSameFindingsFromManyThreadsAtOnce() throws Exception {
        List<String> texts = List.of("he K1LLS", "a skill", "k-i-l-l", "you a$$", "blow up the building", "nothing");
        List<List<Finding>> expected = texts.stream().map(VIOLENCE::findings).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int task = 0; task < 200; task++) {
                int index = task % texts.size();
                results.add(pool.submit(() -> VIOLENCE.findings(texts.get(index)).equals(expected.get(index))));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void blocksTextLongerThanTheCap() {
        WordFilter filter = WordFilter.builder().profanity(Action.BLOCK).maxInputChars(10).build();

        Verdict verdict = filter.evaluate("01234567890");

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.BLOCK);
        assertThat(verdict.findings()).extracting(Finding::category).containsExactly(Category.OVERSIZED_INPUT);
    }

    @Test
    void handlesHostileTextWithoutFailing() {
        WordFilter filter = WordFilter.builder().profanity(Action.BLOCK).build();
        String hostile = "\uD800" + "\u0301".repeat(10_000) + "A".repeat(100_000) + "%41".repeat(10_000) + "\u200B".repeat(1000);

        assertThat(filter.evaluate(hostile).kind()).isEqualTo(Verdict.Kind.PASS);
        assertThat(filter.evaluate("").kind()).isEqualTo(Verdict.Kind.PASS);
    }
}
