package dev.guard4j.filters.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GuardPolicyErrorTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                arguments("unknown top-level key", "inptu:\n  - test-input-only\n",
                        1, 1, "inptu", "unknown key 'inptu' in the policy", "did you mean 'input'?"),
                arguments("unknown entry key", "input:\n  - filter: test-replace\n    settngs: {word: x}\n",
                        3, 5, "input[0].settngs", "unknown key 'settngs'", "did you mean 'settings'?"),
                arguments("unknown filter name", "input:\n  - filter: test-replcae\n",
                        2, 5, "input[0].filter", "unknown filter 'test-replcae'", "did you mean 'test-replace'?"),
                arguments("unknown filter far from every name", "input:\n  - filter: zzzzzzzz\n",
                        2, 5, "input[0].filter", "unknown filter 'zzzzzzzz'", "known filters: "),
                arguments("filter from a module not on the classpath", "input:\n  - filter: bedrock-guardrail\n",
                        2, 5, "input[0].filter", "lives in module dev.guard4j:guard-bedrock, which is not on the classpath",
                        "add the Maven dependency dev.guard4j:guard-bedrock"),
                arguments("unknown setting key", "input:\n  - filter: test-replace\n    settings:\n      word: x\n      treshold: 0.3\n",
                        5, 7, "input[0].settings.treshold", "unknown key 'treshold' in filter 'test-replace'", "did you mean 'threshold'?"),
                arguments("setting to a filter that takes none", "input:\n  - filter: test-input-only\n    settings: {level: 3}\n",
                        3, 16, "input[0].settings.level", "unknown key 'level'", "filter 'test-input-only' takes no settings"),
                arguments("unknown key in a nested settings section", "input:\n  - filter: test-replace\n    settings:\n      word: x\n      nested: {color: red}\n",
                        5, 16, "input[0].settings.nested.color", "unknown key 'color'", "did you mean 'colour'?"),
                arguments("number out of range", "input:\n  - filter: test-replace\n    settings: {word: x, threshold: 1.5}\n",
                        3, 36, "input[0].settings.threshold", "1.5 is out of range", "allowed range is [0, 1]"),
                arguments("number in quotes", "input:\n  - filter: test-replace\n    settings: {word: x, threshold: '0.5'}\n",
                        3, 36, "input[0].settings.threshold", "expected a number, was a string", "in [0, 1] without quotes"),
                arguments("integer out of range", "input:\n  - filter: test-replace\n    settings: {word: x, maxHits: 0}\n",
                        3, 34, "input[0].settings.maxHits", "0 is out of range", "allowed range is [1, 100]"),
                arguments("fraction where a whole number belongs", "verdict-cache-size: 2.5\n",
                        1, 21, "verdict-cache-size", "expected a whole number, was a number (2.5)", "allowed range is [0, 10000000]"),
                arguments("integer too large for any setting", "max-text-length: 99999999999999999999\n",
                        1, 18, "max-text-length", "expected a whole number, was a number (1.0E20)", "allowed range is [1, 2147483647]"),
                arguments("max-text-length below one", "max-text-length: 0\n",
                        1, 18, "max-text-length", "0 is out of range", "allowed range is [1, 2147483647]"),
                arguments("flag that is not true or false", "input:\n  - filter: test-input-only\n    fail-open: maybe\n",
                        3, 16, "input[0].fail-open", "expected true or false, was a string ('maybe')", "write true or false"),
                arguments("bad choice", "input:\n  - filter: test-replace\n    settings: {word: x, mode: blok}\n",
                        3, 31, "input[0].settings.mode", "'blok' is not an allowed value", "did you mean 'BLOCK'? allowed: REDACT, BLOCK"),
                arguments("list expected", "input:\n  - filter: test-replace\n    settings: {word: x, extra: one}\n",
                        3, 32, "input[0].settings.extra", "expected a list of strings, was a string", "write [a, b]"),
                arguments("map expected", "input:\n  - filter: test-replace\n    settings: {word: x, actions: [REDACT]}\n",
                        3, 34, "input[0].settings.actions", "expected a map, was a list", "'key: value' pairs"),
                arguments("list item that is not a string", "input:\n  - filter: test-replace\n    settings: {word: x, extra: [a, 1.5]}\n",
                        3, 36, "input[0].settings.extra[1]", "expected a string, was a number (1.5)", "put the value in quotes"),
                arguments("map value without a value", "input:\n  - filter: test-replace\n    settings:\n      word: x\n      actions:\n        EMAIL:\n",
                        6, 15, "input[0].settings.actions.EMAIL", "has no value", "write a value after the colon"),
                arguments("section that is not a map", "input:\n  - filter: test-replace\n    settings: {word: x, nested: 5}\n",
                        3, 33, "input[0].settings.nested", "expected a map, was a number", "indented under 'nested:'"),
                arguments("list of sections holding a string", "input:\n  - filter: test-replace\n    settings: {word: x, rules: [r1]}\n",
                        3, 33, "input[0].settings.rules[0]", "expected a map, was a string", null),
                arguments("string where a map of settings belongs", "streaming: fast\n",
                        1, 12, "streaming", "expected a map, was a string", "indented under 'streaming:'"),
                arguments("boolean where a string belongs", "refusals:\n  blocked-input: true\n",
                        2, 18, "refusals.blocked-input", "expected a string, was a true/false value (true)", "put the value in quotes"),
                arguments("factory error at a map entry", "input:\n  - filter: test-replace\n    settings:\n      word: x\n      actions:\n        EMAIL: SHRED\n",
                        6, 16, "input[0].settings.actions.EMAIL", "unknown action 'SHRED'", null),
                arguments("factory error for a missing setting", "input:\n  - filter: test-replace\n    settings: {}\n",
                        3, 15, "input[0].settings.word", "the word to replace is required", null),
                arguments("duration without a unit", "default-time-budget: 500\n",
                        1, 22, "default-time-budget", "expected a duration with a unit, was a number (500)", "such as 250ms, 2s or 1m"),
                arguments("duration that does not parse", "input:\n  - filter: test-input-only\n    time-budget: soon\n",
                        3, 18, "input[0].time-budget", "'soon' is not a duration", "such as 250ms"),
                arguments("duration out of range", "input:\n  - filter: test-input-only\n    time-budget: 11m\n",
                        3, 18, "input[0].time-budget", "11m is out of range", "allowed range is [1ms, 10m]"),
                arguments("setting duration out of range", "input:\n  - filter: test-replace\n    settings: {word: x, timeout: 5ms}\n",
                        3, 34, "input[0].settings.timeout", "5ms is out of range", "allowed range is [10ms, 30s]"),
                arguments("duplicate key", "name: a\nname: b\n",
                        2, 1, "name", "duplicate key 'name'", "already set at line 1"),
                arguments("unsupported version", "version: 2\n",
                        1, 10, "version", "unsupported policy version", "the only version is 1"),
                arguments("root is a list", "- pii\n",
                        1, 1, "(root)", "the policy must be a map of keys, was a list", "start with 'input:'"),
                arguments("two documents", "name: a\n---\nname: b\n",
                        3, 1, "(root)", "more than one document", "one document per file"),
                arguments("input is not a list", "input: test-input-only\n",
                        1, 8, "input", "expected a list, was a string", "one '- item' per line"),
                arguments("entry that is a number", "input:\n  - 42\n",
                        2, 5, "input[0]", "expected a filter entry, was a number", "- filter: NAME"),
                arguments("entry without a filter", "input:\n  - name: x\n",
                        2, 5, "input[0].filter", "a filter entry needs a 'filter' key", "name a built-in filter (pii, secrets"),
                arguments("settings that are not a map", "input:\n  - filter: test-replace\n    settings: [word]\n",
                        3, 15, "input[0].settings", "expected a map of the filter's settings, was a list", "indented under 'settings:'"),
                arguments("input-only filter on output", "output:\n  - filter: test-input-only\n",
                        2, 5, "output[0].filter", "filter 'test-input-only' cannot run on output: it is not an OutputChecker", "move it to the 'input' list"),
                arguments("factory returns null", "input:\n  - filter: test-null\n",
                        2, 5, "input[0].filter", "returned null", null),
                arguments("factory throws", "input:\n  - filter: test-throwing\n",
                        2, 5, "input[0].filter", "the factory of 'test-throwing' failed: java.lang.IllegalStateException: cannot open the model file", null),
                arguments("custom class not found", "input:\n  - filter: com.example.NoSuchFactory\n",
                        2, 5, "input[0].filter", "no class 'com.example.NoSuchFactory' on the classpath", "add its jar to the classpath"),
                arguments("custom class that is not a factory", "input:\n  - filter: java.lang.String\n",
                        2, 5, "input[0].filter", "does not implement dev.guard4j.filters.policy.FilterFactory", "name the filter's FilterFactory"),
                arguments("custom factory without a no-arg constructor",
                        "input:\n  - filter: dev.guard4j.filters.policy.TestFactories$NoDefaultConstructorFactory\n",
                        2, 5, "input[0].filter", "has no public no-arg constructor", "public NoDefaultConstructorFactory() {}"),
                arguments("two filters with one name", "input:\n  - test-input-only\n  - filter: test-replace\n    name: test-input-only\n    settings: {word: x}\n",
                        4, 5, "input[1].name", "two input filters are named 'test-input-only' (the other is input[0])", "distinct 'name'"),
                arguments("blank name", "input:\n  - filter: test-input-only\n    name: ' '\n",
                        3, 5, "input[0].name", "the name is blank", "remove it"),
                arguments("inspect a source that is not a request source", "inspect: [USER, MODEL]\n",
                        1, 17, "inspect[1]", "'MODEL' is not an allowed value", "allowed: USER, SYSTEM, TOOL_RESULT"),
                arguments("inspect nothing", "inspect: []\n",
                        1, 1, "inspect", "no source to inspect", "list at least USER"),
                arguments("buffer-all with a window", "streaming:\n  mode: buffer-all\n  window: 10\n",
                        3, 3, "streaming.window", "'window' applies to the windowed mode only", "set mode: windowed"),
                arguments("unknown streaming mode", "streaming:\n  mode: chunked\n",
                        2, 9, "streaming.mode", "'chunked' is not an allowed value", "allowed: WINDOWED, BUFFER_ALL"),
                arguments("unknown streaming key", "streaming:\n  holdback: 10\n",
                        2, 3, "streaming.holdback", "unknown key 'holdback'", "did you mean 'hold-back'?"),
                arguments("blank refusal", "refusals:\n  blocked-output: '  '\n",
                        2, 3, "refusals.blocked-output", "the message is blank", "write the text"),
                arguments("HMAC key written in the policy", "audit:\n  log:\n    directory: audit\n    hmac-key: abc\n",
                        4, 5, "audit.log.hmac-key", "the HMAC key must not be written in the policy", "name the variable with 'hmac-key-env'"),
                arguments("audit log without a file", "audit:\n  log: {hmac-key-env: K}\n",
                        2, 8, "audit.log.directory", "the audit log needs a 'directory' for its files", "write directory: audit/"),
                arguments("HMAC key env that looks like a key", "audit:\n  log: {directory: audit, hmac-key-env: 'k3y/with+chars='}\n",
                        2, 27, "audit.log.hmac-key-env", "is not an environment variable name", "never the key itself"),
                arguments("audit log file prefix with a space", "audit:\n  log: {directory: audit, file-prefix: 'a b'}\n",
                        2, 27, "audit.log.file-prefix", "'a b' is not a file-name prefix", "1 to 64 letters"),
                arguments("audit log flush that is not a policy", "audit:\n  log: {directory: audit, flush: sometimes}\n",
                        2, 34, "audit.log.flush", "'sometimes' is not a duration", "such as 250ms"),
                arguments("audit log rotation too small", "audit:\n  log: {directory: audit, rotate-at-bytes: 100}\n",
                        2, 44, "audit.log.rotate-at-bytes", "100 is out of range", "allowed range is [4096, 2147483647]"),
                arguments("audit log queue policy unknown", "audit:\n  log: {directory: audit, when-queue-full: drop}\n",
                        2, 44, "audit.log.when-queue-full", "'drop' is not an allowed value", "allowed: WAIT, FAIL"),
                arguments("unknown audit mode", "audit:\n  mode: strict\n",
                        2, 9, "audit.mode", "'strict' is not an allowed value", "allowed: BEST_EFFORT, COMPLIANCE"),
                arguments("unknown audit key", "audit:\n  micrometr: true\n",
                        2, 3, "audit.micrometr", "unknown key 'micrometr'", "did you mean 'micrometer'?"),
                arguments("unknown slf4j level", "audit:\n  slf4j: {level: loud}\n",
                        2, 18, "audit.slf4j.level", "'loud' is not an allowed value", "allowed: TRACE, DEBUG, INFO, WARN, ERROR"),
                arguments("key with no value", "name:\n",
                        1, 6, "name", "has no value", "write a value after the colon"),
                arguments("YAML syntax error", "input:\n  - filter: [unclosed\n",
                        2, 22, "(syntax)", "not valid YAML", null),
                arguments("empty policy", "   \n",
                        1, 1, "(file)", "the policy is empty", "start with 'input:'"),
                arguments("nesting too deep", "a: " + "[".repeat(40) + "]".repeat(40) + "\n",
                        1, 36, "a" + "[0]".repeat(32), "nested deeper than 32 levels", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPolicies")
    void badPolicyFailsWithFileLineColumnKeyAndHint(String what, String yaml, int line, int column, String key, String problem, String hint) {
        Path file = PolicyFiles.write(dir, "policy.yaml", yaml);
        assertThatThrownBy(() -> GuardPolicy.load(file, PolicyFiles.ENVIRONMENT::get))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.where()).contains(new PolicyException.Where(file.toString(), line, column, key));
                    assertThat(e.getMessage()).startsWith(file + ":" + line + ":" + column + ": " + key + ": ").contains(problem);
                    if (hint == null) {
                        assertThat(e.hint()).isEmpty();
                    } else {
                        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains(hint));
                        assertThat(e.getMessage()).contains("(hint: " + e.hint().get() + ")");
                    }
                });
    }

    @Test
    void jsonSyntaxErrorIsLocated() {
        Path file = PolicyFiles.write(dir, "policy.json", "{\n  \"input\": [\n    {\"filter\": \"x\",}\n  ]\n}\n");
        assertThatThrownBy(() -> GuardPolicy.load(file, PolicyFiles.ENVIRONMENT::get))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(file + ":3:20: (syntax): not valid JSON: ");
    }

    @Test
    void unsetHmacKeyVariableFailsAtTheKeyThatNamesIt() {
        GuardPolicy policy = PolicyFiles.load(dir, "audit:\n  log:\n    directory: audit\n    hmac-key-env: NOT_SET_ANYWHERE\n");
        assertThatThrownBy(() -> policy.audit().log().hmacKey())
                .isInstanceOf(PolicyException.class)
                .hasMessage(dir.resolve("policy.yaml") + ":4:5: audit.log.hmac-key-env: environment variable NOT_SET_ANYWHERE is not set"
                        + " (hint: export NOT_SET_ANYWHERE with the audit log's HMAC key before building the guard)");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> GuardPolicy.load(file)).isInstanceOf(PolicyException.class).hasMessage(file + ": no such policy file");
    }

    @Test
    void policyThatIsNotUtf8IsRefused() throws IOException {
        Path file = Files.write(dir.resolve("binary.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> GuardPolicy.load(file)).isInstanceOf(PolicyException.class).hasMessage(file + ": the policy is not valid UTF-8");
    }
}
