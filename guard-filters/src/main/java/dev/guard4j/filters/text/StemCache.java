package dev.guard4j.filters.text;

import java.util.Arrays;

/**
 * Remembers the analysed forms of recent words, so the Lucene chain runs once per distinct word
 * rather than once per occurrence: prose repeats its words, and stemming each occurrence was a
 * large part of the word filter's cost.
 *
 * <p>The table is direct-mapped and bounded: a newer word overwrites an older one in its slot. It
 * is not thread-safe; {@link TextAnalyzer} keeps one per thread.
 */
final class StemCache {

    /** Longer words are rare and not worth keeping. */
    static final int MAX_WORD = 24;
    private static final int SLOTS = 4096;

    private final char[][] words = new char[SLOTS][];
    private final char[][] stems = new char[SLOTS][];

    /** Returns the remembered form of {@code word[from, from + length)}, or null. */
    char[] get(char[] word, int from, int length) {
        int slot = slot(word, from, length);
        char[] known = words[slot];
        if (known != null && Arrays.equals(known, 0, known.length, word, from, from + length)) {
            return stems[slot];
        }
        return null;
    }

    /** Remembers the analysed form of {@code word[from, from + length)}. */
    void put(char[] word, int from, int length, char[] stem, int stemLength) {
        if (length > MAX_WORD) {
            return;
        }
        int slot = slot(word, from, length);
        // the stem first: a reader on this thread never sees a word without its stem, and there is no other
        stems[slot] = Arrays.copyOf(stem, stemLength);
        words[slot] = Arrays.copyOfRange(word, from, from + length);
    }

    private static int slot(char[] word, int from, int length) {
        int hash = 0;
        for (int i = from, end = from + length; i < end; i++) {
            hash = 31 * hash + word[i];
        }
        hash ^= hash >>> 16;
        return hash & (SLOTS - 1);
    }
}
