package dev.guard4j.filters.injection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import dev.guard4j.filters.policy.PolicyException;
import dev.guard4j.filters.toxicity.ToxicityFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FilterFactoriesTest {

    @Test
    void bothFactoriesAreFoundByName() {
        List<String> names = ServiceLoader.load(FilterFactory.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("prompt-injection", "toxicity");
    }

    @Test
    void promptInjectionFactoryReadsItsThresholds() {
        Object filter = new PromptInjectionFilterFactory().create(new MapSettings(Map.of("threshold", 0.8, "document-threshold", 0.9)));
        assertThat(filter).isInstanceOf(PromptInjectionFilter.class);
        PromptInjectionFilter injection = (PromptInjectionFilter) filter;
        assertThat(injection.threshold(PromptInjectionFilter.Calibration.PROMPT)).isEqualTo(0.8);
        assertThat(injection.threshold(PromptInjectionFilter.Calibration.DOCUMENT)).isEqualTo(0.9);
    }

    @Test
    void toxicityFactoryMakesAToxicityFilter() {
        Object filter = new dev.guard4j.filters.toxicity.ToxicityFilterFactory().create(new MapSettings(Map.of("hate", "HIGH", "insults", "NONE")));
        assertThat(filter).isInstanceOf(ToxicityFilter.class);
        assertThat(((ToxicityFilter) filter).scores("hello")).containsOnlyKeys(ToxicityFilter.Type.HATE);
    }

    /** The smallest settings that serve the factories in a test. */
    private record MapSettings(Map<String, Object> values) implements FilterSettings {
        @Override
        public String filterName() {
            return "test";
        }

        @Override
        public Optional<String> string(String key) {
            return Optional.ofNullable(values.get(key)).map(String::valueOf);
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
            return defaultValue;
        }

        @Override
        public List<String> strings(String key) {
            return List.of();
        }

        @Override
        public <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
            return values.containsKey(key) ? Enum.valueOf(type, String.valueOf(values.get(key))) : defaultValue;
        }

        @Override
        public Map<String, String> stringMap(String key) {
            return Map.of();
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
            return new PolicyException(key + ": " + message);
        }
    }
}
