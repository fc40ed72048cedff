package dev.guard4j.filters.audit;

import dev.guard4j.filters.audit.AuditLogVerification.Problem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Checks a chained audit log written by {@link AuditLog}: every record's hash (or HMAC), the link
 * from each record to the one before, the sequence, and that the log ends with its writer's seal.
 *
 * <pre>{@code
 * AuditLogVerification result = AuditLogVerifier.withHmacKey(key).verify(AuditLog.files(dir));
 * if (!result.ok()) {
 *     System.err.println(result.file() + ":" + result.firstBadLine() + " " + result.problem() + " " + result.reason());
 * }
 * }</pre>
 *
 * <p>Give the files in the order they were written ({@link AuditLog#files(Path)} lists a log folder
 * that way); the chain is checked across them, so a missing, extra or swapped file is found. The
 * verifier is thread-safe: each {@link #verify(List)} call has its own state.
 *
 * <p>Warning: without an HMAC key, someone who can write the files can also write a whole new,
 * consistent chain. Use a key kept away from the log's host, or publish {@link AuditLogVerification#lastHash()}
 * elsewhere from time to time, to rule that out.
 */
public final class AuditLogVerifier {

    private final byte[] key;
    private final boolean acceptOpenEnd;
    private final boolean requireGenesis;

    private AuditLogVerifier(byte[] key, boolean acceptOpenEnd, boolean requireGenesis) {
        this.key = key;
        this.acceptOpenEnd = acceptOpenEnd;
        this.requireGenesis = requireGenesis;
    }

    /**
     * Returns a verifier for logs hashed with plain SHA-256 (written without a key).
     *
     * @return the verifier
     */
    public static AuditLogVerifier withoutKey() {
        return new AuditLogVerifier(null, false, true);
    }

    /**
     * Returns a verifier for logs signed with HMAC-SHA256 under {@code key}; logs without the key fail.
     *
     * @param key the key the log was written with, at least 16 bytes
     * @return the verifier
     */
    public static AuditLogVerifier withHmacKey(byte[] key) {
        return new AuditLogVerifier(AuditLog.checkKey(key), false, true);
    }

    /**
     * Returns a verifier that accepts a log whose last file has no closing seal, for checking a log
     * that is still being written. A torn last line still fails.
     *
     * @return a verifier like this one that accepts an open end
     */
    public AuditLogVerifier acceptingOpenEnd() {
        return new AuditLogVerifier(key, true, requireGenesis);
    }

    /**
     * Returns a verifier that accepts a log whose first file does not start the chain, for checking
     * what is left after old files were archived or deleted on purpose.
     *
     * @return a verifier like this one that accepts a chain starting after its beginning
     */
    public AuditLogVerifier acceptingMissingStart() {
        return new AuditLogVerifier(key, acceptOpenEnd, false);
    }

    /**
     * Verifies the files as one log, in the given order.
     *
     * @param files the log's files, oldest first
     * @return OK with the record count, or the first bad line and why; never throws for a bad or unreadable file
     */
    public AuditLogVerification verify(List<Path> files) {
        Objects.requireNonNull(files, "files");
        ChainScanner scanner = new ChainScanner(key == null ? null : key.clone(), requireGenesis);
        if (files.isEmpty()) {
            return failed(scanner, 0, new ChainScanner.Failure(Problem.UNREADABLE, null, 0, "no file was given"));
        }
        Path lastFile = null;
        long lastLine = 0;
        int read = 0;
        for (Path file : files) {
            Objects.requireNonNull(file, "files must not contain null");
            read++;
            try (LineReader reader = new LineReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                long lineNo = 0;
                LineReader.Line line = reader.next();
                while (line != null) {
                    LineReader.Line next = reader.next();
                    lineNo++;
                    ChainScanner.Failure failure = scanner.line(file, lineNo, line, ChainScanner.peekSeq(next));
                    if (failure != null) {
                        return failed(scanner, read, failure);
                    }
                    line = next;
                }
                ChainScanner.Failure failure = scanner.endOfFile(file);
                if (failure != null) {
                    return failed(scanner, read, failure);
                }
                lastFile = file;
                lastLine = lineNo;
            } catch (IOException | RuntimeException e) {
                return failed(scanner, read, new ChainScanner.Failure(Problem.UNREADABLE, file, 0, "cannot read the file: " + e));
            }
        }
        ChainScanner.Failure failure = scanner.finish(lastFile, lastLine, acceptOpenEnd);
        if (failure != null) {
            return failed(scanner, read, failure);
        }
        String open = scanner.pendingEnd() != null ? ", not yet sealed" : "";
        return new AuditLogVerification(scanner.events(), scanner.validLines(), read, scanner.recoveries(), scanner.lastHash(),
                null, null, 0, "OK: " + scanner.events() + " records in " + read + " file" + (read == 1 ? "" : "s") + open);
    }

    private static AuditLogVerification failed(ChainScanner scanner, int files, ChainScanner.Failure failure) {
        String lastHash = scanner.validLines() == 0 ? null : scanner.lastHash();
        return new AuditLogVerification(scanner.events(), scanner.validLines(), files, scanner.recoveries(), lastHash,
                failure.problem(), failure.file(), failure.line(), failure.reason());
    }

    @Override
    public String toString() {
        return "AuditLogVerifier[" + (key == null ? "SHA-256" : "HMAC-SHA256") + (acceptOpenEnd ? ", open end" : "")
                + (requireGenesis ? "" : ", missing start") + "]";
    }
}
