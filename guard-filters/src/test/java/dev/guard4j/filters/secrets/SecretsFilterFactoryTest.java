package dev.guard4j.filters.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import dev.guard4j.filters.policy.PolicyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SecretsFilterFactoryTest {

    @Test
    void isFoundByTheServiceLoaderUnderItsPolicyName() {
        assertThat(ServiceLoader.load(FilterFactory.class).stream().map(ServiceLoader.Provider::get).map(FilterFactory::name))
                .contains("secrets");
    }

    @Test
    void buildsAFilterFromItsSettings() {
        Object made = new SecretsFilterFactory().create(new MapSettings(Map.of(
                "actions", Map.of("PASSWORD", "block"),
                "rule-actions", Map.of("jwt", "report-only"),
                "deny", List.of("corp-build-pass-42"))));

        assertThat(made).isInstanceOf(SecretsFilter.class);
        SecretsFilter filter = (SecretsFilter) made;
        assertThat(filter.validate(Content.of("postgres://a:Xy7pQ2rT9z@h/db", Content.Source.USER)).kind()).isEqualTo(Verdict.Kind.BLOCK);
        assertThat(filter.validate(Content.of("use corp-build-pass-42", Content.Source.USER)).kind()).isEqualTo(Verdict.Kind.REWRITE);
        assertThat(filter.validate(Content.of(TestKeys.jwt(), Content.Source.USER)).kind()).isEqualTo(Verdict.Kind.PASS);
    }

    @Test
    void aBadActionOrRuleIsALocatedPolicyError() {
        assertThatThrownBy(() -> new SecretsFilterFactory().create(new MapSettings(Map.of("actions", Map.of("SECRET", "shred")))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("actions").hasMessageContaining("shred");
        assertThatThrownBy(() -> new SecretsFilterFactory().create(new MapSettings(Map.of("disabled-rules", List.of("nope")))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("disabled-rules").hasMessageContaining("nope");
    }

    /** Just enough of FilterSettings to drive the factory: values from a map, errors name the key. */
    private record MapSettings(Map<String, Object> values) implements FilterSettings {

        @Override
        public String filterName() {
            return "secrets";
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
            return values.containsKey(key) ? Enum.valueOf(type, ((String) values.get(key)).toUpperCase(Locale.ROOT)) : defaultValue;
        }

        @SuppressWarnings("unchecked")
        @Override
        public Map<String, String> stringMap(String key) {
            return (Map<String, String>) values.getOrDefault(key, Map.of());
        }

        @Override
        public Optional<FilterSettings> section(String key) {
            return Optional.empty();
        }

        @Override
        public List<FilterSettings> sections(String key) {
            return List.of();
        }

        @Override
        public Optional<Path> path(String key) {
            return Optional.empty();
        }

        @Override
        public PolicyException error(String key, String message) {
            return new PolicyException("policy: filter secrets, key " + key + ": " + message);
        }
    }
}
