package dev.guard4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpListsEveryCommand(String flag) {
        CliRun run = CliRun.of("", flag);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("scan [--policy FILE] [--stage input|output]").contains("audit verify FILE...").contains("policy check FILE");
    }

    @Test
    void noArgumentsIsAUsageError() {
        CliRun run = CliRun.of("");
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).isEqualTo(Main.USAGE_TEXT);
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("", "sacn");
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).startsWith("guard4j-cli: unknown command 'sacn'\nUsage:");
    }
}
