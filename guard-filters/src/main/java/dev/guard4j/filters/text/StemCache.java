package dev.guard4j.filters.text;

import java.util.Arrays;

/**
 * Remembers the analysed forms of recent words, so the Lucene chain runs once per distinct word
 * rather than once per occurrence: prose repeats its words, and stemming each occurrence was a
 * large part of the word filter's cost.
 *
 * <p>The table is two-way set-associative and bounded: a newer word pushes out the older of its pair. It
 * is not thread-safe; {@link TextAnalyzer} keeps one per thread.
 */
final class StemCache {

    /** Longer words are rare and not worth keeping. */
    static final int MAX_WORD = 24;
    private static final int SLOTS = 4096;

    private final char[][] words = new char[SLOTS][];
    private final char[][] stems = new char[SLOTS][];

    /** Returns the remembered form of {@code word[from, from + length)}, or null. */
    char[] get(char[] word, int from, int length, int hash) {
        int slot = slot(hash);
        if (matches(slot, word, from, length)) {
            return stems[slot];
        }
        if (matches(slot + 1, word, from, length)) {
            return stems[slot + 1];
        }
        return null;
    }

    /**
     * Remembers the analysed form of {@code word[from, from + length)}. Each word has two slots
     * side by side, the newer word in the first: two frequent words that share a slot would
     * otherwise evict each other on every occurrence.
     */
    void put(char[] word, int from, int length, int hash, char[] stem, int stemLength) {
        if (length > MAX_WORD) {
            return;
        }
        int slot = slot(hash);
        words[slot + 1] = words[slot];
        stems[slot + 1] = stems[slot];
        stems[slot] = Arrays.copyOf(stem, stemLength);
        words[slot] = Arrays.copyOfRange(word, from, from + length);
    }

    private boolean matches(int slot, char[] word, int from, int length) {
        char[] known = words[slot];
        if (known == null || known.length != length) {
            return false;
        }
        // a plain loop: words are short, too short for the vectorised comparison to pay off
        for (int i = 0; i < length; i++) {
            if (known[i] != word[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the hash of {@code word[from, from + length)} that {@link #get} and {@link #put} take: String's. */
    static int hash(char[] word, int from, int length) {
        int hash = 0;
        for (int i = from, end = from + length; i < end; i++) {
            hash = 31 * hash + word[i];
        }
        return hash;
    }

    /** Returns the first of the word's two slots (an even index). */
    private static int slot(int hash) {
        // spread the high bits into the low ones, which pick the slot
        int mixed = hash * 0x9E3779B9;
        mixed ^= mixed >>> 15;
        return (mixed & (SLOTS / 2 - 1)) << 1;
    }
}
