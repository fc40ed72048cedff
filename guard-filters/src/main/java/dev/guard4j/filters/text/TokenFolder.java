package dev.guard4j.filters.text;

import java.util.Set;

/**
 * The word pass of normalisation, over the output of {@link CharacterFolder}: look-alike letters
 * folded in words that mix scripts, letters spelled out with separators joined, and leetspeak
 * folded inside words that have letters.
 */
final class TokenFolder {

    /** Fewer spelled-out letters than this are left alone ("e.g.", "a b"). */
    private static final int MIN_SPELLED_LETTERS = 3;
    /** A gap between spelled-out letters is at most this long in the original ("i - g"). */
    private static final int MAX_GAP = 3;

    /** Suffixes after a number that make it a measure, a time or an ordinal rather than leetspeak. */
    private static final Set<String> UNITS = Set.of(
            "am", "pm", "st", "nd", "rd", "th", "kg", "km", "cm", "mm", "ml", "mg", "gb", "mb", "kb", "tb", "hz",
            "khz", "mhz", "ghz", "ms", "px", "pt", "em", "in", "ft", "lb", "lbs", "oz", "hr", "hrs", "min", "sec",
            "yr", "yrs", "mo", "wk", "bn", "mn", "eur", "usd", "gbp", "mph", "kph", "kmh", "fps", "dpi", "cc",
            "kw", "kwh", "mw", "ma", "mah", "v", "x");

