package dev.guard4j.filters.injection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.guard4j.filters.toxicity.ToxicityFilter;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FilterFactoriesTest {

    @Test
    void bothFactoriesAreFoundByName() {
        List<String> names = ServiceLoader.load(FilterFactory.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("prompt-injection", "toxicity");
    }

    @Test
    void promptInjectionFactoryReadsItsThresholds() {
        Object filter = GuardPolicy.createFilter(new PromptInjectionFilterFactory(), "threshold: 0.8\ndocument-threshold: 0.9");
        assertThat(filter).isInstanceOf(PromptInjectionFilter.class);
        PromptInjectionFilter injection = (PromptInjectionFilter) filter;
        assertThat(injection.threshold(PromptInjectionFilter.Calibration.PROMPT)).isEqualTo(0.8);
        assertThat(injection.threshold(PromptInjectionFilter.Calibration.DOCUMENT)).isEqualTo(0.9);
    }

    @Test
    void toxicityFactoryMakesAToxicityFilter() {
        Object filter = GuardPolicy.createFilter(new dev.guard4j.filters.toxicity.ToxicityFilterFactory(), "hate: HIGH\ninsults: NONE");
        assertThat(filter).isInstanceOf(ToxicityFilter.class);
        assertThat(((ToxicityFilter) filter).scores("hello")).containsOnlyKeys(ToxicityFilter.Type.HATE);
    }
}
