package dev.guard4j.filters.words;

/** Spellings of a word with letters repeated for emphasis or evasion ("fuuuck", "kiiill") squeezed back. */
final class Elongation {

    private Elongation() {
    }

    private static final String[] NONE = new String[0];

    /** Returns the word with runs of three or more equal letters cut to one and to two; empty when it has none. */
    static String[] variants(char[] chars, int offset, int length) {
        for (int i = offset + 2; i < offset + length; i++) {
            char c = chars[i];
            if (c == chars[i - 1] && c == chars[i - 2]) {
                String term = new String(chars, offset, length);
                return new String[] {squeeze(term, 1), squeeze(term, 2)};
            }
        }
        return NONE;
    }

    /** Cuts every run of three or more equal letters to {@code keep}; shorter runs ("ll" in "kill") stay. */
    private static String squeeze(String term, int keep) {
        StringBuilder out = new StringBuilder(term.length());
        int i = 0;
        int n = term.length();
        while (i < n) {
            char c = term.charAt(i);
            int run = 1;
            while (i + run < n && term.charAt(i + run) == c) {
                run++;
            }
            int kept = run >= 3 ? keep : run;
            for (int k = 0; k < kept; k++) {
                out.append(c);
            }
            i += run;
        }
        return out.toString();
    }
}
