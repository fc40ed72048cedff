package dev.guard4j.filters.classify;

import java.util.Arrays;

/**
 * Turns text into a hashed, L2-normalised bag of word and character n-grams (the hashing trick).
 *
 * <p>The text should already be normalised (lower case, folded); the hasher only splits it into
 * words (runs of letters and digits; each CJK ideograph or kana is a word of its own) and slides
 * character windows over it with whitespace collapsed. A feature's sign comes from its hash, so
 * that collisions cancel out rather than add up. Counting goes into a reusable {@link FeatureBag}
 * (a hash table of bucket counts), so neither a substring nor a sort is made per text. Thread-safe:
 * the hasher keeps no state, the bag does.
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

    /**
     * Returns the feature layout.
     *
     * @return the feature layout
     */
    public FeatureSpec spec() {
        return spec;
    }

    /**
     * Returns the features of a text.
     *
     * @param text normalised text; only the first {@link FeatureSpec#maxChars()} characters count
     * @return the L2-normalised sparse vector with ascending indices, empty for empty text
     */
    public SparseVector features(String text) {
        FeatureBag bag = new FeatureBag(spec);
        fill(bag, text, 0, text.length());
        long[] packed = new long[bag.size()];
        for (int k = 0; k < packed.length; k++) {
            // bucket in the high half, position in the low half: sorting orders by bucket
            packed[k] = (long) bag.bucket(k) << 32 | k;
        }
        Arrays.sort(packed);
        int[] indices = new int[packed.length];
        float[] values = new float[packed.length];
        for (int k = 0; k < packed.length; k++) {
            indices[k] = (int) (packed[k] >>> 32);
            values[k] = bag.value((int) packed[k]);
        }
        return new SparseVector(indices, values);
    }

    /**
     * Counts the features of {@code text[start, end)} into a bag, replacing what it held.
     *
     * <p>Gives the same features as {@code features(text.substring(start, end))} without copying:
     * one pass over the characters, the n-gram hashes extended a character at a time.
     *
     * @param bag the bag, made for this hasher's spec
     * @param text normalised text
     * @param start the first character
     * @param end one past the last character; only the first {@link FeatureSpec#maxChars()} from {@code start} count
     * @return the bag
     */
    public FeatureBag fill(FeatureBag bag, CharSequence text, int start, int end) {
        if (!bag.spec().equals(spec)) {
            throw new IllegalArgumentException("bag is for " + bag.spec() + ", hasher for " + spec);
        }
        if (start < 0 || end > text.length() || start > end) {
            throw new IndexOutOfBoundsException("region [" + start + ", " + end + ") of a text of " + text.length());
        }
        int length = collapseWhitespace(bag, text, start, Math.min(end, start + spec.maxChars()));
        // prose repeats about half its n-grams; size the table for that so it rarely regrows
        bag.clear(length * (spec.maxCharNgram() - Math.max(1, spec.minCharNgram()) + 1 + spec.maxWordNgram()) / 2);
        char[] chars = bag.chars;
        int minChar = spec.minCharNgram();
        if (minChar > 0) {
            int maxChar = spec.maxCharNgram();
            // one pass per start position extends the hash a character at a time, emitting every n-gram length in range
            for (int from = 0; from + minChar <= length; from++) {
                int h = CHAR_SEED;
                int to = Math.min(length, from + maxChar);
                for (int i = from; i < to; i++) {
                    h = (h ^ chars[i]) * 0x01000193;
                    int n = i - from + 1;
                    if (n >= minChar) {
                        bag.add(signedBucket(mix(h ^ n)));
                    }
                }
            }
        }
        addWordNgrams(bag, chars, length);
        bag.finish();
        return bag;
    }

    private void addWordNgrams(FeatureBag bag, char[] text, int length) {
        int maxWord = spec.maxWordNgram();
        int previous1 = 0;
        int previous2 = 0;
        int seen = 0;
        int i = 0;
        while (i < length) {
            int cp = Character.codePointAt(text, i, length);
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
                    int next = Character.codePointAt(text, i, length);
                    if (!Character.isLetterOrDigit(next) || isIdeographic(next)) {
                        break;
                    }
                    i += Character.charCount(next);
                }
            }
            int word = hash(text, start, i, WORD_SEED);
            bag.add(signedBucket(word));
            // emit the n-grams that end here, joining this word to the one or two before it
            int combined = word;
            if (maxWord >= 2 && seen >= 1) {
                combined = mix(combined * 31 + previous1);
                bag.add(signedBucket(combined ^ 0x9e3779b9));
                if (maxWord >= 3 && seen >= 2) {
                    combined = mix(combined * 31 + previous2);
                    bag.add(signedBucket(combined ^ (2 * 0x9e3779b9)));
                }
            }
            previous2 = previous1;
            previous1 = word;
            seen++;
        }
    }

    private int signedBucket(int hash) {
        int bucket = hash & mask;
        // the top bit decides the sign, independent of the bucket bits for bits <= 24
        return hash < 0 ? -(bucket + 1) : bucket + 1;
    }

    /**
     * Writes {@code text[start, end)} into the bag's scratch with whitespace runs collapsed to one
     * space and a space at each end, so that word-boundary n-grams exist at the edges.
     */
    private static int collapseWhitespace(FeatureBag bag, CharSequence text, int start, int end) {
        if (bag.chars.length < end - start + 2) {
            bag.chars = new char[end - start + 2];
        }
        char[] out = bag.chars;
        int length = 0;
        out[length++] = ' ';
        boolean space = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    out[length++] = ' ';
                    space = true;
                }
            } else {
                out[length++] = c;
                space = false;
            }
        }
        if (!space) {
            out[length++] = ' ';
        }
        return length;
    }

    private static boolean isIdeographic(int cp) {
        if (cp < 0x0E00) {
            // below Thai, the first of these scripts: spares the script lookup for Latin, Cyrillic, Greek and Arabic
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }

    private static int hash(char[] text, int start, int end, int seed) {
        int h = seed;
        for (int i = start; i < end; i++) {
            h = (h ^ text[i]) * 0x01000193;
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
