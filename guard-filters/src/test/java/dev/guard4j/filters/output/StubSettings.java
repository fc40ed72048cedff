package dev.guard4j.filters.output;

import dev.guard4j.filters.policy.FilterSettings;
import dev.guard4j.filters.policy.PolicyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Filter settings backed by a map, for testing factories without the policy loader. */
public final class StubSettings implements FilterSettings {

    private final Map<String, Object> values;

    public StubSettings(Map<String, Object> values) {
        this.values = values;
    }

    @Override
    public String filterName() {
        return "stub";
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
        double value = values.containsKey(key) ? ((Number) values.get(key)).doubleValue() : defaultValue;
        if (value < min || value > max) {
            throw error(key, "must be in [" + min + ", " + max + "]");
        }
        return value;
    }

    @Override
    public int integer(String key, int defaultValue, int min, int max) {
        int value = values.containsKey(key) ? ((Number) values.get(key)).intValue() : defaultValue;
        if (value < min || value > max) {
            throw error(key, "must be in [" + min + ", " + max + "]");
        }
        return value;
    }

    @Override
    public boolean flag(String key, boolean defaultValue) {
        return values.containsKey(key) ? (Boolean) values.get(key) : defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> strings(String key) {
        return values.containsKey(key) ? (List<String>) values.get(key) : List.of();
    }

    @Override
    public <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        return values.containsKey(key) ? Enum.valueOf(type, ((String) values.get(key)).toUpperCase(Locale.ROOT)) : defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> stringMap(String key) {
        return values.containsKey(key) ? (Map<String, String>) values.get(key) : Map.of();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<FilterSettings> section(String key) {
        return Optional.ofNullable((Map<String, Object>) values.get(key)).map(StubSettings::new);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<FilterSettings> sections(String key) {
        List<Map<String, Object>> list = (List<Map<String, Object>>) values.getOrDefault(key, List.of());
        return list.stream().map(map -> (FilterSettings) new StubSettings(map)).toList();
    }

    @Override
    public Optional<Path> path(String key) {
        return string(key).map(Path::of);
    }

    @Override
    public PolicyException error(String key, String message) {
        return new PolicyException("stub: " + key + ": " + message);
    }
}
