package dev.guard4j.filters.text;

/** How a hidden layer of text was encoded in the text that carried it. */
public enum Encoding {
    /** Base64, standard or URL-safe alphabet, padded or not. */
    BASE64,
    /** Hexadecimal byte pairs, contiguous ({@code 69676e6f7265}), {@code 0x}-prefixed or space-separated. */
    HEX,
    /** Percent-encoding ({@code %69%67}). */
    URL,
    /** Escapes: {@code \}{@code uXXXX}, {@code \xHH} and HTML numeric entities ({@code &#105;}, {@code &#x69;}). */
    ESCAPE,
    /** ROT13 letter rotation, detected when the rotated text reads as English and the text itself does not. */
    ROT13,
    /** Unicode tag characters (U+E0020 to U+E007E), invisible copies of ASCII. */
    TAG_CHARACTERS
}
