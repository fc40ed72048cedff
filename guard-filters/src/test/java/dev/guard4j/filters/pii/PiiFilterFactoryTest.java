package dev.guard4j.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.guard4j.filters.policy.PolicyException;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PiiFilterFactoryTest {

    @Test
    void theFactoryIsFoundByItsPolicyName() {
        assertThat(ServiceLoader.load(FilterFactory.class).stream().map(p -> p.get().name())).contains("pii");
    }

    @Test
    void settingsConfigureCategoriesActionsAndLists() {
        Object made = GuardPolicy.createFilter(new PiiFilterFactory(), String.join("\n",
                "categories: [EMAIL, PHONE]",
                "actions: {EMAIL: mask}",
                "threshold: 0.6",
                "allow: [help@example.com]"));
        PiiFilter filter = (PiiFilter) made;
        Verdict verdict = filter.validate(Content.of("help@example.com or jane.doe@example.com", Content.Source.USER));
        assertThat(((Verdict.Rewrite) verdict).text()).isEqualTo("help@example.com or ****.***@******e.com");
    }

    @Test
    void unknownCategoriesAndActionsFailAtLoadTime() {
        assertThatThrownBy(() -> GuardPolicy.createFilter(new PiiFilterFactory(), "categories: [EMIAL]"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("EMIAL");
        assertThatThrownBy(() -> GuardPolicy.createFilter(new PiiFilterFactory(), "actions: {EMAIL: shred}"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("shred");
    }
}
