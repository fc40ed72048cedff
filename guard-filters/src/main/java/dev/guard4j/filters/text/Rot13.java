package dev.guard4j.filters.text;

import java.util.Set;

/** Recognises text written in ROT13 by counting common English words before and after rotation. */
final class Rot13 {

    private static final Set<String> COMMON_WORDS = Set.of(
            "the", "and", "you", "that", "was", "for", "are", "with", "his", "they", "this", "have", "from",
            "one", "had", "word", "but", "not", "what", "all", "were", "when", "your", "can", "said", "there",
            "use", "each", "which", "she", "how", "their", "will", "other", "about", "out", "many", "then",
            "them", "these", "some", "her", "would", "make", "like", "him", "into", "time", "has", "look",
            "more", "write", "see", "number", "way", "could", "people", "than", "first", "been", "who", "now",
            "its", "find", "any", "new", "work", "part", "take", "get", "made", "after", "back", "only", "me",
            "my", "is", "it", "of", "to", "in", "be", "do", "if", "or", "an", "by", "so", "no", "we", "ignore",
            "previous", "instructions", "system", "prompt", "reveal", "password", "secret", "tell", "show",
            "print", "forget", "above", "rules", "act", "as", "must", "please", "give");
    private static final int MIN_ROTATED_HITS = 3;
    /** Enough words to tell; the rest of a long text is not examined, so the check costs the same on 1 MB. */
    private static final int MAX_WORDS_EXAMINED = 120;

    private Rot13() {
    }

    /** The common words packed into longs (5 bits a letter), sorted for binary search. */
    private static final long[] CODES = COMMON_WORDS.stream().mapToLong(Rot13::code).sorted().toArray();
    private static final int MAX_WORD = 12;

    private static long code(String word) {
        long code = 0;
        for (int i = 0; i < word.length(); i++) {
            code = code << 5 | (word.charAt(i) - 'a' + 1);
        }
        return code;
    }

    /** Returns whether {@code text} (normalised, lower case) reads as English after rotation and not before. */
    static boolean looksRotated(String text) {
        if (text.contains("rot13") || text.contains("rot-13") || text.contains("rot 13")) {
            return true;
        }
        int plain = 0;
        int rotated = 0;
        int examined = 0;
        int i = 0;
        int n = text.length();
        while (i < n && examined < MAX_WORDS_EXAMINED) {
            char c = text.charAt(i);
            if (c < 'a' || c > 'z') {
                i++;
                continue;
            }
            // pack the word and its rotation as we go: no strings, no allocation
            long code = 0;
            long rotatedCode = 0;
            int length = 0;
            while (i < n && (c = text.charAt(i)) >= 'a' && c <= 'z') {
                if (length < MAX_WORD) {
                    code = code << 5 | (c - 'a' + 1);
                    rotatedCode = rotatedCode << 5 | ((c - 'a' + 13) % 26 + 1);
                }
                length++;
                i++;
            }
            examined++;
            if (length > MAX_WORD) {
                continue;
            }
            if (java.util.Arrays.binarySearch(CODES, code) >= 0) {
                plain++;
            }
            if (java.util.Arrays.binarySearch(CODES, rotatedCode) >= 0) {
                rotated++;
            }
        }
        return rotated >= MIN_ROTATED_HITS && rotated > 2 * plain;
    }

    /** Returns {@code text} with every ASCII letter rotated by 13. */
    static String rotate(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) ('a' + (c - 'a' + 13) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) ('A' + (c - 'A' + 13) % 26);
            }
            out[i] = c;
        }
        return new String(out);
    }
}
