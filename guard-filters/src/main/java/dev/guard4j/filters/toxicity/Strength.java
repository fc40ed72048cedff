package dev.guard4j.filters.toxicity;

/**
 * How strongly a toxicity category is filtered, as in Amazon Bedrock Guardrails' content filters:
 * {@code HIGH} blocks the most (the lowest score threshold), {@code NONE} turns the category off.
 */
public enum Strength {
    /** The category is not checked. */
    NONE(Double.NaN),
    /** Blocks only text the model is very sure about. */
    LOW(0.85),
    /** The default balance. */
    MEDIUM(0.7),
    /** Blocks anything the model leans towards. */
    HIGH(0.5);

    private final double threshold;

    Strength(double threshold) {
        this.threshold = threshold;
    }

    /** Returns the model probability at or above which text is blocked; NaN for {@link #NONE}. */
    public double threshold() {
        return threshold;
    }
}
