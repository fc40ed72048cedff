package dev.guard4j.filters.classify;

/**
 * How text becomes features: the number of hash buckets and the word and character n-gram ranges.
 *
 * @param bits log2 of the number of hash buckets, 10 to 24
 * @param maxWordNgram the longest word n-gram, 1 to 3
 * @param minCharNgram the shortest character n-gram, 1 to 8, or 0 for none
 * @param maxCharNgram the longest character n-gram, at least {@code minCharNgram}, at most 8
 * @param maxChars how many characters of a text are turned into features; the rest is ignored
 */
public record FeatureSpec(int bits, int maxWordNgram, int minCharNgram, int maxCharNgram, int maxChars) {

    /**
     * Checks every range at once, naming the value that was given.
     *
     * @param bits log2 of the number of hash buckets, 10 to 24
     * @param maxWordNgram the longest word n-gram, 1 to 3
     * @param minCharNgram the shortest character n-gram, 1 to 8, or 0 for none
     * @param maxCharNgram the longest character n-gram, at least {@code minCharNgram}, at most 8
     * @param maxChars how many characters of a text are turned into features; the rest is ignored
     */
    public FeatureSpec {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("bits must be in [10, 24], was " + bits);
        }
        if (maxWordNgram < 1 || maxWordNgram > 3) {
            throw new IllegalArgumentException("maxWordNgram must be in [1, 3], was " + maxWordNgram);
        }
        if (minCharNgram < 0 || minCharNgram > 8 || maxCharNgram < minCharNgram || maxCharNgram > 8) {
            throw new IllegalArgumentException("char n-gram range must satisfy 0 <= min <= max <= 8, was [" + minCharNgram + ", " + maxCharNgram + "]");
        }
        if (maxChars < 16) {
            throw new IllegalArgumentException("maxChars must be at least 16, was " + maxChars);
        }
    }

    /**
     * Returns the spec the shipped models use: 2^18 buckets, word 1-2-grams, character 3-5-grams, 6000 characters.
     *
     * @return the spec the shipped models use: 2^18 buckets, word 1-2-grams, character 3-5-grams, 6000 characters
     */
    public static FeatureSpec ofDefaults() {
        return new FeatureSpec(18, 2, 3, 5, 6000);
    }

    /**
     * Returns the number of hash buckets.
     *
     * @return the number of hash buckets
     */
    public int dimension() {
        return 1 << bits;
    }
}
