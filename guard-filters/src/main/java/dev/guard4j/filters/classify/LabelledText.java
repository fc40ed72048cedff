package dev.guard4j.filters.classify;

import java.util.Objects;

/**
 * One training example: a normalised text, its label and how much it counts.
 *
 * @param text the normalised text
 * @param positive the label
 * @param weight how much the example counts, greater than 0 (1 normally)
 */
public record LabelledText(String text, boolean positive, double weight) {

    /**
     * Checks the text and weight.
     *
     * @param text the normalised text
     * @param positive the label
     * @param weight how much the example counts, greater than 0 (1 normally)
     */
    public LabelledText {
        Objects.requireNonNull(text, "text");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be > 0, was " + weight);
        }
    }

    /**
     * Returns an example of weight 1.
     *
     * @param text the normalised text
     * @param positive the label
     * @return an example of weight 1
     */
    public static LabelledText of(String text, boolean positive) {
        return new LabelledText(text, positive, 1.0);
    }
}
