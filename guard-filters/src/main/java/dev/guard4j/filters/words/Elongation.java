package dev.guard4j.filters.words;

/** Spellings of a word with letters repeated for emphasis or evasion ("fuuuck", "kiiill") squeezed back. */
final class Elongation {

    private Elongation() {
    }

    /** Returns the word with runs of three or more equal letters cut to one and to two, or {@code null} when it has none. */
    static String[] variants(String term) {
        int n = term.length();
        boolean elongated = false;
        for (int i = 2; i < n; i++) {
            char c = term.charAt(i);
            if (c == term.charAt(i - 1) && c == term.charAt(i - 2)) {
                elongated = true;
                break;
            }
        }
        if (!elongated) {
            return null;
        }
        return new String[] {squeeze(term, 1), squeeze(term, 2)};
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
