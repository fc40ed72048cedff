package dev.guard4j.filters.injection;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;

/**
 * Makes a {@link PromptInjectionFilter} from a policy entry named {@code prompt-injection}.
 *
 * <p>Keys: {@code threshold} (prompts, default 0.5), {@code document-threshold} (tool results,
 * retrieved documents and output, default 0.65), {@code max-chars} (default 2,000,000).
 */
public final class PromptInjectionFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "prompt-injection";
    }

    @Override
    public Object create(FilterSettings settings) {
        return PromptInjectionFilter.builder()
                .threshold(settings.number("threshold", PromptInjectionFilter.DEFAULT_THRESHOLD, 0.01, 1.0))
                .documentThreshold(settings.number("document-threshold", PromptInjectionFilter.DEFAULT_DOCUMENT_THRESHOLD, 0.01, 1.0))
                .maxChars(settings.integer("max-chars", PromptInjectionFilter.DEFAULT_MAX_CHARS, 1, Integer.MAX_VALUE))
                .build();
    }
}
