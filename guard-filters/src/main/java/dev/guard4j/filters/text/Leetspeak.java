package dev.guard4j.filters.text;

/** The digits and symbols that leetspeak writes for letters, and the letter each stands for. */
final class Leetspeak {

    private Leetspeak() {
    }

    private static final char[] LETTERS = new char[128];

    static {
        LETTERS['0'] = 'o';
        LETTERS['1'] = 'i';
        LETTERS['!'] = 'i';
        LETTERS['3'] = 'e';
        LETTERS['4'] = 'a';
        LETTERS['@'] = 'a';
        LETTERS['5'] = 's';
        LETTERS['$'] = 's';
        LETTERS['7'] = 't';
        LETTERS['|'] = 'l';
    }

    /** Returns the letter that {@code c} stands for in leetspeak, or {@code 0}. */
    static char letterFor(char c) {
        return c < 128 ? LETTERS[c] : 0;
    }
}
