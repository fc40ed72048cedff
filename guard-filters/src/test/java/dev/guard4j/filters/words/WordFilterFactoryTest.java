package dev.guard4j.filters.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.guard4j.filters.policy.PolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordFilterFactoryTest {

    private static WordFilter create(String settingsYaml) {
        return (WordFilter) GuardPolicy.createFilter(new WordFilterFactory(), settingsYaml);
    }

    @Test
    void isFoundByServiceLoaderUnderTheNameWords() {
        assertThat(ServiceLoader.load(FilterFactory.class).stream().map(p -> p.get().name()))
                .contains("words");
    }

    @Test
    void buildsListsProfanityAndRegexesFromSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("competitors.txt");
        Files.writeString(file, "# rivals\nInitech\n\nUmbrella Corp\n");
        WordFilter filter = create(String.join("\n",
                "profanity: report-only",
                "lists:",
                "  - {name: competitors, category: COMPETITOR, action: redact, words: [Acme], file: '" + file + "'}",
                "regexes:",
                "  - {name: ticket, pattern: 'TICKET-\\d+', action: redact}"));

        Verdict verdict = filter.evaluate("Acme, umbrella corp and TICKET-42, damn it");

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rewrite.class, rewrite -> assertThat(rewrite.text())
                .isEqualTo("[COMPETITOR], [COMPETITOR] and [TICKET], damn it"));
        assertThat(verdict.findings()).extracting(f -> f.detector())
                .contains("words.competitors", "regex.ticket", "words.profanity");
    }

    @Test
    void reportsBadSettingsWithTheirKey() {
        assertThatThrownBy(() -> create("profanity: shout"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("<settings>:1:12: profanity: 'shout' is not an allowed value");
        assertThatThrownBy(() -> create("lists: [{name: x, action: hash, words: [y]}]"))
                .hasMessageStartingWith("<settings>:1:27: lists[0].action: word list 'x': action HASH is not supported here; use BLOCK, REDACT, MASK or REPORT_ONLY");
        assertThatThrownBy(() -> create("lists: [{name: empty}]"))
                .hasMessageStartingWith("<settings>:1:9: lists[0].words: word list 'empty' is empty");
        assertThatThrownBy(() -> create("regexes: [{name: evil, pattern: '(a+)+$'}]"))
                .hasMessageStartingWith("<settings>:1:33: regexes[0].pattern: regex rule 'evil': nested quantifiers");
        assertThatThrownBy(() -> create("lists: [{words: [x]}]"))
                .hasMessageStartingWith("<settings>:1:9: lists[0].name: 'name' is required");
    }
}
