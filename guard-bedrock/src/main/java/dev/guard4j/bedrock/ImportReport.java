package dev.guard4j.bedrock;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an import of a Bedrock guardrail definition did with each part: enforced it with an
 * equivalent local filter, approximated it, could not enforce it, or ignored it as metadata.
 *
 * <p>Nothing is dropped in silence: every part of the definition has an entry. Check
 * {@link #unsupported()} before relying on the local guard in place of the Bedrock one.
 *
 * @param entries one entry per part of the definition, in the order read
 */
public record ImportReport(List<Entry> entries) {

    /**
     * Copies the entries.
     *
     * @param entries one entry per part of the definition, in the order read
     */
    public ImportReport {
        entries = List.copyOf(entries);
    }

    /** What became of one part. */
    public enum Status {
        /** Enforced by a local filter that does the same thing (a word list, a regex, a PII type). */
        MAPPED,
        /** Enforced by a local filter that judges differently (a local classifier for a Bedrock model). */
        APPROXIMATED,
        /** Not enforced locally: no local filter does this. */
        UNSUPPORTED,
        /** Has no effect on what is blocked (a name, tags, a KMS key) or is switched off. */
        IGNORED
    }

    /**
     * One part of the definition.
     *
     * @param path where it is in the JSON, such as {@code contentPolicyConfig.filtersConfig[2]}
     * @param what the part, such as {@code content filter VIOLENCE}
     * @param status what became of it
     * @param detail how it is enforced, or why not
     */
    public record Entry(String path, String what, Status status, String detail) {
        /**
         * Checks the parts.
         *
         * @param path where it is in the JSON, such as {@code contentPolicyConfig.filtersConfig[2]}
         * @param what the part, such as {@code content filter VIOLENCE}
         * @param status what became of it
         * @param detail how it is enforced, or why not
         */
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Returns the entries with the given status.
     *
     * @param status what became of it
     * @return the entries with the given status
     */
    public List<Entry> withStatus(Status status) {
        return entries.stream().filter(e -> e.status() == status).toList();
    }

    /**
     * Returns the parts the local guard does not enforce.
     *
     * @return the parts the local guard does not enforce
     */
    public List<Entry> unsupported() {
        return withStatus(Status.UNSUPPORTED);
    }

    /** Returns a readable summary, one line per part, unsupported parts first. */
    @Override
    public String toString() {
        return entries.stream()
                .sorted((a, b) -> Boolean.compare(b.status() == Status.UNSUPPORTED, a.status() == Status.UNSUPPORTED))
                .map(e -> String.format("%-12s %s (%s): %s", e.status(), e.what(), e.path(), e.detail()))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
