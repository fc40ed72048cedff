package dev.guard4j;

import java.time.Duration;
import java.util.Objects;

/**
 * How the guard runs one filter: its name in audit events, its time budget, and whether a
 * failure of the filter blocks the call (the default) or is only recorded.
 *
 * <pre>{@code
 * Guard.builder().input(bedrockGuardrail, FilterOptions.named("bedrock").timeBudget(Duration.ofSeconds(3)))
 * }</pre>
 */
public final class FilterOptions {

    private static final FilterOptions DEFAULTS = new FilterOptions(null, null, FailureMode.FAIL_CLOSED);

    private final String name;
    private final Duration timeBudget;
    private final FailureMode failureMode;

    private FilterOptions(String name, Duration timeBudget, FailureMode failureMode) {
        this.name = name;
        this.timeBudget = timeBudget;
        this.failureMode = failureMode;
    }

    /**
     * Returns options with nothing set: the class's simple name, the guard's default budget, fail closed.
     *
     * @return options with nothing set: the class's simple name, the guard's default budget, fail closed
     */
    public static FilterOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns default options with the given name.
     *
     * @param name the filter's name in audit events and exceptions, not blank
     * @return the options
     */
    public static FilterOptions named(String name) {
        return DEFAULTS.name(name);
    }

    /**
     * Returns these options with the given name.
     *
     * @param newName the filter's name in audit events and exceptions, not blank
     * @return the options
     */
    public FilterOptions name(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("filter name must not be blank, was " + (newName == null ? "null" : "'" + newName + "'"));
        }
        return new FilterOptions(newName, timeBudget, failureMode);
    }

    /**
     * Returns these options with a time budget: a filter slower than this blocks the call
     * (or, if fail-open, is recorded and skipped).
     *
     * @param budget a positive duration
     * @return the options
     */
    public FilterOptions timeBudget(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive, was " + budget);
        }
        return new FilterOptions(name, budget, failureMode);
    }

    /**
     * Returns these options marked fail-open: when the filter throws, returns null or overruns
     * its budget, the failure is recorded as a finding and the call goes on without it.
     *
     * <p>Warning: a fail-open filter is a filter an attacker can switch off by making it fail.
     *
     * @return the options
     */
    public FilterOptions failOpen() {
        return new FilterOptions(name, timeBudget, FailureMode.FAIL_OPEN);
    }

    /**
     * Returns the name, or {@code null} when the guard should derive one.
     *
     * @return the name, or {@code null} when the guard should derive one
     */
    public String name() {
        return name;
    }

    /**
     * Returns the time budget, or {@code null} for the guard's default.
     *
     * @return the time budget, or {@code null} for the guard's default
     */
    public Duration timeBudget() {
        return timeBudget;
    }

    /**
     * Returns what a failure of the filter does to the call.
     *
     * @return what a failure of the filter does to the call
     */
    public FailureMode failureMode() {
        return failureMode;
    }

    /** What a failing filter does to the call. */
    public enum FailureMode {
        /** The failure blocks the call. */
        FAIL_CLOSED,
        /** The failure is recorded and the call goes on. */
        FAIL_OPEN
    }
}
