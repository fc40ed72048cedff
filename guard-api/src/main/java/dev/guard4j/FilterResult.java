package dev.guard4j;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one filter decided about one piece of a call, for the audit trail.
 *
 * <p>Holds no text: the findings carry categories, spans and scores only.
 *
 * @param stage input or output
 * @param filter the filter's name
 * @param source what kind of text it inspected
 * @param messageIndex the index of the inspected message in the request, or -1 for output
 * @param verdict what the filter decided
 * @param reason the block reason, or {@code null}
 * @param findings what the filter found
 * @param latency how long the filter took (zero when the verdict came from the memo)
 * @param memoised whether the verdict was reused from an earlier identical text
 * @param error why the filter failed (threw, returned null, timed out), or {@code null}
 */
public record FilterResult(
        Stage stage,
        String filter,
        Content.Source source,
        int messageIndex,
        Verdict.Kind verdict,
        String reason,
        List<Finding> findings,
        Duration latency,
        boolean memoised,
        String error) {

    /**
     * Checks the required parts and copies the findings into an immutable list.
     *
     * @param stage input or output
     * @param filter the filter's name
     * @param source what kind of text it inspected
     * @param messageIndex the index of the inspected message in the request, or -1 for output
     * @param verdict what the filter decided
     * @param reason the block reason, or {@code null}
     * @param findings what the filter found
     * @param latency how long the filter took (zero when the verdict came from the memo)
     * @param memoised whether the verdict was reused from an earlier identical text
     * @param error why the filter failed (threw, returned null, timed out), or {@code null}
     */
    public FilterResult {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(latency, "latency");
        findings = List.copyOf(findings);
    }
}
