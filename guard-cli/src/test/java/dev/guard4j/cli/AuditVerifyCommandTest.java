package dev.guard4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.Guard;
import dev.guard4j.testing.ScriptedChatModel;
import dev.guard4j.filters.audit.AuditLog;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyCommandTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    /** Writes a log of three calls through a real guard and returns its folder. */
    private Path writeLog(String key) {
        Path logDir = dir.resolve("log");
        AuditLog.Builder builder = AuditLog.builder(logDir);
        if (key != null) {
            builder.hmacKey(key.getBytes(StandardCharsets.UTF_8));
        }
        try (Guard guard = Guard.builder().input(input -> dev.guard4j.Verdict.pass()).audit(builder.build()).build()) {
            ChatModel model = guard.wrap(new ScriptedChatModel().enqueue("a").enqueue("b").enqueue("c"));
            for (String prompt : List.of("one", "two", "three")) {
                model.chat(UserMessage.from(prompt));
            }
        }
        return logDir;
    }

    private static CliRun verify(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = AuditVerifyCommand.run(args, o, e, environment::get);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void intactLogVerifiesWithItsRecordCount() {
        Path logDir = writeLog(null);
        CliRun run = CliRun.of("", "audit", "verify", logDir.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("OK").contains("3");
    }

    @Test
    void filesMayBeGivenOneByOne() {
        Path logDir = writeLog(null);
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("audit", "verify"),
                AuditLog.files(logDir).stream().map(Path::toString)).toArray(String[]::new);
        assertThat(CliRun.of("", args).exit()).isZero();
    }

    @Test
    void editedRecordIsReportedWithItsLineAndExitOne() throws IOException {
        Path logDir = writeLog(null);
        Path file = AuditLog.files(logDir).get(0);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int victim = 2;
        assertThat(lines.get(victim)).contains("\"ALLOWED\"");
        lines.set(victim, lines.get(victim).replace("\"ALLOWED\"", "\"BLOCKED\""));
        Files.write(file, lines, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("", "audit", "verify", logDir.toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_DATA);
        assertThat(run.out()).startsWith("BAD HASH_MISMATCH at " + file + ":" + (victim + 1) + ": ");
    }

    @Test
    void signedLogVerifiesWithTheKeyFromTheEnvironmentOrAFileAndFailsWithout() throws IOException {
        Path logDir = writeLog(KEY);
        assertThat(verify(Map.of("AUDIT_KEY", KEY), "--hmac-key-env", "AUDIT_KEY", logDir.toString()).exit()).isZero();
        Path keyFile = Files.writeString(dir.resolve("key.txt"), KEY + "\n");
        assertThat(verify(Map.of(), "--hmac-key-file", keyFile.toString(), logDir.toString()).exit()).isZero();
        CliRun withoutKey = verify(Map.of(), logDir.toString());
        assertThat(withoutKey.exit()).isEqualTo(Main.BAD_DATA);
        assertThat(withoutKey.out()).startsWith("BAD ALGORITHM_MISMATCH");
        CliRun wrongKey = verify(Map.of("AUDIT_KEY", "another-key-of-32-bytes-length!!"), "--hmac-key-env", "AUDIT_KEY", logDir.toString());
        assertThat(wrongKey.exit()).isEqualTo(Main.BAD_DATA);
        assertThat(wrongKey.out()).startsWith("BAD BAD_HMAC");
    }

    @Test
    void missingFileIsBadData() {
        CliRun run = CliRun.of("", "audit", "verify", dir.resolve("absent.jsonl").toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_DATA);
        assertThat(run.out()).startsWith("BAD UNREADABLE");
    }

    @Test
    void emptyFolderIsBadData() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun run = CliRun.of("", "audit", "verify", empty.toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_DATA);
        assertThat(run.err()).isEqualTo("guard4j-cli audit verify: no audit log files in " + empty + "\n");
    }

    @Test
    void wrongCommandLinesAreUsageErrors() {
        assertThat(CliRun.of("", "audit", "verify").err()).startsWith("guard4j-cli audit verify: expected at least one audit log file");
        assertThat(CliRun.of("", "audit", "verify", "--strict", "x").err()).startsWith("guard4j-cli audit verify: unknown option '--strict'");
        assertThat(CliRun.of("", "audit", "verify", "--hmac-key-env").err()).startsWith("guard4j-cli audit verify: option --hmac-key-env needs a value");
        assertThat(verify(Map.of(), "--hmac-key-env", "UNSET", "x").err()).isEqualTo("guard4j-cli audit verify: environment variable UNSET is not set\n");
        assertThat(verify(Map.of("K", "short"), "--hmac-key-env", "K", "x").exit()).isEqualTo(Main.USAGE);
        assertThat(CliRun.of("", "audit", "check", "x").err()).startsWith("guard4j-cli: 'audit' takes the subcommand 'verify', not 'check'");
    }

    @Test
    void helpExplainsTheCommand() {
        CliRun run = CliRun.of("", "audit", "verify", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(AuditVerifyCommand.HELP);
    }
}
