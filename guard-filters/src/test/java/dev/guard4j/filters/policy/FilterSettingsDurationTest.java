package dev.guard4j.filters.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default {@link FilterSettings#duration} that stub settings (in other filters' tests) inherit. */
class FilterSettingsDurationTest {

    private static FilterSettings stub(Map<String, String> values) {
        return new FilterSettings() {
            @Override
            public String filterName() {
                return "stub";
            }

            @Override
            public Optional<String> string(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public String string(String key, String defaultValue) {
                return values.getOrDefault(key, defaultValue);
            }

            @Override
            public double number(String key, double defaultValue, double min, double max) {
                return defaultValue;
            }

            @Override
            public int integer(String key, int defaultValue, int min, int max) {
                return defaultValue;
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
                return defaultValue;
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
                return new PolicyException("stub: " + key + ": " + message);
            }
        };
    }

    @ParameterizedTest
    @CsvSource({"750ms, 750", "3s, 3000", "2m, 120000", "PT0.5S, 500"})
    void defaultDurationParsesUnitsAndIso8601(String text, long millis) {
        assertThat(stub(Map.of("t", text)).duration("t", Duration.ZERO, Duration.ofMillis(1), Duration.ofHours(1)))
                .isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void defaultDurationReturnsTheDefaultWhenAbsent() {
        assertThat(stub(Map.of()).duration("t", Duration.ofSeconds(7), Duration.ZERO, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void defaultDurationRejectsTextWithoutAUnitAndValuesOutOfRange() {
        assertThatThrownBy(() -> stub(Map.of("t", "500")).duration("t", Duration.ZERO, Duration.ZERO, Duration.ofHours(1)))
                .hasMessage("stub: t: '500' is not a duration; write it with a unit, such as 250ms, 2s or 1m");
        assertThatThrownBy(() -> stub(Map.of("t", "2h")).duration("t", Duration.ZERO, Duration.ZERO, Duration.ofMinutes(90)))
                .hasMessage("stub: t: 2h is out of range; allowed range is [0ms, 90m]");
    }
}
