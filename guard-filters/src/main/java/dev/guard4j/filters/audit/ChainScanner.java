package dev.guard4j.filters.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guard4j.filters.audit.AuditLogVerification.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks the lines of a chained audit log one at a time, across files, and keeps the chain's state.
 *
 * <p>Shared by {@link AuditLogVerifier} and by {@link AuditLog} when it reopens a log to continue
 * its chain. A torn or unsealed end of a file is held as pending: it is acceptable only when the
 * next file opens with a {@code "recovered":true} header that links to the last good record.
 */
final class ChainScanner {

    /** A problem at a line. */
    record Failure(Problem problem, Path file, long line, String reason) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ChainHash hash;
    private final boolean keyed;
    private final boolean requireGenesis;

    private boolean started;
    private long expectedSeq;
    private String prevHash = ChainHash.GENESIS;
    private Failure pendingEnd;
    private String lastSealReason;

    private boolean headerSeen;
    private boolean sealSeen;
    private long lastLine;

    private long events;
    private long validLines;
    private int recoveries;

    ChainScanner(byte[] key, boolean requireGenesis) {
        this.hash = ChainHash.of(key);
        this.keyed = key != null;
        this.requireGenesis = requireGenesis;
    }

    long events() {
        return events;
    }

    long validLines() {
        return validLines;
    }

    int recoveries() {
        return recoveries;
    }

    /** Returns the sequence number the next record must have. */
    long nextSeq() {
        return expectedSeq;
    }

    /** Returns the hash of the last accepted record, or the genesis value when none was. */
    String lastHash() {
        return prevHash;
    }

    /** Returns the torn or unsealed end of the last file, if that is how it ended. */
    Failure pendingEnd() {
        return pendingEnd;
    }

