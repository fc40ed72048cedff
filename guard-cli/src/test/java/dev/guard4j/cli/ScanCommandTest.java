package dev.guard4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanCommandTest {

    @TempDir
    Path dir;

    private Path policy;

    @BeforeEach
    void writePolicy() throws IOException {
        policy = Files.writeString(dir.resolve("policy.yaml"), """
                input:
                  - cli-email
                  - filter: cli-word
                    settings: {word: secret}
                output:
                  - filter: cli-word
                    name: blocker
                    settings: {word: password, block: true}
                """);
    }

    @Test
    void passWithoutFindingsEchoesTheIdAndAnEmptyList() {
        CliRun run = CliRun.of("{\"id\": 7, \"text\": \"hello\"}\n", "scan", "--policy", policy.toString());
        assertThat(run.out()).isEqualTo("{\"id\":7,\"verdict\":\"PASS\",\"findings\":[]}\n");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEqualTo("scanned 1 line: 1 PASS, 0 REWRITE, 0 BLOCK, 0 errors\n");
    }

    @Test
    void spansOfAFilterAfterARewriteReferToTheInputText() {
        // "secret" is at 20 in the input, but at 19 in "mail <EMAIL> then secret" that the second filter saw
        String text = "mail ab@cd.com then secret";
        CliRun run = CliRun.of("{\"id\": \"a\", \"text\": \"" + text + "\", \"source\": \"USER\"}\n", "scan", "--policy", policy.toString());
        assertThat(text.indexOf("secret")).isEqualTo(20);
        assertThat(run.out()).isEqualTo("{\"id\":\"a\",\"verdict\":\"REWRITE\",\"text\":\"mail <EMAIL> then secret\",\"findings\":["
                + "{\"detector\":\"test.email\",\"category\":\"EMAIL\",\"start\":5,\"end\":14,\"score\":0.9},"
                + "{\"detector\":\"test.word\",\"category\":\"TEST_WORD\",\"start\":20,\"end\":26,\"score\":1.0}]}\n");
    }

    @Test
    void outputStageRunsTheOutputCheckersAndReportsTheBlockReason() {
        CliRun run = CliRun.of("{\"id\": 1, \"text\": \"the password is x\"}\n", "scan", "--policy", policy.toString(), "--stage", "output");
        assertThat(run.out()).isEqualTo("{\"id\":1,\"verdict\":\"BLOCK\",\"reason\":\"word 'password'\",\"findings\":["
                + "{\"detector\":\"test.word\",\"category\":\"TEST_WORD\",\"start\":4,\"end\":12,\"score\":1.0}]}\n");
    }

    @Test
    void statefulFilterAfterARewriteIsNotRunTwiceAndItsFindingsCoverTheWholeText() throws IOException {
        Path stateful = Files.writeString(dir.resolve("stateful.yaml"), "input: [cli-email, cli-stateful]\n");
        CliTestFilters.StatefulFactory.CALLS.set(0);
        CliRun run = CliRun.of("{\"id\": 1, \"text\": \"ab@cd.com x\"}\n", "scan", "--policy=" + stateful);
        assertThat(CliTestFilters.StatefulFactory.CALLS.get()).isEqualTo(1);
        assertThat(run.out()).contains("{\"detector\":\"test.x\",\"category\":\"TEST_X\",\"start\":0,\"end\":11,\"score\":0.5}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                 | {"id": 1, "text": | {"line":1,"error":"malformed JSON: Unexpected end-of-input
            not an object            | [1, 2]            | {"line":1,"error":"expected a JSON object with \\"text\\", was array"}
            text missing             | {"id": 3}         | {"line":1,"id":3,"error":"\\"text\\" must be a string"}
            text not a string        | {"id": 4, "text": 5} | {"line":1,"id":4,"error":"\\"text\\" must be a string"}
            unknown source           | {"id": 5, "text": "a", "source": "ROBOT"} | {"line":1,"id":5,"error":"unknown source 'ROBOT'; one of USER, SYSTEM, TOOL_RESULT, MODEL, TOOL_CALL"}
            """)
    void malformedLineGivesAnErrorLineWithItsNumber(String what, String line, String expectedStart) {
        CliRun run = CliRun.of(line + "\n", "scan", "--policy", policy.toString());
        assertThat(run.out()).startsWith(expectedStart);
        assertThat(run.exit()).isEqualTo(Main.BAD_DATA);
    }

    @Test
    void badLinesDoNotStopTheRunAndBlankLinesAreSkipped() {
        String input = "{\"id\": 1, \"text\": \"a\"}\n\n{oops\r\n{\"id\": 2, \"text\": \"secret\"}";
        CliRun run = CliRun.of(input, "scan", "--policy", policy.toString());
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("{\"id\":1,\"verdict\":\"PASS\",\"findings\":[]}");
        assertThat(lines[1]).startsWith("{\"line\":3,\"error\":\"malformed JSON: ");
        assertThat(lines[2]).isEqualTo("{\"id\":2,\"verdict\":\"PASS\",\"findings\":[{\"detector\":\"test.word\",\"category\":\"TEST_WORD\",\"start\":0,\"end\":6,\"score\":1.0}]}");
        assertThat(run.exit()).isEqualTo(Main.BAD_DATA);
        assertThat(run.err()).isEqualTo("scanned 3 lines: 2 PASS, 0 REWRITE, 0 BLOCK, 1 error\n");
    }

    @Test
    void hugeLineIsSkippedWithAnErrorLineWithoutBeingHeldInMemory() {
        // 50 MB of one line, streamed: the reader keeps at most the cap
        long size = 50L * 1024 * 1024;
        InputStream huge = new InputStream() {
            long served;
            final byte[] tail = "\n{\"id\": 9, \"text\": \"ok\"}\n".getBytes(StandardCharsets.UTF_8);

            @Override
            public int read() {
                if (served < size) {
                    served++;
                    return 'a';
                }
                int i = (int) (served++ - size);
                return i < tail.length ? tail[i] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served >= size) {
                    return super.read(b, off, len);
                }
                int n = (int) Math.min(len, size - served);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                served += n;
                return n;
            }
        };
        CliRun run = CliRun.of(huge, "scan", "--policy", policy.toString(), "--max-line-chars", "1000");
        assertThat(run.out()).isEqualTo("{\"line\":1,\"error\":\"line longer than 1000 characters; skipped\"}\n"
                + "{\"id\":9,\"verdict\":\"PASS\",\"findings\":[]}\n");
    }

    @Test
    void lineOfExactlyTheCapIsScanned() {
        String line = "{\"text\":\"" + "b".repeat(20) + "\"}";
        CliRun run = CliRun.of(line + "\r\n", "scan", "--policy", policy.toString(), "--max-line-chars", String.valueOf(line.length()));
        assertThat(run.out()).isEqualTo("{\"id\":null,\"verdict\":\"PASS\",\"findings\":[]}\n");
    }

    @Test
    void invalidUtf8AndUnpairedSurrogatesGiveAVerdictNotACrash() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        // a JSON escape makes a lone high surrogate in the text; the filter sees it, the verdict is written
        bytes.write("{\"id\": 1, \"text\": \"secret \\ud800 b\"}\n".getBytes(StandardCharsets.UTF_8));
        // a byte that is not UTF-8 becomes U+FFFD
        bytes.write("{\"id\": 2, \"text\": \"x".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        CliRun run = CliRun.of(new java.io.ByteArrayInputStream(bytes.toByteArray()), "scan", "--policy", policy.toString());
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{\"id\":1,\"verdict\":\"PASS\",\"findings\":[{\"detector\":\"test.word\",\"category\":\"TEST_WORD\",\"start\":0,\"end\":6,");
        assertThat(lines[1]).isEqualTo("{\"id\":2,\"verdict\":\"PASS\",\"findings\":[]}");
        assertThat(run.exit()).isZero();
    }

    @Test
    void invalidPolicyStopsBeforeReadingWithTheLocatedError() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "input:\n  - filter: cli-emial\n");
        CliRun run = CliRun.of("{\"text\": \"a\"}\n", "scan", "--policy", bad.toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_DATA);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(bad + ":2:5: input[0].filter: unknown filter 'cli-emial' (hint: did you mean 'cli-email'?)\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown option     | --verbose x        | unknown option '--verbose'
            bad stage          | --stage middle     | --stage is input or output, not 'middle'
            missing value      | --policy           | option --policy needs a value
            bad line cap       | --max-line-chars 0 | --max-line-chars is a whole number
            """)
    void badCommandLineIsAUsageError(String what, String args, String message) {
        String[] argv = ("scan " + args).split(" ");
        CliRun run = CliRun.of("", argv);
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).startsWith("guard4j-cli scan: " + message).contains("Usage: guard4j-cli scan");
    }

    @Test
    void withoutPolicyTheRecommendedPolicyIsUsed() {
        CliRun run = CliRun.of("{\"id\": 1, \"text\": \"" + "a".repeat(32_001) + "\"}\n{\"id\": 2, \"text\": \"hello\"}\n", "scan");
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("{\"id\":1,\"verdict\":\"BLOCK\"");
        assertThat(lines[1]).isEqualTo("{\"id\":2,\"verdict\":\"PASS\",\"findings\":[]}");
        assertThat(run.exit()).isZero();
    }

    @Test
    void helpDescribesTheInputAndOutputLines() {
        CliRun run = CliRun.of("", "scan", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(ScanCommand.HELP).contains("--policy FILE").contains("\"verdict\": \"PASS|REWRITE|BLOCK\"");
    }
}
