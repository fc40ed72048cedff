package dev.guard4j.filters.policy;

/**
 * Makes a filter from its settings in a policy file: the SPI that lets a policy name a filter.
 *
 * <p>Built-in factories are listed in {@code META-INF/services/dev.guard4j.filters.policy.FilterFactory}
 * and found with {@link java.util.ServiceLoader}; a custom filter is referenced in a policy by the
 * class name of its factory. A factory reads every setting it supports through
 * {@link FilterSettings}, which reports bad or unknown keys with their file, line and column.
 */
public interface FilterFactory {

    /**
     * Returns the name a policy uses for this filter, such as {@code "pii"} or {@code "prompt-injection"}.
     *
     * @return the name a policy uses for this filter, such as {@code "pii"} or {@code "prompt-injection"}
     */
    String name();

    /**
     * Makes the filter.
     *
     * @param settings the filter's settings from the policy
     * @return an {@link dev.guard4j.InputValidator}, an {@link dev.guard4j.OutputChecker}, or an object that is both
     * @throws PolicyException when a setting is wrong, made with {@link FilterSettings#error(String, String)}
     */
    Object create(FilterSettings settings);
}
