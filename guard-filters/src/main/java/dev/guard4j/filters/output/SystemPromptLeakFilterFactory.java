package dev.guard4j.filters.output;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;

/**
 * Makes a {@link SystemPromptLeakFilter} from a policy's {@code system-prompt-leak} entry.
 *
 * <p>Keys: {@code shingle-size} (2-12, default 4), {@code threshold} (default 0.5),
 * {@code min-matching-shingles} (default 4), {@code window-shingles} (default 16),
 * {@code canary} (true/false, default false).
 */
public final class SystemPromptLeakFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "system-prompt-leak";
    }

    @Override
    public Object create(FilterSettings settings) {
        SystemPromptLeakFilter.Builder builder = SystemPromptLeakFilter.builder()
                .shingleSize(settings.integer("shingle-size", 4, 2, 12))
                .threshold(settings.number("threshold", 0.5, 0.01, 1.0))
                .minMatchingShingles(settings.integer("min-matching-shingles", 4, 1, 10_000))
                .windowShingles(settings.integer("window-shingles", 16, 4, 10_000));
        if (settings.flag("canary", false)) {
            builder.canary();
        }
        return builder.build();
    }
}
