package dev.guard4j.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.output.StubSettings;
import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.PolicyException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PiiFilterFactoryTest {

    @Test
    void theFactoryIsFoundByItsPolicyName() {
        assertThat(ServiceLoader.load(FilterFactory.class).stream().map(p -> p.get().name())).contains("pii");
    }

    @Test
    void settingsConfigureCategoriesActionsAndLists() {
        Object made = new PiiFilterFactory().create(new StubSettings(Map.of(
                "categories", List.of("EMAIL", "PHONE"),
                "actions", Map.of("EMAIL", "mask"),
                "threshold", 0.6,
                "allow", List.of("help@example.com"))));
        PiiFilter filter = (PiiFilter) made;
        Verdict verdict = filter.validate(Content.of("help@example.com or jane.doe@example.com", Content.Source.USER));
        assertThat(((Verdict.Rewrite) verdict).text()).isEqualTo("help@example.com or ****.***@******e.com");
    }

    @Test
    void unknownCategoriesAndActionsFailAtLoadTime() {
        assertThatThrownBy(() -> new PiiFilterFactory().create(new StubSettings(Map.of("categories", List.of("EMIAL")))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("EMIAL");
        assertThatThrownBy(() -> new PiiFilterFactory().create(new StubSettings(Map.of("actions", Map.of("EMAIL", "shred")))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("shred");
    }
}
