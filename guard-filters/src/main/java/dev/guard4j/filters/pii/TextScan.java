package dev.guard4j.filters.pii;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * One text under detection, with what the recognizers share computed once and only when asked:
 * the regions around trigger characters and the lower-cased text for context words.
 *
 * <p>Not thread-safe: one scan per detection.
 */
final class TextScan {

    private static final int[] NONE = new int[0];
    /** Above one start in this many characters for a first letter, the word-start index is slower than indexOf. */
    private static final int DENSE_FACTOR = 16;

    private final String text;
    private final Map<Trigger, int[]> regions = new EnumMap<>(Trigger.class);
    private final Map<Trigger, int[]> starts = new EnumMap<>(Trigger.class);
    private String lowerCase;
    /** Word starts by their lower-case first character ('a'-'z' then '0'-'9'), each list ending at its count. */
    private int[][] wordStarts;
    private int[] wordStartCounts;

    TextScan(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** Returns the text in lower case (same length: only ASCII letters are folded). */
    String lowerCase() {
        if (lowerCase == null) {
            lowerCase = asciiLowerCase(text);
        }
        return lowerCase;
    }

    /**
     * Returns the regions around the trigger's characters as pairs {@code [start0, end0, start1, end1, ...]}.
     *
     * @param trigger the trigger
     * @return the merged, padded regions; empty when the trigger never fires
     */
    int[] regions(Trigger trigger) {
        int[] known = regions.get(trigger);
        if (known == null) {
            known = computeRegions(trigger);
            regions.put(trigger, known);
        }
        return known;
    }

    /**
     * Returns the places inside the trigger's regions where a value can begin, as pairs
     * {@code [start0, regionEnd0, start1, regionEnd1, ...]}: a letter or digit after a character
     * that is neither, or a {@code '+'} or {@code '('} (phone numbers).
     *
     * <p>Patterns are tried only at these places ({@link java.util.regex.Matcher#lookingAt()}),
     * so that a 100 KB run of digits costs one attempt per pattern rather than one per character.
     */
    int[] starts(Trigger trigger) {
        int[] known = starts.get(trigger);
        if (known == null) {
            known = computeStarts(regions(trigger));
            starts.put(trigger, known);
        }
        return known;
    }

    private int[] computeStarts(int[] areas) {
        int[] out = NONE;
        int count = 0;
        for (int r = 0; r < areas.length; r += 2) {
            for (int i = areas[r]; i < areas[r + 1]; i++) {
                char c = text.charAt(i);
                boolean start = c == '+' || c == '('
                        || Character.isLetterOrDigit(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
                if (start) {
                    out = append(out, count, i, areas[r + 1]);
                    count += 2;
                }
            }
        }
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }

    private int[] computeRegions(Trigger trigger) {
        if (trigger == Trigger.WHOLE_TEXT) {
            return text.isEmpty() ? NONE : new int[] {0, text.length()};
        }
        int pad = trigger.padding();
        int[] out = NONE;
        int count = 0;
        int regionStart = -1;
        int regionEnd = -1;
        for (int i = 0; i < text.length(); i++) {
            if (!trigger.firesAt(text, i)) {
                continue;
            }
            int start = Math.max(0, i - pad);
            int end = Math.min(text.length(), i + 1 + pad);
            if (regionStart >= 0 && start <= regionEnd) {
                regionEnd = end;
                continue;
            }
            if (regionStart >= 0) {
                out = append(out, count, regionStart, regionEnd);
                count += 2;
            }
            regionStart = start;
            regionEnd = end;
        }
        if (regionStart >= 0) {
            out = append(out, count, regionStart, regionEnd);
            count += 2;
        }
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }

    private static int[] append(int[] array, int count, int start, int end) {
        int[] grown = count + 2 <= array.length ? array : java.util.Arrays.copyOf(array, Math.max(8, array.length * 2));
        grown[count] = start;
        grown[count + 1] = end;
        return grown;
    }

    /**
     * Returns whether one of the words occurs, starting at a word boundary, in the lower-cased
     * text between {@code from} and {@code to}.
     */
    boolean anyWordBetween(String[] words, int from, int to) {
        if (words.length == 0) {
            return false;
        }
        String lower = lowerCase();
        int lo = Math.max(0, from);
        int hi = Math.min(lower.length(), to);
        if (lo >= hi) {
            return false;
        }
        String window = lower.substring(lo, hi);
        for (String word : words) {
            int at = window.indexOf(word);
            while (at >= 0) {
                int absolute = lo + at;
                if (absolute == 0 || !Character.isLetterOrDigit(lower.charAt(absolute - 1))) {
                    return true;
                }
                at = window.indexOf(word, at + 1);
            }
        }
        return false;
    }

    /**
     * Calls {@code action} with each place where {@code word} (lower case) occurs at the start of a
     * word, in order. Words are looked up in an index of word starts by first character, built
     * with one pass over the text and shared by all words, instead of one {@code indexOf} pass
     * per word (slow for words whose first letter is common, such as "street" in prose); when
     * the index holds many starts for the word's first character ({@code "a@a@a@..."}), a plain
     * search is cheaper and is used instead.
     *
     * @param word a lower-case word
     * @param action receives the start of each occurrence
     */
    void forEachWordStart(String word, java.util.function.IntConsumer action) {
        int bucket = bucket(word.charAt(0));
        if (bucket >= 0 && wordStarts == null) {
            indexWordStarts();
        }
        String lower = lowerCase();
        if (bucket < 0 || (long) wordStartCounts[bucket] * DENSE_FACTOR > lower.length()) {
            int at = lower.indexOf(word);
            while (at >= 0) {
                if (at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))) {
                    action.accept(at);
                }
                at = lower.indexOf(word, at + word.length());
            }
            return;
        }
        int[] positions = wordStarts[bucket];
        for (int i = 0; i < wordStartCounts[bucket]; i++) {
            if (lower.startsWith(word, positions[i])) {
                action.accept(positions[i]);
            }
        }
    }

    private void indexWordStarts() {
        String lower = lowerCase();
        wordStarts = new int[36][];
        wordStartCounts = new int[36];
        boolean previousAlphanumeric = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean alphanumeric = Character.isLetterOrDigit(c);
            if (alphanumeric && !previousAlphanumeric) {
                int bucket = bucket(c);
                if (bucket >= 0) {
                    int[] positions = wordStarts[bucket];
                    int count = wordStartCounts[bucket];
                    if (positions == null || count == positions.length) {
                        positions = positions == null ? new int[16] : java.util.Arrays.copyOf(positions, count * 2);
                        wordStarts[bucket] = positions;
                    }
                    positions[count] = i;
                    wordStartCounts[bucket] = count + 1;
                }
            }
            previousAlphanumeric = alphanumeric;
        }
    }

    private static int bucket(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        return c >= '0' && c <= '9' ? 26 + c - '0' : -1;
    }

    static String asciiLowerCase(String text) {
        // ASCII-only folding keeps offsets identical to the original text, which Locale-aware lower-casing does not
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = (char) (c + 32);
            }
        }
        return chars == null ? text : new String(chars);
    }

    static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
