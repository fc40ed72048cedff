package dev.guard4j.filters.classify;

import java.util.Arrays;

/**
 * Turns text into a hashed, L2-normalised bag of word and character n-grams (the hashing trick).
 *
 * <p>The text should already be normalised (lower case, folded); the hasher only splits it into
 * words (runs of letters and digits; each CJK ideograph or kana is a word of its own) and slides
 * character windows over it with whitespace collapsed. A feature's sign comes from its hash, so
 * that collisions cancel out rather than add up. Thread-safe and allocation-light.
 */
public final class FeatureHasher {

    private static final int WORD_SEED = 0x5bd1e995;
    private static final int CHAR_SEED = 0x1b873593;

    private final FeatureSpec spec;
    private final int mask;

    /**
     * Creates a hasher.
     *
     * @param spec the feature layout
     */
    public FeatureHasher(FeatureSpec spec) {
        this.spec = spec;
        this.mask = spec.dimension() - 1;
    }

    /** Returns the feature layout. */
    public FeatureSpec spec() {
        return spec;
    }

    /**
     * Returns the features of a text.
     *
     * @param text normalised text; only the first {@link FeatureSpec#maxChars()} characters count
     * @return the L2-normalised sparse vector, empty for empty text
     */
    public SparseVector features(String text) {
        String clipped = collapseWhitespace(text, spec.maxChars());
        int length = clipped.length();
        int capacity = 16 + length * (spec.maxCharNgram() - Math.max(1, spec.minCharNgram()) + 1 + spec.maxWordNgram());
        long[] keys = new long[capacity];
        int count = 0;
        if (spec.minCharNgram() > 0) {
            // one pass per start position extends the hash a character at a time, emitting every n-gram length in range
            for (int start = 0; start + spec.minCharNgram() <= length; start++) {
                int h = CHAR_SEED;
                int end = Math.min(length, start + spec.maxCharNgram());
                for (int i = start; i < end; i++) {
                    h = (h ^ clipped.charAt(i)) * 0x01000193;
                    int n = i - start + 1;
                    if (n >= spec.minCharNgram()) {
                        keys[count++] = signedBucket(mix(h ^ n));
                    }
                }
            }
        }
        count = addWordNgrams(clipped, keys, count);
        return aggregate(keys, count);
    }

    private int addWordNgrams(String text, long[] keys, int count) {
        int[] previous = new int[spec.maxWordNgram()];
        int seen = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp)) {
                i += width;
                continue;
            }
            int start = i;
            if (isIdeographic(cp)) {
                i += width;
            } else {
                while (i < length) {
                    int next = text.codePointAt(i);
                    if (!Character.isLetterOrDigit(next) || isIdeographic(next)) {
                        break;
                    }
                    i += Character.charCount(next);
                }
            }
            int word = hash(text, start, i, WORD_SEED);
            keys[count++] = signedBucket(word);
            // shift the window of previous words and emit the n-grams that end here
            int combined = word;
            for (int n = 1; n < spec.maxWordNgram() && n <= seen; n++) {
                combined = mix(combined * 31 + previous[n - 1]);
                keys[count++] = signedBucket(combined ^ (n * 0x9e3779b9));
            }
            for (int k = previous.length - 1; k > 0; k--) {
                previous[k] = previous[k - 1];
            }
            previous[0] = word;
            seen++;
        }
        return count;
    }

    private long signedBucket(int hash) {
        int bucket = hash & mask;
        // the top bit decides the sign, independent of the bucket bits for bits <= 24
        return hash < 0 ? -(bucket + 1L) : bucket + 1L;
    }

    private static SparseVector aggregate(long[] keys, int count) {
        if (count == 0) {
            return new SparseVector(new int[0], new float[0]);
        }
        long[] buckets = new long[count];
        for (int k = 0; k < count; k++) {
            long key = keys[k];
            long bucket = Math.abs(key) - 1;
            // pack bucket and sign so that sorting groups equal buckets together
            buckets[k] = (bucket << 1) | (key < 0 ? 1 : 0);
        }
        Arrays.sort(buckets);
        int[] indices = new int[count];
        float[] values = new float[count];
        int size = 0;
        for (int k = 0; k < count; k++) {
            int bucket = (int) (buckets[k] >>> 1);
            float sign = (buckets[k] & 1) == 1 ? -1f : 1f;
            if (size > 0 && indices[size - 1] == bucket) {
                values[size - 1] += sign;
            } else {
                indices[size] = bucket;
                values[size] = sign;
                size++;
            }
        }
        double norm = 0;
        for (int k = 0; k < size; k++) {
            // sublinear term frequency: a word said fifty times is not fifty times the evidence
            float v = values[k];
            float damped = v == 0 ? 0 : (float) (Math.signum(v) * (1 + Math.log(Math.abs(v))));
            values[k] = damped;
            norm += damped * damped;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < size; k++) {
            values[k] *= scale;
        }
        return new SparseVector(Arrays.copyOf(indices, size), Arrays.copyOf(values, size));
    }

    private static String collapseWhitespace(String text, int maxChars) {
        int end = Math.min(text.length(), maxChars);
        StringBuilder out = new StringBuilder(end + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
        if (!space) {
            out.append(' ');
        }
        return out.toString();
    }

    private static boolean isIdeographic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }

    private static int hash(String text, int start, int end, int seed) {
        int h = seed;
        for (int i = start; i < end; i++) {
            h = (h ^ text.charAt(i)) * 0x01000193;
        }
        return mix(h ^ (end - start));
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
