package dev.guard4j.filters.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * Finds every occurrence of a set of ASCII keywords in one pass, ignoring ASCII case or not
 * (Aho-Corasick, compiled to a dense transition table so each character costs one array read).
 *
 * <p>Characters outside ASCII reset the automaton, which is right for keywords that are ASCII.
 */
final class KeywordAutomaton {

    /** Receives one keyword occurrence. */
    interface HitConsumer {
        /**
         * Called for each occurrence, in order of end position.
         *
         * @param keyword the keyword's index in the list the automaton was built from
         * @param start where the occurrence starts in the text
         */
        void hit(int keyword, int start);
    }

    private static final int ALPHABET = 128;

    private final int[] transitions;
    private final int[][] outputs;
    private final int[] keywordLengths;

    /**
     * Builds an automaton that ignores ASCII case.
     *
     * @param keywords non-empty ASCII keywords
     */
    KeywordAutomaton(List<String> keywords) {
        this(keywords, true);
    }

    /**
     * Builds the automaton.
     *
     * @param keywords non-empty ASCII keywords
     * @param ignoreCase whether "GHP_" matches the keyword "ghp_"
     */
    KeywordAutomaton(List<String> keywords, boolean ignoreCase) {
        keywordLengths = new int[keywords.size()];
        List<int[]> children = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        children.add(newRow());
        out.add(new ArrayList<>());
        for (int k = 0; k < keywords.size(); k++) {
            String keyword = ignoreCase ? keywords.get(k).toLowerCase(Locale.ROOT) : keywords.get(k);
            if (keyword.isEmpty()) {
                throw new IllegalArgumentException("keyword " + k + " is empty");
            }
            keywordLengths[k] = keyword.length();
            int state = 0;
            for (int i = 0; i < keyword.length(); i++) {
                char c = keyword.charAt(i);
                if (c >= ALPHABET) {
                    throw new IllegalArgumentException("keyword '" + keywords.get(k) + "' is not ASCII");
                }
                int next = children.get(state)[c];
                if (next < 0) {
                    next = children.size();
                    children.add(newRow());
                    out.add(new ArrayList<>());
                    children.get(state)[c] = next;
                }
                state = next;
            }
            out.get(state).add(k);
        }
        int states = children.size();
        transitions = new int[states * ALPHABET];
        int[] failure = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int child = children.get(0)[c];
            if (child < 0) {
                transitions[c] = 0;
            } else {
                transitions[c] = child;
                failure[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            out.get(state).addAll(out.get(failure[state]));
            for (int c = 0; c < ALPHABET; c++) {
                int child = children.get(state)[c];
                if (child < 0) {
                    transitions[state * ALPHABET + c] = transitions[failure[state] * ALPHABET + c];
                } else {
                    transitions[state * ALPHABET + c] = child;
                    failure[child] = transitions[failure[state] * ALPHABET + c];
                    queue.add(child);
                }
            }
        }
        // upper-case letters follow the same edges as lower-case ones: the match ignores ASCII case
        for (int state = 0; ignoreCase && state < states; state++) {
            for (int c = 'A'; c <= 'Z'; c++) {
                transitions[state * ALPHABET + c] = transitions[state * ALPHABET + Character.toLowerCase(c)];
            }
        }
        outputs = new int[states][];
        for (int state = 0; state < states; state++) {
            outputs[state] = out.get(state).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    /**
     * Reports every keyword occurrence in the text.
     *
     * @param text the text to scan
     * @param consumer receives each occurrence
     */
    void scan(CharSequence text, HitConsumer consumer) {
        int state = 0;
        int[] table = transitions;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            state = c < ALPHABET ? table[state * ALPHABET + c] : 0;
            int[] found = outputs[state];
            for (int keyword : found) {
                consumer.hit(keyword, i + 1 - keywordLengths[keyword]);
            }
        }
    }
}
