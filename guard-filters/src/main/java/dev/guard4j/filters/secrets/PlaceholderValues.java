package dev.guard4j.filters.secrets;

/**
 * Recognises the filler people put where a secret goes ({@code ghp_xxxxxxxx…}, {@code ****…},
 * {@code abcdefghijklmnop…}): long runs of a filler character, of any one character, or of
 * consecutive characters.
 */
final class PlaceholderValues {

    /** A run of this many of a typical filler character (x, X, 0, *, #, .) is filler. */
    static final int FILLER_RUN = 10;
    /** A run of this many of any one character is filler, not randomness. */
    static final int SAME_RUN = 16;
    /** A run of this many consecutive characters (abcdef…, 123456…) is filler. */
    static final int SEQUENCE_RUN = 16;
    private static final String FILLER_CHARACTERS = "xX0*#.";

    private PlaceholderValues() {
    }

    /**
     * Returns whether the value, after its fixed prefix, is filler.
     *
     * @param value the matched value
     * @param prefixLength how many leading characters are the format's fixed prefix
     * @return {@code true} for filler
     */
    static boolean isFiller(String value, int prefixLength) {
        int same = 1;
        int sequence = 1;
        for (int i = prefixLength + 1; i < value.length(); i++) {
            char previous = Character.toLowerCase(value.charAt(i - 1));
            char current = Character.toLowerCase(value.charAt(i));
            char raw = value.charAt(i);
            same = raw == value.charAt(i - 1) ? same + 1 : 1;
            sequence = current == previous + 1 && Character.isLetterOrDigit(current) ? sequence + 1 : 1;
            if (same >= SAME_RUN || same >= FILLER_RUN && FILLER_CHARACTERS.indexOf(raw) >= 0 || sequence >= SEQUENCE_RUN) {
                return true;
            }
        }
        return false;
    }
}
