package dev.guard4j.filters.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.Content;
import dev.guard4j.Guard;
import dev.guard4j.Stage;
import dev.guard4j.Verdict;
import org.junit.jupiter.api.Test;

class ShippedPoliciesTest {

    @Test
    void recommendedPolicyLoadsAndBuildsAGuard() {
        GuardPolicy policy = GuardPolicy.recommended();
        assertThat(policy.name()).contains("recommended");
        assertThat(policy.source()).isEqualTo("classpath:" + GuardPolicy.RECOMMENDED);
        assertThat(policy.inputFilters()).extracting(PolicyFilter::filter).startsWith("limits");
        assertThat(policy.outputFilters()).extracting(PolicyFilter::filter).contains("system-prompt-leak", "links", "json-output");
        try (Guard guard = policy.toGuard()) {
            assertThat(guard.inspect(Stage.INPUT, Content.of("What are your opening hours?", Content.Source.USER)).verdict())
                    .isInstanceOf(Verdict.Pass.class);
            assertThat(guard.inspect(Stage.OUTPUT, Content.of("We open at nine.", Content.Source.MODEL)).verdict())
                    .isInstanceOf(Verdict.Pass.class);
        }
    }

    @Test
    void recommendedPolicyBlocksAMessageOverItsLimit() {
        try (Guard guard = GuardPolicy.recommended().toGuard()) {
            assertThat(guard.inspect(Stage.INPUT, Content.of("a".repeat(32_001), Content.Source.USER)).verdict())
                    .isInstanceOf(Verdict.Block.class);
        }
    }
}
