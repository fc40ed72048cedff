package dev.guard4j.filters.text;

import java.util.Arrays;

/** A growing character buffer in which every character remembers the span of the original text it came from. */
final class MappedBuffer {

    char[] chars;
    int[] starts;
    int[] ends;
    int length;
    /** Whether any character appended is outside ASCII: passes that only concern other scripts skip otherwise. */
    boolean nonAscii;

    MappedBuffer(int capacity) {
        int size = Math.max(16, capacity);
        chars = new char[size];
        starts = new int[size];
        ends = new int[size];
    }

    void append(char c, int start, int end) {
        if (length == chars.length) {
            int size = chars.length * 2;
            chars = Arrays.copyOf(chars, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
        }
        chars[length] = c;
        nonAscii |= c >= 0x80;
        starts[length] = start;
        ends[length] = end;
        length++;
    }

    /** Appends a space, or widens the previous space when there is one, so that runs of blanks become one. */
    void appendSpace(int start, int end) {
        if (length > 0 && chars[length - 1] == ' ') {
            extendLast(end);
        } else {
            append(' ', start, end);
        }
    }

    /** Makes the last character also cover the original text up to {@code end} (for dropped marks). */
    void extendLast(int end) {
        if (length > 0 && ends[length - 1] < end) {
            ends[length - 1] = end;
        }
    }

    char last() {
        return length == 0 ? '\0' : chars[length - 1];
    }
}
