package dev.guard4j.filters.pii;

/**
 * A cheap character test that tells where a recognizer's pattern could possibly match, so that
 * patterns run only in small regions around those characters instead of over the whole text.
 */
enum Trigger {
    /** Around ASCII digits: every numeric identifier has some. */
    DIGIT(40),
    /** Around a separator between two hex digits: MAC addresses, which may have no decimal digit. */
    HEX_SEPARATOR(20),
    /** The whole text, for patterns that carry their own fast anchor. */
    WHOLE_TEXT(0);

    private final int padding;

    Trigger(int padding) {
        this.padding = padding;
    }

    /** Returns how far around a trigger character a match may reach. */
    int padding() {
        return padding;
    }

    /** Returns whether the character at {@code i} triggers this kind of region. */
    boolean firesAt(String text, int i) {
        char c = text.charAt(i);
        switch (this) {
            case DIGIT:
                return c >= '0' && c <= '9';
            case HEX_SEPARATOR:
                return (c == ':' || c == '-' || c == '.') && i > 0 && i + 1 < text.length()
                        && isHex(text.charAt(i - 1)) && isHex(text.charAt(i + 1));
            default:
                return false;
        }
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
