package dev.guard4j.filters.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import dev.guard4j.filters.policy.PolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordFilterFactoryTest {

    /** Settings from a map, with errors that name the key, like the policy loader's. */
    private record MapSettings(Map<String, Object> values) implements FilterSettings {
        @Override
        public String filterName() {
            return "words";
        }

        @Override
        public Optional<String> string(String key) {
            return Optional.ofNullable((String) values.get(key));
        }

        @Override
        public String string(String key, String defaultValue) {
            return string(key).orElse(defaultValue);
        }

        @Override
        public double number(String key, double defaultValue, double min, double max) {
            return values.containsKey(key) ? ((Number) values.get(key)).doubleValue() : defaultValue;
        }

        @Override
        public int integer(String key, int defaultValue, int min, int max) {
            return values.containsKey(key) ? ((Number) values.get(key)).intValue() : defaultValue;
        }

        @Override
        public boolean flag(String key, boolean defaultValue) {
            return values.containsKey(key) ? (Boolean) values.get(key) : defaultValue;
        }

        @SuppressWarnings("unchecked")
        @Override
        public List<String> strings(String key) {
            return (List<String>) values.getOrDefault(key, List.of());
        }

        @Override
        public <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
            return string(key).map(v -> {
                try {
                    return Enum.valueOf(type, v.replace('-', '_').toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw error(key, "'" + v + "' is not an allowed value");
                }
            }).orElse(defaultValue);
        }

        @Override
        public Map<String, String> stringMap(String key) {
            return Map.of();
        }

        @Override
        public Optional<FilterSettings> section(String key) {
            return Optional.empty();
        }

        @SuppressWarnings("unchecked")
        @Override
        public List<FilterSettings> sections(String key) {
            return ((List<Map<String, Object>>) values.getOrDefault(key, List.of())).stream()
                    .map(m -> (FilterSettings) new MapSettings(m)).toList();
        }

        @Override
        public Optional<Path> path(String key) {
            return string(key).map(Path::of);
        }

        @Override
        public PolicyException error(String key, String message) {
            return new PolicyException("words." + key + ": " + message);
        }
    }

    private static WordFilter create(Map<String, Object> settings) {
        return (WordFilter) new WordFilterFactory().create(new MapSettings(settings));
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
        WordFilter filter = create(Map.of(
                "profanity", "report-only",
                "lists", List.of(Map.of("name", "competitors", "category", "COMPETITOR", "action", "redact",
                        "words", List.of("Acme"), "file", file.toString())),
                "regexes", List.of(Map.of("name", "ticket", "pattern", "TICKET-\\d+", "action", "redact"))));

        Verdict verdict = filter.evaluate("Acme, umbrella corp and TICKET-42, damn it");

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rewrite.class, rewrite -> assertThat(rewrite.text())
                .isEqualTo("[COMPETITOR], [COMPETITOR] and [TICKET], damn it"));
        assertThat(verdict.findings()).extracting(f -> f.detector())
                .contains("words.competitors", "regex.ticket", "words.profanity");
    }

    @Test
    void reportsBadSettingsWithTheirKey() {
        assertThatThrownBy(() -> create(Map.of("profanity", "shout")))
                .isInstanceOf(PolicyException.class)
                .hasMessage("words.profanity: 'shout' is not an allowed value");
        assertThatThrownBy(() -> create(Map.of("lists", List.of(Map.of("name", "x", "action", "hash", "words", List.of("y"))))))
                .hasMessage("words.action: word list 'x': action HASH is not supported here; use BLOCK, REDACT, MASK or REPORT_ONLY");
        assertThatThrownBy(() -> create(Map.of("lists", List.of(Map.of("name", "empty")))))
                .hasMessage("words.words: word list 'empty' is empty");
        assertThatThrownBy(() -> create(Map.of("regexes", List.of(Map.of("name", "evil", "pattern", "(a+)+$")))))
                .hasMessageStartingWith("words.pattern: regex rule 'evil': nested quantifiers");
        assertThatThrownBy(() -> create(Map.of("lists", List.of(Map.of("words", List.of("x"))))))
                .hasMessage("words.name: 'name' is required");
    }
}
