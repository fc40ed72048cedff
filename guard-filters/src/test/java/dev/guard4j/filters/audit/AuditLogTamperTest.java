package dev.guard4j.filters.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guard4j.filters.audit.AuditLogVerification.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of tampering with a closed, rotated log is caught, at the right line, for the right reason. */
class AuditLogTamperTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private List<Path> files;

    @BeforeEach
    void writeARotatedLog() {
        files = writeLog(dir.resolve("log"), null);
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    }

    static List<Path> writeLog(Path folder, byte[] key) {
        AuditLog.Builder builder = AuditLog.builder(folder).rotateAtBytes(4096).flush(FlushPolicy.whenBufferFull())
                .clock(Clock.fixed(SampleEvents.TIME, ZoneOffset.UTC));
        if (key != null) {
            builder.hmacKey(key);
        }
        try (AuditLog log = builder.build()) {
            for (int i = 0; i < 40; i++) {
                log.record(SampleEvents.allowed("call-" + i));
            }
        }
        return AuditLog.files(folder);
    }

    @Test
    void theUntouchedLogVerifies() {
        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(files);

        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.recordCount()).isEqualTo(40);
        assertThat(result.files()).isEqualTo(files.size());
        assertThat(result.validPrefixCount()).isEqualTo(40 + 2L * files.size());
        assertThat(result.firstBadLine()).isZero();
    }

    /** One way to tamper: what it does to the files, and where and why the verifier must stop. */
    interface Tampering {
        List<Path> apply(List<Path> files) throws IOException;
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("edit a field", (Tampering) f -> edit(f, 1, lines -> lines.set(2, lines.get(2).replace("\"outcome\":\"ALLOWED\"", "\"outcome\":\"BLOCKED\""))),
                        Problem.HASH_MISMATCH, 1, 3),
                Arguments.of("edit a field and rehash the record", (Tampering) f -> edit(f, 1, lines -> lines.set(2, rehash(lines.get(2).replace("bob", "eve")))),
                        Problem.BROKEN_LINK, 1, 4),
                Arguments.of("delete a line", (Tampering) f -> edit(f, 1, lines -> lines.remove(2)),
                        Problem.MISSING_RECORDS, 1, 3),
                Arguments.of("delete a file's header", (Tampering) f -> edit(f, 1, lines -> lines.remove(0)),
                        Problem.MISSING_RECORDS, 1, 1),
                Arguments.of("insert a copy of a line", (Tampering) f -> edit(f, 1, lines -> lines.add(3, lines.get(2))),
                        Problem.REORDERED, 1, 4),
                Arguments.of("insert a forged, self-consistent line", (Tampering) f -> edit(f, 1, lines -> lines.add(3, forgeAfter(lines.get(2)))),
                        Problem.REORDERED, 1, 5),
                Arguments.of("swap two lines", (Tampering) f -> edit(f, 1, lines -> {
                            String third = lines.get(2);
                            lines.set(2, lines.get(3));
                            lines.set(3, third);
                        }),
                        Problem.REORDERED, 1, 3),
                Arguments.of("append a record after the seal", (Tampering) f -> edit(f, f.size() - 1, lines -> lines.add(forgeAfter(lines.get(lines.size() - 1)))),
                        Problem.MISPLACED_RECORD, -1, -1),
                Arguments.of("cut the last file at a line break", (Tampering) f -> edit(f, f.size() - 1, lines -> lines.subList(lines.size() - 2, lines.size()).clear()),
                        Problem.UNSEALED, -1, -2),
                Arguments.of("cut the last file mid-line", (Tampering) f -> {
                            Path last = f.get(f.size() - 1);
                            try (var channel = Files.newByteChannel(last, StandardOpenOption.WRITE)) {
                                channel.truncate(Files.size(last) - 10);
                            }
                            return f;
                        },
                        Problem.TORN_LINE, -1, 0),
                Arguments.of("cut a middle file at a line break", (Tampering) f -> edit(f, 1, lines -> lines.remove(lines.size() - 1)),
                        Problem.UNSEALED, 1, -2),
                Arguments.of("drop a rotated file", (Tampering) f -> without(f, 1),
                        Problem.MISSING_RECORDS, 2, 1),
                Arguments.of("drop the first file", (Tampering) f -> without(f, 0),
                        Problem.MISSING_RECORDS, 1, 1),
                Arguments.of("drop the last file", (Tampering) f -> without(f, f.size() - 1),
                        Problem.MISSING_RECORDS, -2, -2),
                Arguments.of("swap two files", (Tampering) f -> {
                            List<Path> swapped = new ArrayList<>(f);
                            swapped.set(1, f.get(2));
                            swapped.set(2, f.get(1));
                            return swapped;
                        },
                        Problem.MISSING_RECORDS, 2, 1),
                Arguments.of("replace a line with garbage", (Tampering) f -> edit(f, 1, lines -> lines.set(2, "{\"v\":1,\"type\":\"event\"}")),
                        Problem.UNPARSEABLE, 1, 3),
                Arguments.of("claim another schema version", (Tampering) f -> edit(f, 1, lines -> lines.set(2, rehash(lines.get(2).replace("{\"v\":1,", "{\"v\":9,")))),
                        Problem.UNSUPPORTED_VERSION, 1, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void everyTamperingIsCaughtAtTheFirstBadLine(String name, Tampering tampering, Problem problem, int fileIndex, long line) throws IOException {
        List<Path> original = List.copyOf(files);
        List<Path> tampered = tampering.apply(files);

        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(tampered);

        assertThat(result.ok()).as(result.toString()).isFalse();
        assertThat(result.problem()).as(result.toString()).isEqualTo(problem);
        // negative positions count from the end: -1 the last file, -2 the one before; line 0 the last line, -2 one past it
        Path expectedFile = original.get(fileIndex >= 0 ? fileIndex : original.size() + fileIndex);
        assertThat(result.file()).isEqualTo(expectedFile);
        long lineCount = lineCount(expectedFile);
        long expectedLine = line > 0 ? line : line == 0 ? lineCount : line == -1 ? lineCount : lineCount + 1;
        assertThat(result.firstBadLine()).as(result.toString()).isEqualTo(expectedLine);
    }

    @Test
    void anHmacSignedLogVerifiesOnlyWithItsKey() {
        List<Path> signed = writeLog(dir.resolve("signed"), KEY);

        assertThat(AuditLogVerifier.withHmacKey(KEY).verify(signed).ok()).isTrue();
        AuditLogVerification withoutKey = AuditLogVerifier.withoutKey().verify(signed);
        assertThat(withoutKey.problem()).isEqualTo(Problem.ALGORITHM_MISMATCH);
        AuditLogVerification otherKey = AuditLogVerifier.withHmacKey(OTHER_KEY).verify(signed);
        assertThat(otherKey.problem()).isEqualTo(Problem.BAD_HMAC);
        assertThat(otherKey.firstBadLine()).isEqualTo(1);
    }

    @Test
    void aChainForgedWithoutTheKeyIsRejected() {
        List<Path> forgedPlain = writeLog(dir.resolve("forged-plain"), null);
        List<Path> forgedOtherKey = writeLog(dir.resolve("forged-other"), OTHER_KEY);

        AuditLogVerifier verifier = AuditLogVerifier.withHmacKey(KEY);

        assertThat(verifier.verify(forgedPlain).problem()).isEqualTo(Problem.ALGORITHM_MISMATCH);
        assertThat(verifier.verify(forgedOtherKey).problem()).isEqualTo(Problem.BAD_HMAC);
    }

    @Test
    void anEditRehashedWithoutTheKeyIsABadHmac() throws IOException {
        List<Path> signed = writeLog(dir.resolve("signed"), KEY);
        edit(signed, 1, lines -> lines.set(2, rehash(lines.get(2).replace("bob", "eve"))));

        AuditLogVerification result = AuditLogVerifier.withHmacKey(KEY).verify(signed);

        assertThat(result.problem()).isEqualTo(Problem.BAD_HMAC);
        assertThat(result.file()).isEqualTo(signed.get(1));
        assertThat(result.firstBadLine()).isEqualTo(3);
    }

    @Test
    void aLogStillBeingWrittenVerifiesOnlyWhenOpenEndsAreAccepted() throws IOException {
        edit(files, files.size() - 1, lines -> lines.remove(lines.size() - 1));

        assertThat(AuditLogVerifier.withoutKey().verify(files).problem()).isEqualTo(Problem.UNSEALED);
        AuditLogVerification open = AuditLogVerifier.withoutKey().acceptingOpenEnd().verify(files);
        assertThat(open.ok()).as(open.toString()).isTrue();
        assertThat(open.recordCount()).isEqualTo(40);
    }

    @Test
    void aLogWhoseOldFilesWereArchivedVerifiesOnlyWhenAMissingStartIsAccepted() {
        List<Path> rest = files.subList(2, files.size());

        assertThat(AuditLogVerifier.withoutKey().verify(rest).problem()).isEqualTo(Problem.MISSING_RECORDS);
        assertThat(AuditLogVerifier.withoutKey().acceptingMissingStart().verify(rest).ok()).isTrue();
    }

    @Test
    void noFilesOrAnUnreadableFileIsAFailureNotAnException() {
        assertThat(AuditLogVerifier.withoutKey().verify(List.of()).problem()).isEqualTo(Problem.UNREADABLE);
        assertThat(AuditLogVerifier.withoutKey().verify(List.of(dir.resolve("missing.jsonl"))).problem()).isEqualTo(Problem.UNREADABLE);
    }

    @Test
    void binaryGarbageIsUnparseable() throws IOException {
        Path garbage = dir.resolve("garbage.jsonl");
        byte[] bytes = new byte[10_000];
        Arrays.fill(bytes, (byte) 0xFF);
        bytes[5000] = '\n';
        Files.write(garbage, bytes);

        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(List.of(garbage));

        assertThat(result.problem()).isEqualTo(Problem.UNPARSEABLE);
        assertThat(result.firstBadLine()).isEqualTo(1);
    }

    @Test
    void aLineLongerThanTheLimitIsUnparseableWithoutBeingHeld() throws IOException {
        edit(files, 1, lines -> lines.set(2, "{\"v\":1,\"pad\":\"" + "x".repeat(LineReader.MAX_LINE + 10) + "\"}"));

        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(files);

        assertThat(result.problem()).isEqualTo(Problem.UNPARSEABLE);
        assertThat(result.file()).isEqualTo(files.get(1));
        assertThat(result.firstBadLine()).isEqualTo(3);
        assertThat(result.reason()).contains("longer than");
    }

    interface LineEdit {
        void apply(List<String> lines);
    }

    static List<Path> edit(List<Path> files, int index, LineEdit edit) throws IOException {
        Path file = files.get(index);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        edit.apply(lines);
        Files.writeString(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return files;
    }

    static List<Path> without(List<Path> files, int index) {
        List<Path> rest = new ArrayList<>(files);
        rest.remove(index);
        return rest;
    }

    /** Returns the line with its hash recomputed over its (edited) body, as an attacker without a key would. */
    static String rehash(String line) {
        String body = line.substring(0, line.length() - ChainHash.SUFFIX_LENGTH) + "}";
        byte[] hex = new byte[64];
        byte[] sealed = ChainHash.of(null).seal(body.getBytes(StandardCharsets.UTF_8), hex);
        return new String(sealed, 0, sealed.length - 1, StandardCharsets.UTF_8);
    }

    /** Returns a well-formed, self-hashed record that follows the given line: next seq, prev = its hash. */
    static String forgeAfter(String line) {
        long seq = Long.parseLong(line.replaceAll(".*?\"seq\":(\\d+).*", "$1"));
        String hash = line.substring(line.length() - 66, line.length() - 2);
        String body = "{\"v\":1,\"type\":\"event\",\"seq\":" + (seq + 1) + ","
                + AuditEventJson.write(SampleEvents.allowed("forged")).substring("{\"v\":1,\"type\":\"event\",".length(),
                        AuditEventJson.write(SampleEvents.allowed("forged")).length() - 1)
                + ",\"prev\":\"" + hash + "\",\"hash\":\"" + "0".repeat(64) + "\"}";
        return rehash(body);
    }

    private static long lineCount(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).size();
    }
}
