package dev.guard4j.filters.audit;

import java.nio.file.Path;

/**
 * What {@link AuditLogVerifier} found: OK with the number of records, or the first bad line and why.
 *
 * <p>Verification stops at the first bad line, so on failure the counts describe the valid prefix:
 * the records before that line, which do verify.
 *
 * @param recordCount the audit events verified: all of them when {@link #ok()}, else those in the valid prefix
 * @param validPrefixCount the lines verified (file headers, events and seals) before the first bad one
 * @param files how many files were read
 * @param recoveries how many times a writer restarted after a crash and continued the chain, by a
 *        {@code "recovered":true} header after a file that ends torn or unsealed
 * @param lastHash the hash of the last verified record (publish it elsewhere to pin the log), or {@code null} when none verified
 * @param problem what is wrong, or {@code null} when the log verifies
 * @param file the file that holds the first bad line, or {@code null} when OK
 * @param firstBadLine the 1-based number of the first bad line in {@code file} (one past the end for a missing
 *        last record), or 0 when OK
 * @param reason a sentence for people: {@code "OK: ..."} or what is wrong at that line
 */
public record AuditLogVerification(
        long recordCount,
        long validPrefixCount,
        int files,
        int recoveries,
        String lastHash,
        Problem problem,
        Path file,
        long firstBadLine,
        String reason) {

    /**
     * Returns whether every file verified, the chain is unbroken and the log was closed properly.
     *
     * @return true when {@link #problem()} is {@code null}
     */
    public boolean ok() {
        return problem == null;
    }

    @Override
    public String toString() {
        return ok() ? reason : problem + " at " + file + ":" + firstBadLine + ": " + reason
                + " (valid prefix: " + recordCount + " events, " + validPrefixCount + " lines)";
    }

    /** Why a log does not verify. */
    public enum Problem {
        /** A record's bytes do not match its SHA-256: it was edited. */
        HASH_MISMATCH,
        /** A record's HMAC does not match: edited, or written without (or with another) key. */
        BAD_HMAC,
        /** The log is signed differently from what the verifier was told (HMAC versus plain SHA-256). */
        ALGORITHM_MISMATCH,
        /** A record's {@code prev} is not the hash of the record before it. */
        BROKEN_LINK,
        /** Records are missing: the sequence jumps, a file lacks its header, or a file or the start of the chain is missing. */
        MISSING_RECORDS,
        /** A record is out of order or repeated. */
        REORDERED,
        /** The last line is incomplete: the writer died mid-record or the file was cut mid-line. */
        TORN_LINE,
        /** The log ends without the seal its writer writes on close: still being written, crashed, or cut at a line break. */
        UNSEALED,
        /** A line is not a record: not JSON, no hash field, an unknown type, or too long. */
        UNPARSEABLE,
        /** A record of a schema version this verifier does not know. */
        UNSUPPORTED_VERSION,
        /** A header that is not a file's first line, or a record after a file's seal. */
        MISPLACED_RECORD,
        /** A file could not be read, or no file was given. */
        UNREADABLE
    }
}
