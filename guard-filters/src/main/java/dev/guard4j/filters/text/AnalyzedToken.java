package dev.guard4j.filters.text;

import java.util.Objects;

/**
 * One word of an analysed text: its analysed form and where it is in the original text.
 *
 * @param term the analysed form: lower-cased, ASCII-folded and stemmed
 * @param start where the word starts in the original text
 * @param end where the word ends in the original text, exclusive
 */
public record AnalyzedToken(String term, int start, int end) {

    /**
     * Checks the parts.
     *
     * @param term the analysed form: lower-cased, ASCII-folded and stemmed
     * @param start where the word starts in the original text
     * @param end where the word ends in the original text, exclusive
     */
    public AnalyzedToken {
        Objects.requireNonNull(term, "term");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, was [" + start + ", " + end + ")");
        }
    }
}
