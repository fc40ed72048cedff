package dev.guard4j.filters.classify;

import java.util.Objects;

/**
 * Scores long text in overlapping windows and keeps each model's highest window, so that an
 * instruction or an insult buried in a long document is not diluted by the text around it.
 *
 * <p>A text of at most {@code window + stride} characters is scored whole (as far as the models'
 * {@link FeatureSpec#maxChars()} reaches); a longer one in windows of {@code window} characters
 * starting every {@code stride} characters, the last window ending at the end of the text. The
 * work is linear in the text length: no window is copied, and models that share a feature layout
 * share one count of each window's n-grams.
 *
 * @param window the window length in characters, at least 16
 * @param stride the distance between window starts, in [1, window]
 */
public record ScoreWindows(int window, int stride) {

    /**
     * Checks that windows overlap or touch, so no text falls between two of them.
     *
     * @param window the window length in characters, at least 16
     * @param stride the distance between window starts, in [1, window]
     */
    public ScoreWindows {
        if (window < 16) {
            throw new IllegalArgumentException("window must be at least 16, was " + window);
        }
        if (stride < 1 || stride > window) {
            throw new IllegalArgumentException("stride must be in [1, window], was " + stride);
        }
    }

    /**
     * Returns the highest probability any window of a text gets from a model.
     *
     * @param model the model
     * @param normalisedText the text, normalised as the model expects
     * @return a probability in [0, 1]
     */
    public double highest(LinearModel model, String normalisedText) {
        return highest(normalisedText, model)[0];
    }

    /**
     * Returns, per model, the highest probability any window of a text gets from it.
     *
     * @param normalisedText the text, normalised as every model expects
     * @param models the models
     * @return one probability per model, in the same order
     */
    public double[] highest(String normalisedText, LinearModel... models) {
        Objects.requireNonNull(normalisedText, "normalisedText");
        double[] best = new double[models.length];
        FeatureBag[] bags = new FeatureBag[models.length];
        for (int m = 0; m < models.length; m++) {
            FeatureSpec spec = models[m].spec();
            for (int earlier = 0; earlier < m && bags[m] == null; earlier++) {
                if (models[earlier].spec().equals(spec)) {
                    bags[m] = bags[earlier];
                }
            }
            if (bags[m] == null) {
                bags[m] = new FeatureBag(spec);
            }
        }
        int length = normalisedText.length();
        if (length <= window + stride) {
            scoreRegion(normalisedText, 0, length, models, bags, best);
            return best;
        }
        for (int start = 0; start < length; start += stride) {
            int end = Math.min(length, start + window);
            scoreRegion(normalisedText, start, end, models, bags, best);
            if (end == length) {
                break;
            }
        }
        return best;
    }

    private static void scoreRegion(String text, int start, int end, LinearModel[] models, FeatureBag[] bags, double[] best) {
        for (int m = 0; m < models.length; m++) {
            boolean filled = false;
            for (int earlier = 0; earlier < m; earlier++) {
                filled |= bags[earlier] == bags[m];
            }
            if (!filled) {
                models[m].hasher().fill(bags[m], text, start, end);
            }
            best[m] = Math.max(best[m], models[m].score(bags[m]));
        }
    }
}
