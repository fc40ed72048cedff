package dev.guard4j.filters.text;

/**
 * Lower-case Cyrillic, Greek, Armenian and Latin-extension letters that look like an ASCII
 * letter, and the letter they imitate.
 *
 * <p>Full-width and mathematical letters need no entry: NFKC folds them already.
 */
final class Confusables {

    private static final char NONE = 0;
    private static final int FIRST = 0x01C0;
    private static final int LAST = 0x0586;
    private static final char[] TABLE = new char[LAST - FIRST + 1];

    static {
        // Latin extensions (IPA) that pass for ASCII
        put('\u0251', 'a');
        put('\u0261', 'g');
        put('\u0269', 'i');
        put('\u026A', 'i');
        put('\u0280', 'r');
        put('\u028F', 'y');
        put('\u01C0', 'l');
        // Greek
        put('\u03B1', 'a');
        put('\u03B2', 'b');
        put('\u03B3', 'y');
        put('\u03B5', 'e');
        put('\u03B7', 'n');
        put('\u03B9', 'i');
        put('\u03BA', 'k');
        put('\u03BC', 'u');
        put('\u03BD', 'v');
        put('\u03BF', 'o');
        put('\u03C1', 'p');
        put('\u03C2', 'c');
        put('\u03C4', 't');
        put('\u03C5', 'u');
        put('\u03C7', 'x');
        put('\u03C9', 'w');
        put('\u03F2', 'c');
        put('\u03F3', 'j');
        // Cyrillic
        put('\u0430', 'a');
        put('\u0432', 'b');
        put('\u0435', 'e');
        put('\u0450', 'e');
        put('\u0451', 'e');
        put('\u0433', 'r');
        put('\u043A', 'k');
        put('\u043C', 'm');
        put('\u043D', 'h');
        put('\u043E', 'o');
        put('\u0440', 'p');
        put('\u0441', 'c');
        put('\u0442', 't');
        put('\u0443', 'y');
        put('\u0445', 'x');
        put('\u0455', 's');
        put('\u0456', 'i');
        put('\u0457', 'i');
        put('\u0458', 'j');
        put('\u04BB', 'h');
        put('\u04CF', 'l');
        put('\u0501', 'd');
        put('\u051B', 'q');
        put('\u051D', 'w');
        put('\u0461', 'w');
        put('\u0475', 'v');
        put('\u04AF', 'y');
        put('\u0493', 'f');
        // Armenian
        put('\u0561', 'w');
        put('\u0563', 'q');
        put('\u0566', 'q');
        put('\u0570', 'h');
        put('\u0578', 'n');
        put('\u057C', 'n');
        put('\u057D', 'u');
        put('\u0581', 'g');
        put('\u0584', 'f');
        put('\u0585', 'o');
    }

    private Confusables() {
    }

    private static void put(char from, char to) {
        TABLE[from - FIRST] = to;
    }

    /** Returns the ASCII letter that {@code c} imitates, or {@code 0} when it imitates none. */
    static char asciiFor(char c) {
        if (c >= FIRST && c <= LAST) {
            return TABLE[c - FIRST];
        }
        return NONE;
    }
}
