package dev.guard4j;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by a guarded model when a filter blocks the call: the stage, the filter, its reason and its findings.
 *
 * <p>The message names the stage, the filter and the reason, never the offending text.
 */
public class GuardBlockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where the call was blocked. */
    private final Stage stage;
    /** The filter that blocked it. */
    private final String filter;
    private final transient Verdict.Block verdict;
    /** The blocked call's id. */
    private final String callId;

    /**
     * Creates the exception.
     *
     * @param stage where the call was blocked
     * @param filter the name of the filter that blocked it
     * @param verdict the filter's verdict
     * @param callId the call's id
     */
    public GuardBlockedException(Stage stage, String filter, Verdict.Block verdict, String callId) {
        super(stage + " blocked by " + filter + ": " + verdict.reason());
        this.stage = Objects.requireNonNull(stage, "stage");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.verdict = verdict;
        this.callId = callId;
    }

    /**
     * Returns where the call was blocked.
     *
     * @return where the call was blocked
     */
    public Stage stage() {
        return stage;
    }

    /**
     * Returns the name of the filter that blocked the call.
     *
     * @return the name of the filter that blocked the call
     */
    public String filter() {
        return filter;
    }

    /**
     * Returns the filter's reason.
     *
     * @return the filter's reason
     */
    public String reason() {
        return verdict.reason();
    }

    /**
     * Returns the findings that caused the block.
     *
     * @return the findings that caused the block
     */
    public List<Finding> findings() {
        return verdict.findings();
    }

    /**
     * Returns the blocking verdict.
     *
     * @return the blocking verdict
     */
    public Verdict.Block verdict() {
        return verdict;
    }

    /**
     * Returns the id of the blocked call, as in its audit event.
     *
     * @return the id of the blocked call, as in its audit event
     */
    public String callId() {
        return callId;
    }
}
