package dev.guard4j.filters.observe;

import dev.guard4j.AuditEvent;
import dev.guard4j.FilterResult;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** What the observability hooks report about a call, derived once from its {@link AuditEvent}: never any text. */
final class EventSummary {

    private EventSummary() {
    }

    /** Returns the filter result that stopped the call (a block or a failure), or {@code null}. */
    static FilterResult blockingFilter(AuditEvent event) {
        for (FilterResult result : event.filters()) {
            if (result.verdict() == Verdict.Kind.BLOCK) {
                return result;
            }
        }
        return null;
    }

    /** Returns the distinct finding categories, sorted. */
    static List<String> categories(AuditEvent event) {
        TreeSet<String> categories = new TreeSet<>();
        for (Finding finding : event.findings()) {
            categories.add(finding.category());
        }
        return List.copyOf(categories);
    }

    /** Returns one {@code filter@STAGE=VERDICT} per filter result, in the order they ran. */
    static List<String> verdicts(AuditEvent event) {
        return event.filters().stream()
                .map(result -> result.filter() + "@" + result.stage() + "=" + result.verdict()
                        + (result.error() != null ? "!error" : ""))
                .toList();
    }

    /** Returns the duration in milliseconds, without overflow for absurd durations. */
    static double millis(java.time.Duration duration) {
        return duration.getSeconds() * 1000.0 + duration.getNano() / 1_000_000.0;
    }

    /** Returns a low-cardinality provider name: the given one lower-cased, or {@code unknown}. */
    static String provider(AuditEvent event) {
        return event.provider() == null ? "unknown" : event.provider().toLowerCase(Locale.ROOT);
    }
}
