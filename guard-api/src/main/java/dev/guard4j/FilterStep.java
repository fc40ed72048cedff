package dev.guard4j;

import java.time.Duration;
import java.util.function.Function;

/** One registered filter as the chain runs it: its name, budget, failure mode and what it calls. */
final class FilterStep {

    final String name;
    final Duration budget;
    final FilterOptions.FailureMode failureMode;
    final boolean memoisable;
    private final Function<Content, Verdict> body;

    FilterStep(String name, Duration budget, FilterOptions.FailureMode failureMode, boolean memoisable,
            Function<Content, Verdict> body) {
        this.name = name;
        this.budget = budget;
        this.failureMode = failureMode;
        this.memoisable = memoisable;
        this.body = body;
    }

    Verdict apply(Content content) {
        return body.apply(content);
    }

    boolean failsOpen() {
        return failureMode == FilterOptions.FailureMode.FAIL_OPEN;
    }

    @Override
    public String toString() {
        return name;
    }
}
