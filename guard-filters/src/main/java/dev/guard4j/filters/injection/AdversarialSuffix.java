package dev.guard4j.filters.injection;

import dev.guard4j.filters.text.Span;

/**
 * Spots the optimised gibberish that GCG-style attacks append to a request
 * ({@code "... heroin which sorry bere---- ??legt !! lawyer correctedilde]$. [[There among"}).
 *
 * <p>The tail of the last line must follow a plain-language request and be dense in unbalanced
 * brackets and symbols fused to words; code, which balances its brackets and breaks its lines,
 * rarely is. One linear pass over at most {@link #TAIL} characters.
 */
final class AdversarialSuffix {

    static final double WEIGHT = 0.55;
    private static final int TAIL = 200;
    private static final int MIN_LINE = 60;
    private static final String OPENERS = "([{<";
    private static final String CLOSERS = ")]}>";
    private static final String SYMBOLS = "([{<)]}>\\|$^`~*@#_=";

    private AdversarialSuffix() {
    }

    /** Returns the span of a likely adversarial suffix, or {@code null}. */
    static Span find(String text) {
        int lineStart = text.lastIndexOf('\n', text.length() - 1) + 1;
        int lineLength = text.length() - lineStart;
        if (lineLength < MIN_LINE) {
            return null;
        }
        int tailStart = Math.max(lineStart, text.length() - TAIL);
        if (plainWords(text, lineStart, tailStart == lineStart ? lineStart + lineLength / 2 : tailStart) < 6) {
            return null;
        }
        int[] balance = new int[OPENERS.length()];
        int symbols = 0;
        int fusedTokens = 0;
        boolean tokenHasLetter = false;
        boolean tokenHasSymbol = false;
        for (int i = tailStart; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isWhitespace(c)) {
                if (tokenHasLetter && tokenHasSymbol) {
                    fusedTokens++;
                }
                tokenHasLetter = false;
                tokenHasSymbol = false;
                continue;
            }
            int open = OPENERS.indexOf(c);
            int close = CLOSERS.indexOf(c);
            if (open >= 0) {
                balance[open]++;
            } else if (close >= 0) {
                balance[close]--;
            }
            if (SYMBOLS.indexOf(c) >= 0) {
                symbols++;
                tokenHasSymbol = true;
            } else if (Character.isLetter(c)) {
                tokenHasLetter = true;
            }
        }
        int unbalanced = 0;
        for (int b : balance) {
            unbalanced += Math.abs(b);
        }
        return symbols >= 6 && unbalanced >= 2 && fusedTokens >= 2 ? new Span(tailStart, text.length()) : null;
    }

    private static int plainWords(String text, int from, int to) {
        int words = 0;
        int letters = 0;
        for (int i = from; i <= to && i <= text.length(); i++) {
            char c = i < text.length() && i < to ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                letters++;
            } else if (c == ' ') {
                if (letters >= 2) {
                    words++;
                }
                letters = 0;
            } else {
                letters = -1000;
            }
        }
        return words;
    }
}
