package dev.guard4j.filters.text;

/** A bound the normaliser reached, so that part of the text was not normalised or decoded in full. */
public enum NormalizationLimit {
    /** The text was longer than the normaliser's input cap; only its beginning was normalised. */
    INPUT_TRUNCATED,
    /** An encoded layer held another encoded layer deeper than the depth cap; the deepest was not decoded. */
    DECODE_DEPTH,
    /** The decoded layers together reached the size cap; the rest was not decoded. */
    DECODE_SIZE,
    /** The text held more encoded runs than the layer cap; the rest were not decoded. */
    DECODE_COUNT,
    /** A character carried an unusually long stack of combining marks ("Zalgo" text); the marks were dropped. */
    COMBINING_MARKS
}
