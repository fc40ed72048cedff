package dev.guard4j.filters.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link GuardPolicy#createFilter(FilterFactory, String)}: a factory driven by the real, located settings. */
class GuardPolicyCreateFilterTest {

    private static TestFactories.Read read(String settingsYaml) {
        Object made = GuardPolicy.createFilter(new TestFactories.ReplacingFactory(), settingsYaml);
        assertThat(made).isInstanceOf(TestFactories.Replacing.class);
        return ((TestFactories.Replacing) made).read;
    }

    @Test
    void readsEveryKindOfSettingFromYaml() {
        TestFactories.Read read = read(String.join("\n",
                "word: secret",
                "label: HIDDEN",
                "threshold: 0.25",
                "maxHits: 7",
                "caseSensitive: false",
                "extra: [a, b]",
                "mode: block",
                "actions: {EMAIL: REDACT}",
                "nested: {colour: red}",
                "rules: [{id: r1}, {id: r2}]",
                "list: words.txt",
                "timeout: 250ms"));

        assertThat(read).isEqualTo(new TestFactories.Read("secret", "HIDDEN", 0.25, 7, false, List.of("a", "b"),
                TestFactories.Mode.BLOCK, Map.of("EMAIL", "REDACT"), Optional.of("red"), List.of("r1", "r2"),
                Optional.of(Path.of("words.txt")), Duration.ofMillis(250)));
    }

    @Test
    void readsJsonAndAppliesDefaultsForAbsentKeys() {
        TestFactories.Read read = read("{\"word\": \"x\"}");

        assertThat(read.threshold()).isEqualTo(0.5);
        assertThat(read.maxHits()).isEqualTo(10);
        assertThat(read.mode()).isEqualTo(TestFactories.Mode.REDACT);
        assertThat(read.list()).isEmpty();
    }

    @Test
    void readsAYamlFlowMapThatLooksLikeJson() {
        assertThat(read("{word: x, maxHits: 3}").maxHits()).isEqualTo(3);
    }

    @Test
    void blankTextMeansNoSettings() {
        Object made = GuardPolicy.createFilter(new TestFactories.InputOnlyFactory(), " \n");

        assertThat(made).isInstanceOf(dev.guard4j.InputValidator.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "word: x\\nthreshold: 1.5   | <settings>:2:12: threshold: 1.5 is out of range (hint: allowed range is [0, 1])",
        "word: x\\nmaxHits: '3'     | <settings>:2:10: maxHits: expected a whole number",
        "word: x\\nmode: shred      | <settings>:2:7: mode: 'shred' is not an allowed value",
        "word: x\\nnested: {color: red} | <settings>:2:10: nested.color: unknown key 'color'",
        "label: only               | <settings>:1:1: word: the word to replace is required",
        "word: x\\nactions: {EMAIL: SHRED} | <settings>:2:18: actions.EMAIL: unknown action 'SHRED'",
        "[word, x]                 | <settings>:1:1: (root): the policy must be a map of keys",
    })
    void aBadOrUnknownSettingIsALocatedPolicyError(String yaml, String messageStart) {
        assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(messageStart);
    }

    @Test
    void anUnknownKeyIsRejectedWithTheClosestKnownKeyAsTheHint() {
        assertThatThrownBy(() -> read("word: x\ntreshold: 0.9"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("<settings>:2:1: treshold: unknown key 'treshold' in filter 'test-replace' (hint: did you mean 'threshold'?)");
    }

    @Test
    void aFactoryThatReturnsNullIsAPolicyError() {
        assertThatThrownBy(() -> GuardPolicy.createFilter(new TestFactories.NullFactory(), ""))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("returned null");
    }
}
