package dev.guard4j.filters.policy;

import dev.guard4j.FilterOptions;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Stage;
import java.util.Objects;

/**
 * One filter of a loaded policy: where it runs, the name the policy gave it, how the guard runs it, and the filter itself.
 *
 * @param stage input or output
 * @param filter the value of the entry's {@code filter} key: a built-in name or a factory's class name
 * @param options the guard's options for it: its name, time budget and fail-open mark
 * @param instance the filter the factory made: an {@link InputValidator} on input, an {@link OutputChecker} on output
 */
public record PolicyFilter(Stage stage, String filter, FilterOptions options, Object instance) {

    /**
     * Checks that the filter fits its stage.
     *
     * @param stage input or output
     * @param filter the value of the entry's {@code filter} key: a built-in name or a factory's class name
     * @param options the guard's options for it: its name, time budget and fail-open mark
     * @param instance the filter the factory made: an {@link InputValidator} on input, an {@link OutputChecker} on output
     */
    public PolicyFilter {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(instance, "instance");
        if (stage == Stage.INPUT && !(instance instanceof InputValidator)) {
            throw new IllegalArgumentException("an input filter must be an InputValidator, was " + instance.getClass().getName());
        }
        if (stage == Stage.OUTPUT && !(instance instanceof OutputChecker)) {
            throw new IllegalArgumentException("an output filter must be an OutputChecker, was " + instance.getClass().getName());
        }
    }

    /**
     * Returns the filter's name in audit events: the entry's {@code name}, or its {@code filter}.
     *
     * @return the filter's name in audit events: the entry's {@code name}, or its {@code filter}
     */
    public String name() {
        return options.name();
    }

    /**
     * Returns the filter as an input validator; only for input filters.
     *
     * @return the filter as an input validator; only for input filters
     */
    public InputValidator asInputValidator() {
        if (stage != Stage.INPUT) {
            throw new IllegalStateException("filter '" + name() + "' is an output filter");
        }
        return (InputValidator) instance;
    }

    /**
     * Returns the filter as an output checker; only for output filters.
     *
     * @return the filter as an output checker; only for output filters
     */
    public OutputChecker asOutputChecker() {
        if (stage != Stage.OUTPUT) {
            throw new IllegalStateException("filter '" + name() + "' is an input filter");
        }
        return (OutputChecker) instance;
    }
}
