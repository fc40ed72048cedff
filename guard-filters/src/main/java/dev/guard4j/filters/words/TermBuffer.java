package dev.guard4j.filters.words;

import java.util.Arrays;

/** The analysed words of one text, packed into one character array: no string per word. */
final class TermBuffer {

    char[] chars = new char[1024];
    int[] offsets = new int[128];
    int[] lengths = new int[128];
    int[] starts = new int[128];
    int[] ends = new int[128];
    int count;
    private int used;

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
