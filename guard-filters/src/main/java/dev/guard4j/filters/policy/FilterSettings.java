package dev.guard4j.filters.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one filter in a policy file, read with checks that fail with the file, line,
 * column and key of a bad value, and a hint.
 *
 * <p>Every getter marks its key as known; once the factory returns, any key it did not read is
 * reported as unknown, with the closest known key as a hint.
 */
public interface FilterSettings {

    /**
     * Returns the filter's name as the policy gives it.
     *
     * @return the filter's name as the policy gives it
     */
    String filterName();

    /**
     * Returns a string setting, if present.
     *
     * @param key the setting's key
     * @return a string setting, if present
     */
    Optional<String> string(String key);

    /**
     * Returns a string setting, or the default when absent.
     *
     * @param key the setting's key
     * @param defaultValue the value when the key is absent
     * @return a string setting, or the default when absent
     */
    String string(String key, String defaultValue);

    /**
     * Returns a number in {@code [min, max]}, or the default when absent; out of range is an error naming the range.
     *
     * @param key the setting's key
     * @param defaultValue the value when the key is absent
     * @param min the smallest allowed duration
     * @param max the largest allowed duration
     * @return a number in {@code [min, max]}, or the default when absent; out of range is an error naming the range
     */
    double number(String key, double defaultValue, double min, double max);

    /**
     * Returns an integer in {@code [min, max]}, or the default when absent.
     *
     * @param key the setting's key
     * @param defaultValue the value when the key is absent
     * @param min the smallest allowed duration
     * @param max the largest allowed duration
     * @return an integer in {@code [min, max]}, or the default when absent
     */
    int integer(String key, int defaultValue, int min, int max);

    /**
     * Returns a true/false setting, or the default when absent.
     *
     * @param key the setting's key
     * @param defaultValue the value when the key is absent
     * @return a true/false setting, or the default when absent
     */
    boolean flag(String key, boolean defaultValue);

    /**
     * Returns a list of strings; empty when absent.
     *
     * @param key the setting's key
     * @return a list of strings; empty when absent
     */
    List<String> strings(String key);

    /**
     * Returns one of an enum's constants (case-insensitive), or the default when absent; an error lists the allowed values.
     *
     * @param key the setting's key
     * @param type the type
     * @param defaultValue the value when the key is absent
     * @param <E> the enum type
     * @return one of an enum's constants (case-insensitive), or the default when absent; an error lists the allowed values
     */
    <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue);

    /**
     * Returns a map of string to string (per-category actions, say); empty when absent.
     *
     * @param key the setting's key
     * @return a map of string to string (per-category actions, say); empty when absent
     */
    Map<String, String> stringMap(String key);

    /**
     * Returns a nested section, if present.
     *
     * @param key the setting's key
     * @return a nested section, if present
     */
    Optional<FilterSettings> section(String key);

    /**
     * Returns a list of nested sections; empty when absent.
     *
     * @param key the setting's key
     * @return a list of nested sections; empty when absent
     */
    List<FilterSettings> sections(String key);

    /**
     * Returns a file path, resolved against the policy file's folder, if present.
     *
     * @param key the setting's key
     * @return a file path, resolved against the policy file's folder, if present
     */
    Optional<Path> path(String key);

    /**
     * Returns a duration in {@code [min, max]}, written with a unit ({@code 250ms}, {@code 2s},
     * {@code 1m}, {@code 1h}) or in ISO-8601 ({@code PT2S}), or the default when absent.
     *
     * <p>The default implementation reads the value with {@link #string(String)}; the policy
     * loader's settings override it to locate errors at the value.
     *
     * @param key the key
     * @param defaultValue the value when the key is absent
     * @param min the smallest allowed duration
     * @param max the largest allowed duration
     * @return the duration
     */
    default Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Duration parsed = DurationText.parse(text.get())
                .orElseThrow(() -> error(key, "'" + text.get() + "' is not a duration; write it with a unit, such as 250ms, 2s or 1m"));
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw error(key, DurationText.format(parsed) + " is out of range; allowed range is ["
                    + DurationText.format(min) + ", " + DurationText.format(max) + "]");
        }
        return parsed;
    }

    /**
     * Returns an error located at a key of these settings, for checks the getters cannot make.
     * A dotted key ({@code actions.EMAIL}) points at an entry of a nested map.
     *
     * @param key the setting's key
     * @param message what is wrong and, where possible, what is allowed
     * @return the exception to throw
     */
    PolicyException error(String key, String message);
}
