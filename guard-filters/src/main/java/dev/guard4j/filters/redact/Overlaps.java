package dev.guard4j.filters.redact;

import dev.guard4j.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves overlapping findings deterministically, so that each character is claimed by at most one finding.
 *
 * <p>Among overlapping findings the one with the higher score wins, then the longer span, then
 * the earlier start; the remaining ties are broken by category and detector name, so the
 * result never depends on the order the detectors ran in.
 */
public final class Overlaps {

    /** The order in which findings claim their span: the first to claim it keeps it. */
    static final Comparator<Finding> PRECEDENCE = Comparator
            .comparingDouble(Finding::score).reversed()
            .thenComparing(Comparator.comparingInt(Finding::length).reversed())
            .thenComparingInt(Finding::start)
            .thenComparing(Finding::category)
            .thenComparing(Finding::detector);

    private Overlaps() {
    }

    /**
     * Returns the findings that survive overlap resolution, ordered by start.
     *
     * @param findings findings over one text, in any order; empty spans are dropped
     * @return non-overlapping findings sorted by start
     */
    public static List<Finding> resolve(List<Finding> findings) {
        if (findings.isEmpty()) {
            return List.of();
        }
        List<Finding> byPrecedence = new ArrayList<>(findings);
        byPrecedence.sort(PRECEDENCE);
        // kept spans never overlap each other, so the neighbours by start are the only possible clashes
        TreeMap<Integer, Finding> kept = new TreeMap<>();
        for (Finding candidate : byPrecedence) {
            if (candidate.length() == 0) {
                continue;
            }
            Map.Entry<Integer, Finding> before = kept.floorEntry(candidate.start());
            if (before != null && before.getValue().end() > candidate.start()) {
                continue;
            }
            Map.Entry<Integer, Finding> after = kept.ceilingEntry(candidate.start());
            if (after != null && after.getKey() < candidate.end()) {
                continue;
            }
            kept.put(candidate.start(), candidate);
        }
        return List.copyOf(kept.values());
    }
}