    private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
        }
    }

    private TokenFolder() {
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? ASCII_LETTER_OR_DIGIT[c] : Character.isLetterOrDigit(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' : Character.isLetter(c);
    }

    /** Returns the folded buffer; {@code in} is changed in place and may be returned. */
    static MappedBuffer fold(MappedBuffer in) {
        foldConfusables(in);
        MappedBuffer joined = joinSpelledOut(in);
        foldLeetspeak(joined);
        return joined;
    }

    // ---- look-alikes -------------------------------------------------------------------------

    static void foldConfusables(MappedBuffer b) {
        if (!b.nonAscii) {
            return;
        }
        char[] c = b.chars;
        int n = b.length;
        int latinLetters = 0;
        int otherLetters = 0;
        boolean anyConfusable = false;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch >= 'a' && ch <= 'z') {
                latinLetters++;
            } else if (ch >= 0x80 && Character.isLetter(ch)) {
                otherLetters++;
                anyConfusable |= Confusables.asciiFor(ch) != 0;
            }
        }
        if (!anyConfusable) {
            return;
        }
        boolean mostlyLatin = latinLetters > otherLetters;
        int i = 0;
        while (i < n) {
            if (!isLetterOrDigit(c[i])) {
                i++;
                continue;
            }
            int start = i;
            int latin = 0;
            int confusable = 0;
            int other = 0;
            while (i < n && isLetterOrDigit(c[i])) {
                char ch = c[i];
                if (ch >= 'a' && ch <= 'z') {
                    latin++;
                } else if (Confusables.asciiFor(ch) != 0) {
                    confusable++;
                } else if (isLetter(ch)) {
                    other++;
                }
                i++;
            }
            // a Russian word stays Russian; a word that mixes scripts, or one made only of
            // look-alikes in Latin text, is a spoof
            if (confusable > 0 && (latin > 0 || other == 0 && mostlyLatin)) {
                for (int k = start; k < i; k++) {
                    char ascii = Confusables.asciiFor(c[k]);
                    if (ascii != 0) {
                        c[k] = ascii;
                    }
                }
            }
        }
    }

    // ---- spelled-out words -------------------------------------------------------------------

    static boolean isWordChar(char ch) {
        return isLetterOrDigit(ch) || ch == '@' || ch == '$';
    }

    /** Returns whether {@code ch} can stand for a letter on its own: a letter, a leet digit, {@code @} or {@code $}. */
    private static boolean isUnitChar(char ch) {
        return isLetter(ch) || ch != '!' && ch != '|' && Leetspeak.letterFor(ch) != 0;
    }

    private static boolean isSeparator(char ch) {
        return ch == ' ' || ch == '.' || ch == '-' || ch == '_' || ch == '*' || ch == '/' || ch == '\\' || ch == '|'
                || ch == '+' || ch == '~' || ch == '\u00B7' || ch == '\u2022' || ch == '\u2010' || ch == '\u2013';
    }

    /** Returns whether position {@code i} holds a letter (or a leet stand-in) that stands alone. */
    private static boolean isLoneUnit(char[] c, int n, int i) {
        if (!isUnitChar(c[i])) {
            return false;
        }
        return (i == 0 || !isWordChar(c[i - 1])) && (i + 1 == n || !isWordChar(c[i + 1]));
    }

    static MappedBuffer joinSpelledOut(MappedBuffer b) {
        char[] c = b.chars;
        int n = b.length;
        boolean[] drop = null;
        int i = 0;
        while (i < n) {
            if (!isWordChar(c[i])) {
                i++;
                continue;
            }
            // skip a whole word at a time: only a word of one character can start a spelled-out run
            int wordEnd = i + 1;
            while (wordEnd < n && isWordChar(c[wordEnd])) {
                wordEnd++;
            }
            if (wordEnd - i != 1 || !isUnitChar(c[i])) {
                i = wordEnd;
                continue;
            }
            int first = i;
            int last = i;
            int units = 1;
            int letters = isLetter(c[i]) ? 1 : 0;
            char gapKind = 0;
            int gapWidth = -1;
            int j = i + 1;
            while (true) {
                int gapStart = j;
                while (j < n && j - gapStart < MAX_GAP && isSeparator(c[j])) {
                    j++;
                }
                if (j == gapStart || j >= n || !isLoneUnit(c, n, j)) {
                    break;
                }
                char kind = gapKindOf(c, gapStart, j);
                int width = b.starts[j] - b.ends[gapStart - 1];
                if (gapWidth < 0) {
                    gapKind = kind;
                    gapWidth = width;
                } else if (kind != gapKind || width != gapWidth) {
                    // "i g n o r e   p r e v" : a different gap is a word break
                    break;
                }
                last = j;
                units++;
                if (isLetter(c[j])) {
                    letters++;
                }
                j++;
            }
            if (units >= MIN_SPELLED_LETTERS && letters >= 2) {
                if (drop == null) {
                    drop = new boolean[n];
                }
                for (int k = first + 1; k < last; k++) {
                    if (!isWordChar(c[k])) {
                        drop[k] = true;
                    }
                }
            }
            i = last + 1;
        }
        if (drop == null) {
            return b;
        }
        MappedBuffer out = new MappedBuffer(n);
        for (int k = 0; k < n; k++) {
            if (!drop[k]) {
                out.append(c[k], b.starts[k], b.ends[k]);
            }
        }
        return out;
    }

    private static char gapKindOf(char[] c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (c[k] != ' ') {
                return c[k];
            }
        }
        return ' ';
    }

    // ---- leetspeak ---------------------------------------------------------------------------

    static void foldLeetspeak(MappedBuffer b) {
        char[] c = b.chars;
        int n = b.length;
        int i = 0;
        while (i < n) {
            if (c[i] == ' ' || c[i] == '\n') {
                i++;
                continue;
            }
            int chunkStart = i;
            boolean leet = false;
            while (i < n && c[i] != ' ' && c[i] != '\n') {
                leet |= Leetspeak.letterFor(c[i]) != 0;
                i++;
            }
            if (leet && !looksLikeAddress(c, chunkStart, i)) {
                foldChunk(c, chunkStart, i);
            }
        }
    }

    /** URLs and e-mail addresses keep their digits and symbols: they are not words. */
    private static boolean looksLikeAddress(char[] c, int from, int to) {
        int at = -1;
        for (int k = from; k < to; k++) {
            char ch = c[k];
            if (ch == ':' && k + 2 < to && c[k + 1] == '/' && c[k + 2] == '/') {
                return true;
            }
            if (ch == '@' && k > from && isLetterOrDigit(c[k - 1])) {
                at = k;
            }
            if (ch == '.' && at >= 0) {
                return true;
            }
        }
        return false;
    }

    private static void foldChunk(char[] c, int from, int to) {
        int i = from;
        while (i < to) {
            if (!(isWordChar(c[i]) || c[i] == '!' || c[i] == '|')) {
                i++;
                continue;
            }
            int start = i;
            int letters = 0;
            int leet = 0;
            int otherDigits = 0;
            while (i < to && (isWordChar(c[i]) || c[i] == '!' || c[i] == '|')) {
                char ch = c[i];
                if (isLetter(ch)) {
                    letters++;
                } else if (Leetspeak.letterFor(ch) != 0) {
                    leet++;
                } else if (Character.isDigit(ch)) {
                    otherDigits++;
                }
                i++;
            }
            if (letters > 0 && leet > 0 && otherDigits == 0 && !isMeasureOrVersion(c, start, i)) {
                for (int k = start; k < i; k++) {
                    char ch = c[k];
                    char letter = Leetspeak.letterFor(ch);
                    // '!' and '|' are punctuation unless a letter follows inside the word
                    boolean symbol = ch == '!' || ch == '|';
                    if (letter != 0 && (!symbol || k + 1 < i && isLetterOrDigit(c[k + 1]))) {
                        c[k] = ch == '1' && isDoubleL(c, start, k, i) ? 'l' : letter;
                    }
                }
            }
        }
    }

    /**
     * Returns whether the '1' at {@code k} is one of a doubled l ("ki11", "a11", "h3110") rather than
     * an i ("k1ll", "1gnore", "sh1t"): it follows a vowel and a 1 or l follows it, or it follows an
     * l that follows a vowel. Positions before {@code k} are already folded.
     */
    private static boolean isDoubleL(char[] c, int from, int k, int to) {
        char previous = k > from ? c[k - 1] : 0;
        char next = k + 1 < to ? c[k + 1] : 0;
        if (isVowel(previous)) {
            return next == '1' || next == 'l';
        }
        return previous == 'l' && k - 1 > from && isVowel(c[k - 2]);
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    /** "10kg", "4am", "5g", "1st", "a4", "v1", "mp3": numbers with a unit or a short prefix stay numbers ("ki11" does not). */
    private static boolean isMeasureOrVersion(char[] c, int from, int to) {
        int k = from;
        while (k < to && Character.isDigit(c[k])) {
            k++;
        }
        int digitsFirst = k - from;
        if (digitsFirst > 0) {
            int lettersAfter = 0;
            while (k < to && isLetter(c[k])) {
                k++;
                lettersAfter++;
            }
            return k == to && (lettersAfter == 1 || lettersAfter <= 3 && UNITS.contains(String.valueOf(c, to - lettersAfter, lettersAfter)));
        }
        k = from;
        int lettersFirst = 0;
        while (k < to && isLetter(c[k])) {
            k++;
            lettersFirst++;
        }
        int digitsAfter = 0;
        while (k < to && Character.isDigit(c[k])) {
            k++;
            digitsAfter++;
        }
        return k == to && lettersFirst <= 2 && digitsAfter > 0 && to - from <= 3;
    }
}
