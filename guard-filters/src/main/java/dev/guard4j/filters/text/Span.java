package dev.guard4j.filters.text;

/**
 * A range of UTF-16 positions in a text, {@code start} inclusive and {@code end} exclusive.
 *
 * @param start the first position, inclusive
 * @param end the end, exclusive
 */
public record Span(int start, int end) {

    /**
     * Checks that {@code 0 <= start <= end}.
     *
     * @param start the first position, inclusive
     * @param end the end, exclusive
     */
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, was [" + start + ", " + end + ")");
        }
    }

    /**
     * Returns the number of positions the span covers.
     *
     * @return the number of positions the span covers
     */
    public int length() {
        return end - start;
    }
}
