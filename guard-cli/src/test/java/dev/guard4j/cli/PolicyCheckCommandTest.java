package dev.guard4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void validPolicyPrintsOkAndASummary() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), """
                name: demo
                input: [cli-email, {filter: cli-word, fail-open: true}]
                output: [cli-email]
                """);
        CliRun run = CliRun.of("", "policy", "check", policy.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("OK " + policy + "\n"
                + "policy 'demo' (" + policy + ")\n"
                + "input  2 filters: cli-email, cli-word (fail-open)\n"
                + "output 1 filter: cli-email\n"
                + "audit  no sinks\n");
    }

    @Test
    void bedrockGuardrailLoadsFromTheCliBecauseGuardBedrockIsOnItsClasspath() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), """
                input:
                  - filter: bedrock-guardrail
                    time-budget: 3s
                    settings:
                      guardrail-id: gr-123
                      version: "1"
                      region: eu-west-1
                      endpoint: http://127.0.0.1:9
                """);
        CliRun run = CliRun.of("", "policy", "check", policy.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("input  1 filter: bedrock-guardrail\n");
    }

    @Test
    void invalidPolicyPrintsTheLocatedErrorAndExitsOne() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "input:\n  - filter: cli-word\n    settings:\n      wrod: x\n");
        CliRun run = CliRun.of("", "policy", "check", policy.toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_DATA);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(policy + ":4:7: input[0].settings.wrod: unknown key 'wrod' in filter 'cli-word' (hint: did you mean 'word'?)\n");
    }

    @Test
    void unsetHmacKeyVariableFailsTheCheck() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "audit:\n  log:\n    directory: audit\n    hmac-key-env: GUARD4J_TEST_UNSET_VARIABLE\n");
        CliRun run = CliRun.of("", "policy", "check", policy.toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_DATA);
        assertThat(run.err()).startsWith(policy + ":4:5: audit.log.hmac-key-env: environment variable GUARD4J_TEST_UNSET_VARIABLE is not set");
        assertThat(dir.resolve("audit")).doesNotExist();
    }

    @Test
    void missingFileIsReported() {
        CliRun run = CliRun.of("", "policy", "check", dir.resolve("none.yaml").toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_DATA);
        assertThat(run.err()).isEqualTo(dir.resolve("none.yaml") + ": no such policy file\n");
    }

    @Test
    void wrongArgumentsAreAUsageError() {
        assertThat(CliRun.of("", "policy", "check").exit()).isEqualTo(Main.USAGE);
        assertThat(CliRun.of("", "policy", "check", "a", "b").err()).startsWith("guard4j-cli policy check: expected one policy file");
        assertThat(CliRun.of("", "policy", "lint", "a").err()).startsWith("guard4j-cli: 'policy' takes the subcommand 'check', not 'lint'");
    }

    @Test
    void helpExplainsTheCommand() {
        CliRun run = CliRun.of("", "policy", "check", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(PolicyCheckCommand.HELP);
    }
}
