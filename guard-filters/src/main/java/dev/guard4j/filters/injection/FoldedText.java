package dev.guard4j.filters.injection;

/**
 * Text lower-cased and stripped of invisible characters, with a map back to the original offsets.
 *
 * <p>Folding keeps one output character per kept input character, so a span of the folded text
 * maps back through {@link #originalStart(int)} and {@link #originalEnd(int)}.
 */
record FoldedText(String text, int[] offsets, int originalLength, int invisibleCount) {

    static FoldedText fold(String original) {
        StringBuilder out = new StringBuilder(original.length());
        int[] offsets = new int[original.length() + 1];
        int invisible = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c == '\uDB40' && i + 1 < original.length() && original.charAt(i + 1) >= '\uDC00' && original.charAt(i + 1) <= '\uDC7F') {
                // a tag character (U+E0000-E007F): invisible, and able to spell out a hidden prompt
                invisible++;
                i++;
                continue;
            }
            if (isInvisible(c)) {
                invisible++;
                continue;
            }
            if (c >= '\uFF01' && c <= '\uFF5E') {
                // full-width ASCII look-alikes
                c = (char) (c - 0xFEE0);
            } else if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
                c = '\'';
            } else if (c == '\u201C' || c == '\u201D') {
                c = '"';
            } else if (c == '\u00A0' || c == '\u3000') {
                c = ' ';
            }
            offsets[out.length()] = i;
            out.append(Character.toLowerCase(c));
        }
        offsets[out.length()] = original.length();
        return new FoldedText(out.toString(), offsets, original.length(), invisible);
    }

    int originalStart(int foldedIndex) {
        return offsets[Math.min(foldedIndex, text.length())];
    }

    int originalEnd(int foldedEnd) {
        if (foldedEnd <= 0) {
            return 0;
        }
        return Math.min(originalLength, offsets[Math.min(foldedEnd, text.length()) - 1] + 1);
    }

    private static boolean isInvisible(char c) {
        return (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2064')
                || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF' || c == '\u00AD' || c == '\u180E';
    }
}
