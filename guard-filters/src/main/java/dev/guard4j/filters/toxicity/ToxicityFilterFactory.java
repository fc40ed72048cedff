package dev.guard4j.filters.toxicity;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;

/**
 * Makes a {@link ToxicityFilter} from a policy entry named {@code toxicity}.
 *
 * <p>Keys: {@code hate} and {@code insults}, each {@code NONE}, {@code LOW}, {@code MEDIUM}
 * (default) or {@code HIGH}; {@code max-chars} (default 1,000,000).
 */
public final class ToxicityFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "toxicity";
    }

    @Override
    public Object create(FilterSettings settings) {
        return ToxicityFilter.builder()
                .strength(ToxicityFilter.Type.HATE, settings.choice("hate", Strength.class, Strength.MEDIUM))
                .strength(ToxicityFilter.Type.INSULTS, settings.choice("insults", Strength.class, Strength.MEDIUM))
                .maxChars(settings.integer("max-chars", ToxicityFilter.DEFAULT_MAX_CHARS, 1, Integer.MAX_VALUE))
                .build();
    }
}
