package dev.guard4j.filters.text;

/** The digits and symbols that leetspeak writes for letters, and the letter each stands for. */
final class Leetspeak {

    private Leetspeak() {
    }

    /** Returns the letter that {@code c} stands for in leetspeak, or {@code 0}. */
    static char letterFor(char c) {
        switch (c) {
            case '0':
                return 'o';
            case '1':
            case '!':
                return 'i';
            case '3':
                return 'e';
            case '4':
            case '@':
                return 'a';
            case '5':
            case '$':
                return 's';
            case '7':
                return 't';
            case '|':
                return 'l';
            default:
                return 0;
        }
    }
}
