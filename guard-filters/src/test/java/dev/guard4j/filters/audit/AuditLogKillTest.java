package dev.guard4j.filters.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.filters.audit.AuditLogVerification.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL mid-record leaves a log whose valid prefix verifies and whose torn end is reported. */
class AuditLogKillTest {

    @TempDir
    Path dir;

    @Test
    void aWriterKilledMidRecordLeavesAVerifiablePrefixAndAReportedTornEnd() throws Exception {
        Path log = dir.resolve("log");
        Process writer = startWriter(log);
        try {
            waitForBytes(log, 256 * 1024, writer);
        } finally {
            writer.destroyForcibly();   // SIGKILL on Linux and macOS: no shutdown hook, no seal
            assertThat(writer.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(writer.exitValue()).isNotZero();

        List<Path> files = AuditLog.files(log);
        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(files);

        assertThat(result.ok()).as("a killed writer's log is never accepted silently").isFalse();
        Path last = files.get(files.size() - 1);
        byte[] bytes = Files.readAllBytes(last);
        long lines = countLines(bytes);
        if (bytes[bytes.length - 1] != '\n') {
            assertThat(result.problem()).as(result.toString()).isEqualTo(Problem.TORN_LINE);
            assertThat(result.file()).isEqualTo(last);
            assertThat(result.firstBadLine()).isEqualTo(lines);
        } else {
            // the kill fell exactly between two records (rare: a write boundary met a line end)
            assertThat(result.problem()).as(result.toString()).isEqualTo(Problem.UNSEALED);
        }
        assertThat(result.recordCount()).isPositive();

        List<Path> prefix = copyValidPrefix(files, result.validPrefixCount(), dir.resolve("prefix"));
        AuditLogVerification prefixResult = AuditLogVerifier.withoutKey().acceptingOpenEnd().verify(prefix);
        assertThat(prefixResult.ok()).as(prefixResult.toString()).isTrue();
        assertThat(prefixResult.recordCount()).isEqualTo(result.recordCount());

        try (AuditLog restarted = AuditLog.builder(log).build()) {
            restarted.record(SampleEvents.allowed("after the crash"));
        }
        AuditLogVerification recovered = AuditLogVerifier.withoutKey().verify(AuditLog.files(log));
        assertThat(recovered.ok()).as(recovered.toString()).isTrue();
        assertThat(recovered.recoveries()).isEqualTo(1);
        assertThat(recovered.recordCount()).isEqualTo(result.recordCount() + 1);
    }

    private static Process startWriter(Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                KilledWriterMain.class.getName(), log.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void waitForBytes(Path log, long bytes, Process writer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            List<Path> files = AuditLog.files(log);
            if (!files.isEmpty() && Files.size(files.get(files.size() - 1)) >= bytes) {
                return;
            }
            assertThat(writer.isAlive()).as("the writer process died before writing " + bytes + " bytes").isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("the writer did not write " + bytes + " bytes in 2 minutes");
    }

    private static long countLines(byte[] bytes) {
        long lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? lines + 1 : lines;
    }

    /** Copies the first {@code count} lines across the files, as a reader salvaging the log would. */
    private static List<Path> copyValidPrefix(List<Path> files, long count, Path target) throws IOException {
        Files.createDirectories(target);
        List<Path> copies = new ArrayList<>();
        long left = count;
        for (Path file : files) {
            if (left == 0) {
                break;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> kept = lines.subList(0, (int) Math.min(left, lines.size()));
            left -= kept.size();
            Path copy = target.resolve(file.getFileName());
            Files.writeString(copy, String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
            copies.add(copy);
        }
        return copies;
    }
}