    /**
     * Checks one line.
     *
     * @param nextSeqHint the {@code seq} of the following line in the same file, or -1; tells a swap from a gap
     * @return the failure, or {@code null} when the line is good (or its verdict waits for the next file)
     */
    Failure line(Path file, long lineNo, LineReader.Line line, long nextSeqHint) {
        lastLine = lineNo;
        if (!line.terminated()) {
            Failure torn = new Failure(Problem.TORN_LINE, file, lineNo, "the last line is incomplete (" + line.length()
                    + " bytes without a line break): the writer stopped mid-record or the file was cut");
            return hold(torn);
        }
        if (line.tooLong()) {
            return new Failure(Problem.UNPARSEABLE, file, lineNo, "the line is longer than " + LineReader.MAX_LINE + " bytes");
        }
        if (sealSeen) {
            return new Failure(Problem.MISPLACED_RECORD, file, lineNo, "a record after the file's seal record");
        }
        byte[] bytes = line.bytes();
        int length = line.length();
        if (!hasHashSuffix(bytes, length)) {
            return new Failure(Problem.UNPARSEABLE, file, lineNo, "the line does not end with a \"hash\" field");
        }
        int bodyLength = length - ChainHash.SUFFIX_LENGTH + 1;
        byte[] body = Arrays.copyOf(bytes, bodyLength);
        body[bodyLength - 1] = '}';
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Failure(Problem.UNPARSEABLE, file, lineNo, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Failure(Problem.UNPARSEABLE, file, lineNo, "not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return new Failure(Problem.UNPARSEABLE, file, lineNo, "not a JSON object");
        }
        if (node.path("v").asInt(-1) != AuditEventJson.SCHEMA_VERSION) {
            return new Failure(Problem.UNSUPPORTED_VERSION, file, lineNo,
                    "schema version " + node.get("v") + ", this verifier reads " + AuditEventJson.SCHEMA_VERSION);
        }
        String type = node.path("type").asText();
        boolean header = type.equals("header");
        if (!header && !type.equals("event") && !type.equals("seal")) {
            return new Failure(Problem.UNPARSEABLE, file, lineNo, "unknown record type '" + type + "'");
        }
        if (header && lineNo != 1) {
            return new Failure(Problem.MISPLACED_RECORD, file, lineNo, "a file header that is not the file's first line");
        }
        if (!header && lineNo == 1) {
            return new Failure(Problem.MISSING_RECORDS, file, lineNo, "the file does not start with its header: its first lines are missing");
        }
        if (header) {
            Failure algorithm = checkAlgorithm(file, lineNo, node.path("alg").asText());
            if (algorithm != null) {
                return algorithm;
            }
        }
        byte[] computed = hash.hexHash(body, bodyLength);
        if (!Arrays.equals(computed, 0, 64, bytes, length - 66, length - 2)) {
            return keyed
                    ? new Failure(Problem.BAD_HMAC, file, lineNo, "the HMAC does not match: the record was changed, or written with another key")
                    : new Failure(Problem.HASH_MISMATCH, file, lineNo, "the hash does not match: the record was changed after it was written");
        }
        JsonNode seqNode = node.get("seq");
        JsonNode prevNode = node.get("prev");
        if (seqNode == null || !seqNode.canConvertToExactIntegral() || seqNode.asLong() < 0 || prevNode == null || !prevNode.isTextual()) {
            return new Failure(Problem.UNPARSEABLE, file, lineNo, "no valid \"seq\" or \"prev\" field");
        }
        long seq = seqNode.asLong();
        String prev = prevNode.asText();
        if (header) {
            Failure linked = startFile(file, lineNo, node, seq, prev);
            if (linked != null) {
                return linked;
            }
        }
        if (seq != expectedSeq) {
            if (seq < expectedSeq || nextSeqHint == expectedSeq) {
                return new Failure(Problem.REORDERED, file, lineNo, "seq " + seq + " where " + expectedSeq
                        + " was expected: records are out of order or repeated");
            }
            return new Failure(Problem.MISSING_RECORDS, file, lineNo, "seq " + seq + " where " + expectedSeq
                    + " was expected: " + (seq - expectedSeq) + " records are missing");
        }
        if (!prev.equals(prevHash)) {
            return new Failure(Problem.BROKEN_LINK, file, lineNo, "\"prev\" is not the hash of the record before it");
        }
        if (header && pendingEnd != null) {
            recoveries++;
            pendingEnd = null;
        }
        prevHash = new String(bytes, length - 66, 64, StandardCharsets.US_ASCII);
        expectedSeq = seq + 1;
        validLines++;
        if (header) {
            headerSeen = true;
        } else if (type.equals("event")) {
            events++;
        } else {
            sealSeen = true;
            lastSealReason = node.path("reason").asText();
        }
        return null;
    }

    private Failure checkAlgorithm(Path file, long lineNo, String algorithm) {
        if (!algorithm.equals(ChainHash.SHA_256) && !algorithm.equals(ChainHash.HMAC_SHA_256)) {
            return new Failure(Problem.UNPARSEABLE, file, lineNo, "unknown hash algorithm '" + algorithm + "'");
        }
        if (keyed && algorithm.equals(ChainHash.SHA_256)) {
            return new Failure(Problem.ALGORITHM_MISMATCH, file, lineNo,
                    "the file is hashed with plain SHA-256 but an HMAC key was given: it was not written with the key");
        }
        if (!keyed && algorithm.equals(ChainHash.HMAC_SHA_256)) {
            return new Failure(Problem.ALGORITHM_MISMATCH, file, lineNo, "the file is signed with HMAC-SHA256: give the key to verify it");
        }
        return null;
    }

    /** Links a file's header to the chain so far: the genesis, an anchor, or the last record of the previous file. */
    private Failure startFile(Path file, long lineNo, JsonNode header, long seq, String prev) {
        if (!started) {
            started = true;
            if (requireGenesis && (seq != 0 || !prev.equals(ChainHash.GENESIS))) {
                return new Failure(Problem.MISSING_RECORDS, file, lineNo, "the chain starts at seq " + seq
                        + ", not at its beginning: earlier files are missing");
            }
            expectedSeq = seq;
            prevHash = prev;
            return null;
        }
        if (pendingEnd != null && !header.path("recovered").asBoolean(false)) {
            return pendingEnd;
        }
        return null;
    }

    /** Holds a torn or unsealed file end until the next file says whether a writer recovered from it. */
    private Failure hold(Failure end) {
        if (pendingEnd != null) {
            return pendingEnd;
        }
        pendingEnd = end;
        return null;
    }

    /** Ends a file; returns an earlier pending failure when this file adds another. */
    Failure endOfFile(Path file) {
        Failure result = null;
        if (!sealSeen && (pendingEnd == null || !pendingEnd.file().equals(file))) {
            String reason = headerSeen
                    ? "the file ends without a seal record: the writer is still running or crashed, or its last records were cut off"
                    : "the file holds no complete record";
            result = hold(new Failure(headerSeen ? Problem.UNSEALED : Problem.MISSING_RECORDS, file, lastLine + 1, reason));
        }
        if (!sealSeen) {
            lastSealReason = null;
        }
        headerSeen = false;
        sealSeen = false;
        lastLine = 0;
        return result;
    }

    /**
     * Ends the log.
     *
     * @param lastFile the last file read
     * @param acceptOpenEnd whether a log without a final seal (one still being written) is acceptable
     * @return the failure, or {@code null} when the log verifies
     */
    Failure finish(Path lastFile, long lastLineNo, boolean acceptOpenEnd) {
        if (pendingEnd != null) {
            boolean open = pendingEnd.problem() == Problem.UNSEALED;
            return open && acceptOpenEnd ? null : pendingEnd;
        }
        if ("rotate".equals(lastSealReason)) {
            return new Failure(Problem.MISSING_RECORDS, lastFile, lastLineNo + 1,
                    "the file was sealed for rotation but the file that continues the log was not given");
        }
        return null;
    }

    /** Returns the {@code seq} near the start of a line without parsing it, or -1. */
    static long peekSeq(LineReader.Line line) {
        if (line == null || !line.terminated()) {
            return -1;
        }
        byte[] bytes = line.bytes();
        int limit = Math.min(line.length(), 64);
        byte[] key = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + key.length < limit; i++) {
            for (int j = 0; j < key.length; j++) {
                if (bytes[i + j] != key[j]) {
                    continue outer;
                }
            }
            long value = 0;
            int k = i + key.length;
            int digits = 0;
            while (k < line.length() && bytes[k] >= '0' && bytes[k] <= '9' && digits < 18) {
                value = value * 10 + (bytes[k++] - '0');
                digits++;
            }
            return digits == 0 ? -1 : value;
        }
        return -1;
    }

    private static boolean hasHashSuffix(byte[] bytes, int length) {
        if (length < ChainHash.SUFFIX_LENGTH + 2 || bytes[0] != '{' || bytes[length - 1] != '}' || bytes[length - 2] != '"') {
            return false;
        }
        int at = length - ChainHash.SUFFIX_LENGTH;
        if (!Arrays.equals(bytes, at, at + ChainHash.HASH_FIELD.length, ChainHash.HASH_FIELD, 0, ChainHash.HASH_FIELD.length)) {
            return false;
        }
        for (int i = length - 66; i < length - 2; i++) {
            byte b = bytes[i];
            if (!(b >= '0' && b <= '9') && !(b >= 'a' && b <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
