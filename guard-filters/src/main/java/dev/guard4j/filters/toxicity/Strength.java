package dev.guard4j.filters.toxicity;

/**
 * How strongly a toxicity category is filtered, as in Amazon Bedrock Guardrails' content filters:
 * {@code HIGH} blocks the most (the lowest score threshold), {@code NONE} turns the category off.
 *
 * <p>Each category has its own {@code MEDIUM} threshold, chosen on a validation split that was not
 * trained on ({@link ToxicityFilter.Type#threshold(Strength)}); {@code LOW} and {@code HIGH} lie above and below it.
 */
public enum Strength {
    /** The category is not checked. */
    NONE,
    /** Blocks only text the model is very sure about. */
    LOW,
    /** The default balance: the threshold that scored best on the validation split. */
    MEDIUM,
    /** Blocks anything the model leans towards. */
    HIGH
}
