package dev.guard4j;

import java.util.Objects;

/**
 * One thing a detector found in a piece of text: which detector, what category, where, and how sure.
 *
 * <p>Spans are UTF-16 offsets into the text the filter was given ({@code start} inclusive,
 * {@code end} exclusive). A finding about the text as a whole (a filter failure, a classifier
 * score) spans the whole text, or is empty ({@code start == end == 0}) when there is no text.
 * A finding never holds the matched text itself, so findings are safe to log and audit.
 *
 * @param detector the detector or rule that produced it, such as {@code "pii.email"} or {@code "aws-access-key"}
 * @param category the category in Guard4j's vocabulary, such as {@code EMAIL}, {@code SECRET} or {@code PROMPT_INJECTION}
 * @param start the first character of the span, inclusive
 * @param end the end of the span, exclusive
 * @param score how sure the detector is, from 0 to 1
 */
public record Finding(String detector, String category, int start, int end, double score) {

    /**
     * Checks the finding at once, naming what was wrong and what was given.
     *
     * @param detector the detector or rule that produced it
     * @param category the category
     * @param start the first character of the span, inclusive
     * @param end the end of the span, exclusive
     * @param score how sure the detector is, from 0 to 1
     */
    public Finding {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(category, "category");
        if (detector.isBlank()) {
            throw new IllegalArgumentException("detector must not be blank");
        }
        if (category.isBlank()) {
            throw new IllegalArgumentException("category must not be blank");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, was [" + start + ", " + end + ")");
        }
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
    }

    /**
     * Returns a finding about a whole text of the given length.
     *
     * @param detector the detector or rule that produced it
     * @param category the category
     * @param length the length of the text
     * @param score how sure the detector is, from 0 to 1
     * @return a finding spanning {@code [0, length)}
     */
    public static Finding ofWhole(String detector, String category, int length, double score) {
        return new Finding(detector, category, 0, length, score);
    }

    /**
     * Returns the number of characters the finding spans.
     *
     * @return the number of characters the finding spans
     */
    public int length() {
        return end - start;
    }

    /**
     * Returns this finding with its span moved by {@code delta} characters.
     *
     * @param delta how far to move the span; the result must not start before 0
     * @return the moved finding
     */
    public Finding shifted(int delta) {
        return delta == 0 ? this : new Finding(detector, category, start + delta, end + delta, score);
    }

    /**
     * Returns whether this finding's span overlaps the other's.
     *
     * @param other the other
     * @return whether this finding's span overlaps the other's
     */
    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
