package dev.guard4j.filters.words;

import java.util.Arrays;

/** The analysed words of one text, packed into one character array: no string per word. */
final class TermBuffer {

    char[] chars;
    int[] offsets;
    int[] lengths;
    int[] starts;
    int[] ends;
    int count;
    private int used;

    /** Sizes the buffer for a text of {@code textLength} characters, so that it seldom grows. */
    TermBuffer(int textLength) {
        // prose has a word every five or six characters; sized for a word every four
        int words = Math.max(16, textLength / 4);
        chars = new char[Math.max(64, textLength)];
        offsets = new int[words];
        lengths = new int[words];
        starts = new int[words];
        ends = new int[words];
    }

    void add(char[] term, int length, int start, int end) {
        if (count == offsets.length) {
            int size = count * 2;
            offsets = Arrays.copyOf(offsets, size);
            lengths = Arrays.copyOf(lengths, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
        }
        if (used + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
        }
        System.arraycopy(term, 0, chars, used, length);
        offsets[count] = used;
        lengths[count] = length;
        starts[count] = start;
        ends[count] = end;
        used += length;
        count++;
    }
}
