package dev.guard4j.filters.output;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;

/**
 * Makes a {@link CodeFilter} from a policy's {@code code} entry.
 *
 * <p>Keys: {@code threshold} (default 0.5: a fence, a shebang, a dangerous command or two lines of code).
 */
public final class CodeFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "code";
    }

    @Override
    public Object create(FilterSettings settings) {
        return CodeFilter.withThreshold(settings.number("threshold", 0.5, 0.01, 1.0));
    }
}
