package dev.guard4j;

import java.util.List;

/**
 * The result of running a guard's filters over one piece of text outside a model call.
 *
 * @param verdict the combined verdict: the block if a filter blocked, a rewrite with the final
 *     text if any filter rewrote, a pass otherwise; it carries every filter's findings
 * @param results each filter's own result, in the order they ran
 */
public record Inspection(Verdict verdict, List<FilterResult> results) {

    /**
     * Copies the results into an immutable list.
     *
     * @param verdict the combined verdict: the block if a filter blocked, a rewrite with the final
     * @param results each filter's own result, in the order they ran
     */
    public Inspection {
        java.util.Objects.requireNonNull(verdict, "verdict");
        results = List.copyOf(results);
    }
}
