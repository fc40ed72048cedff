package dev.guard4j.filters.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.AuditMode;
import dev.guard4j.Content;
import dev.guard4j.FilterOptions;
import dev.guard4j.Stage;
import dev.guard4j.Verdict;
import dev.guard4j.filters.audit.FlushPolicy;
import dev.guard4j.filters.audit.QueueFullPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardPolicyLoadTest {

    @TempDir
    Path dir;

    private GuardPolicy load(String yaml) {
        return PolicyFiles.load(dir, yaml);
    }

    private TestFactories.Read onlyInputRead(GuardPolicy policy) {
        return ((TestFactories.Replacing) policy.inputFilters().get(0).instance()).read;
    }

    @Test
    void minimalPolicyHasNoFiltersAndLeavesEveryGuardDefault() {
        GuardPolicy policy = load("version: 1\n");
        assertThat(policy.inputFilters()).isEmpty();
        assertThat(policy.outputFilters()).isEmpty();
        assertThat(policy.name()).isEmpty();
        assertThat(policy.defaultTimeBudget()).isEmpty();
        assertThat(policy.maxTextLength()).isEmpty();
        assertThat(policy.verdictCacheSize()).isEmpty();
        assertThat(policy.inspectedSources()).isEmpty();
        assertThat(policy.streaming()).isEmpty();
        assertThat(policy.blockedInputMessage()).isEmpty();
        assertThat(policy.blockedOutputMessage()).isEmpty();
        assertThat(policy.audit()).isEqualTo(PolicyAudit.none());
    }

    @Test
    void nameIsRead() {
        assertThat(load("name: support-bot\n").name()).contains("support-bot");
    }

    @Test
    void inputAndOutputFiltersKeepTheirOrderAndStage() {
        GuardPolicy policy = load("""
                input:
                  - filter: test-replace
                    settings: {word: alpha}
                  - filter: test-input-only
                output:
                  - filter: test-replace
                    name: out-replace
                    settings: {word: beta}
                """);
        assertThat(policy.inputFilters()).extracting(PolicyFilter::name).containsExactly("test-replace", "test-input-only");
        assertThat(policy.inputFilters()).extracting(PolicyFilter::stage).containsOnly(Stage.INPUT);
        assertThat(policy.outputFilters()).extracting(PolicyFilter::name).containsExactly("out-replace");
        assertThat(policy.outputFilters().get(0).filter()).isEqualTo("test-replace");
        assertThat(policy.filters(Stage.OUTPUT)).isEqualTo(policy.outputFilters());
        Verdict verdict = policy.outputFilters().get(0).asOutputChecker().check(Content.of("say beta", Content.Source.MODEL));
        assertThat(verdict).isEqualTo(Verdict.rewrite("say <WORD>", new dev.guard4j.Finding("test.beta", "TEST_WORD", 4, 8, 0.5)));
    }

    @Test
    void aFilterNameAloneIsShortForAnEntryWithDefaultSettings() {
        GuardPolicy policy = load("input: [test-input-only]\n");
        assertThat(policy.inputFilters()).singleElement().satisfies(f -> {
            assertThat(f.filter()).isEqualTo("test-input-only");
            assertThat(f.options().failureMode()).isEqualTo(FilterOptions.FailureMode.FAIL_CLOSED);
            assertThat(f.options().timeBudget()).isNull();
        });
    }

    @Test
    void timeBudgetAndFailOpenBecomeFilterOptions() {
        GuardPolicy policy = load("""
                input:
                  - filter: test-input-only
                    time-budget: 250ms
                    fail-open: true
                """);
        FilterOptions options = policy.inputFilters().get(0).options();
        assertThat(options.timeBudget()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.failureMode()).isEqualTo(FilterOptions.FailureMode.FAIL_OPEN);
        assertThat(options.name()).isEqualTo("test-input-only");
    }

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({"250ms, 250", "2s, 2000", "1m, 60000", "PT1.5S, 1500", "'3 s', 3000"})
    void durationsAreWrittenWithAUnitOrInIso8601(String text, long millis) {
        GuardPolicy policy = load("default-time-budget: " + text + "\n");
        assertThat(policy.defaultTimeBudget()).contains(Duration.ofMillis(millis));
    }

    @Test
    void guardLimitsAreRead() {
        GuardPolicy policy = load("""
                default-time-budget: 500ms
                max-text-length: 200000
                verdict-cache-size: 5000
                """);
        assertThat(policy.defaultTimeBudget()).contains(Duration.ofMillis(500));
        assertThat(policy.maxTextLength()).contains(200_000);
        assertThat(policy.verdictCacheSize()).contains(5000);
    }

    @Test
    void allowUninspectedContentIsOffUnlessSet() {
        assertThat(load("version: 1\n").allowsUninspectedContent()).isFalse();
        assertThat(load("allow-uninspected-content: true\n").allowsUninspectedContent()).isTrue();
    }

    @ParameterizedTest(name = "flush: {0}")
    @CsvSource({"every-event", "when-buffer-full", "250ms"})
    void auditLogFlushIsAPolicyNameOrAnInterval(String flush) {
        FlushPolicy expected = switch (flush) {
            case "every-event" -> FlushPolicy.everyEvent();
            case "when-buffer-full" -> FlushPolicy.whenBufferFull();
            default -> FlushPolicy.every(Duration.ofMillis(250));
        };
        assertThat(load("audit: {log: {directory: audit, flush: " + flush + "}}\n").audit().log().flush()).isEqualTo(expected);
    }

    @Test
    void inspectListsTheRequestSourcesInAnyCase() {
        GuardPolicy policy = load("inspect: [user, TOOL_RESULT, System]\n");
        assertThat(policy.inspectedSources()).contains(Set.of(Content.Source.USER, Content.Source.TOOL_RESULT, Content.Source.SYSTEM));
    }

    @Test
    void streamingWindowedReadsWindowAndHoldBack() {
        GuardPolicy policy = load("""
                streaming:
                  mode: windowed
                  window: 512
                  hold-back: 200
                """);
        assertThat(policy.streaming()).hasValueSatisfying(s -> {
            assertThat(s.buffersAll()).isFalse();
            assertThat(s.window()).isEqualTo(512);
            assertThat(s.holdBack()).isEqualTo(200);
        });
    }

    @Test
    void streamingBufferAllIsWrittenWithADash() {
        assertThat(load("streaming: {mode: buffer-all}\n").streaming()).hasValueSatisfying(s -> assertThat(s.buffersAll()).isTrue());
    }

    @Test
    void refusalsSetBothMessages() {
        GuardPolicy policy = load("""
                refusals:
                  blocked-input: "Sorry, I can't help with that request."
                  blocked-output: "Sorry, I can't share that answer."
                """);
        assertThat(policy.blockedInputMessage()).contains("Sorry, I can't help with that request.");
        assertThat(policy.blockedOutputMessage()).contains("Sorry, I can't share that answer.");
    }

    @Test
    void auditSectionReadsModeLogSlf4jAndMicrometer() {
        GuardPolicy policy = load("""
                audit:
                  mode: compliance
                  log:
                    directory: audit
                    file-prefix: guard
                    rotate-at-bytes: 1048576
                    rotate-daily: true
                    queue-capacity: 1024
                    when-queue-full: fail
                    flush: 200ms
                    hmac-key-env: GUARD4J_AUDIT_KEY
                  slf4j:
                    level: debug
                    logger: acme.audit
                  micrometer: true
                  opentelemetry: true
                """);
        PolicyAudit audit = policy.audit();
        assertThat(audit.mode()).isEqualTo(AuditMode.COMPLIANCE);
        assertThat(audit.log().directory()).isEqualTo(dir.toAbsolutePath().resolve("audit"));
        assertThat(audit.log().filePrefix()).isEqualTo("guard");
        assertThat(audit.log().rotateAtBytes()).isEqualTo(1_048_576);
        assertThat(audit.log().rotateDaily()).isTrue();
        assertThat(audit.log().queueCapacity()).isEqualTo(1024);
        assertThat(audit.log().whenQueueFull()).isEqualTo(QueueFullPolicy.FAIL);
        assertThat(audit.log().flush()).isEqualTo(FlushPolicy.every(Duration.ofMillis(200)));
        assertThat(audit.log().hmacKeyEnv()).isEqualTo("GUARD4J_AUDIT_KEY");
        assertThat(audit.log().hmacKey()).hasValueSatisfying(k -> assertThat(new String(k, StandardCharsets.UTF_8)).isEqualTo("s3cret-key-for-tests"));
        assertThat(audit.slf4j().level()).isEqualTo(PolicyAudit.Slf4jLevel.DEBUG);
        assertThat(audit.slf4j().logger()).isEqualTo("acme.audit");
        assertThat(audit.micrometer()).isTrue();
        assertThat(audit.openTelemetry()).isTrue();
        assertThat(policy.summary()).contains("HMAC key from $GUARD4J_AUDIT_KEY").contains("slf4j at DEBUG").contains("mode compliance");
    }

    @Test
    void auditSinksMayBeSwitchedOnWithTrueAndOffWithFalse() {
        PolicyAudit audit = load("""
                audit:
                  mode: best-effort
                  slf4j: true
                  log: false
                """).audit();
        assertThat(audit.mode()).isEqualTo(AuditMode.BEST_EFFORT);
        assertThat(audit.slf4j().level()).isEqualTo(PolicyAudit.Slf4jLevel.INFO);
        assertThat(audit.log()).isNull();
        assertThat(audit.micrometer()).isFalse();
    }

    @Test
    void auditLogWithoutHmacKeyEnvIsAPlainHashChain() {
        PolicyAudit.LogSink log = load("audit: {log: {directory: audit}}\n").audit().log();
        assertThat(log.hmacKeyEnv()).isNull();
        assertThat(log.hmacKey()).isEmpty();
    }

    @Test
    void everyKindOfFilterSettingReachesTheFactory() {
        GuardPolicy policy = load("""
                input:
                  - filter: test-replace
                    settings:
                      word: secret
                      label: HIDDEN
                      threshold: 0.75
                      maxHits: 3
                      caseSensitive: false
                      extra: [a, b, 42]
                      mode: block
                      actions:
                        EMAIL: REDACT
                        PHONE: BLOCK
                      nested:
                        colour: red
                      rules:
                        - id: r1
                        - id: r2
                      list: lists/words.txt
                      timeout: 2s
                """);
        TestFactories.Read read = onlyInputRead(policy);
        assertThat(read).isEqualTo(new TestFactories.Read("secret", "HIDDEN", 0.75, 3, false, List.of("a", "b", "42"),
                TestFactories.Mode.BLOCK, Map.of("EMAIL", "REDACT", "PHONE", "BLOCK"), Optional.of("red"), List.of("r1", "r2"),
                Optional.of(dir.toAbsolutePath().resolve("lists/words.txt")), Duration.ofSeconds(2)));
        assertThat(read.actions().keySet()).containsExactly("EMAIL", "PHONE");
    }

    @Test
    void yaml11BooleanWordsAreReadAsWrittenWhereAStringIsWanted() {
        TestFactories.Read read = onlyInputRead(load("""
                input:
                  - filter: test-replace
                    settings: {word: x, label: off, extra: [NO, yes, On], caseSensitive: no}
                refusals: {blocked-input: no}
                """));
        assertThat(read.label()).isEqualTo("off");
        assertThat(read.extra()).containsExactly("NO", "yes", "On");
        assertThat(read.caseSensitive()).isFalse();
    }

    @Test
    void absentSettingsTakeTheFactoryDefaults() {
        TestFactories.Read read = onlyInputRead(load("input: [{filter: test-replace, settings: {word: x}}]\n"));
        assertThat(read).isEqualTo(new TestFactories.Read("x", "WORD", 0.5, 10, true, List.of(), TestFactories.Mode.REDACT, Map.of(),
                Optional.empty(), List.of(), Optional.empty(), Duration.ofSeconds(1)));
    }

    @Test
    void anEmptySettingsKeyMeansNoSettings() {
        GuardPolicy policy = load("input:\n  - filter: test-input-only\n    settings:\n");
        assertThat(policy.inputFilters()).hasSize(1);
    }

    @Test
    void customFilterIsNamedByItsFactoryClass() {
        GuardPolicy policy = load("""
                input:
                  - filter: dev.guard4j.filters.policy.TestFactories$CustomFactory
                    name: upper
                    settings: {suffix: "!"}
                """);
        PolicyFilter filter = policy.inputFilters().get(0);
        assertThat(filter.name()).isEqualTo("upper");
        assertThat(filter.asInputValidator().validate(Content.of("hi", Content.Source.USER))).isEqualTo(Verdict.rewrite("HI!"));
    }

    @Test
    void jsonPoliciesReadTheSameSchema() {
        Path file = PolicyFiles.write(dir, "policy.json", """
                {"version": 1, "name": "json",
                 "input": [{"filter": "test-replace", "time-budget": "1s", "settings": {"word": "w", "threshold": 1}}],
                 "refusals": {"blocked-input": "no"}}
                """);
        GuardPolicy policy = GuardPolicy.load(file, PolicyFiles.ENVIRONMENT::get);
        assertThat(policy.name()).contains("json");
        assertThat(policy.inputFilters().get(0).options().timeBudget()).isEqualTo(Duration.ofSeconds(1));
        assertThat(onlyInputRead(policy).threshold()).isEqualTo(1.0);
        assertThat(policy.blockedInputMessage()).contains("no");
    }

    @Test
    void summaryNamesEveryFilterAndItsFailOpenMark() {
        GuardPolicy policy = load("""
                name: demo
                input:
                  - {filter: test-input-only, fail-open: true}
                output:
                  - {filter: test-replace, settings: {word: x}}
                refusals: {blocked-output: "no"}
                """);
        assertThat(policy.summary()).isEqualTo("""
                policy 'demo' (%s)
                input  1 filter: test-input-only (fail-open)
                output 1 filter: test-replace
                audit  no sinks
                refusals: output
                """.formatted(dir.resolve("policy.yaml")));
    }
}
