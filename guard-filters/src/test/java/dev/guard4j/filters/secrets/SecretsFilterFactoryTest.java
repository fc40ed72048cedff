package dev.guard4j.filters.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.guard4j.filters.policy.PolicyException;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SecretsFilterFactoryTest {

    @Test
    void isFoundByTheServiceLoaderUnderItsPolicyName() {
        assertThat(ServiceLoader.load(FilterFactory.class).stream().map(ServiceLoader.Provider::get).map(FilterFactory::name))
                .contains("secrets");
    }

    @Test
    void buildsAFilterFromItsSettings() {
        Object made = GuardPolicy.createFilter(new SecretsFilterFactory(), String.join("\n",
                "actions: {PASSWORD: block}",
                "rule-actions: {jwt: report-only}",
                "deny: [corp-build-pass-42]"));

        assertThat(made).isInstanceOf(SecretsFilter.class);
        SecretsFilter filter = (SecretsFilter) made;
        assertThat(filter.validate(Content.of("postgres://a:Xy7pQ2rT9z@h/db", Content.Source.USER)).kind()).isEqualTo(Verdict.Kind.BLOCK);
        assertThat(filter.validate(Content.of("use corp-build-pass-42", Content.Source.USER)).kind()).isEqualTo(Verdict.Kind.REWRITE);
        assertThat(filter.validate(Content.of(TestKeys.jwt(), Content.Source.USER)).kind()).isEqualTo(Verdict.Kind.PASS);
    }

    @Test
    void aBadActionOrRuleIsALocatedPolicyError() {
        assertThatThrownBy(() -> GuardPolicy.createFilter(new SecretsFilterFactory(), "actions: {SECRET: shred}"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("actions").hasMessageContaining("shred");
        assertThatThrownBy(() -> GuardPolicy.createFilter(new SecretsFilterFactory(), "disabled-rules: [nope]"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("disabled-rules").hasMessageContaining("nope");
    }
}
