package dev.guard4j.filters.injection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.regex.Matcher;

/**
 * Finds the earliest match of each of a set of signals in one pass over the text.
 *
 * <p>An Aho-Corasick automaton over every signal's literal leads reports where any lead occurs;
 * only there is that signal's regex tried ({@link Signal#matchAt}), in ascending order, and the
 * first success is the signal's match. This gives exactly what {@link Signal#find} gives, but reads
 * the text once instead of once per lead (the signals have several hundred leads). Immutable and
 * thread-safe.
 */
final class SignalScanner {

    /** One signal that fired, at its earliest match. */
    record Hit(Signal signal, int start, int end) {
    }

    private final List<Signal> signals;
    /** Trie edges per state: sorted characters and the states they lead to. */
    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    /** The root's edges for ASCII, where most text lives, as a direct table (-1: none). */
    private final int[] rootAscii = new int[128];
    private final int[] failure;
    /** Per state, every lead that ends here (itself or through failure links): signal index and lead length, interleaved. */
    private final int[][] outputs;

    SignalScanner(List<Signal> signals) {
        this.signals = List.copyOf(signals);
        List<StringBuilder> chars = new ArrayList<>();
        List<List<Integer>> targets = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        chars.add(new StringBuilder());
        targets.add(new ArrayList<>());
        out.add(new ArrayList<>());
        for (int s = 0; s < this.signals.size(); s++) {
            for (String lead : this.signals.get(s).leads()) {
                if (lead.isEmpty()) {
                    throw new IllegalArgumentException("signal " + this.signals.get(s).id() + " has an empty lead");
                }
                int state = 0;
                for (int i = 0; i < lead.length(); i++) {
                    char c = lead.charAt(i);
                    int edge = chars.get(state).indexOf(String.valueOf(c));
                    if (edge >= 0) {
                        state = targets.get(state).get(edge);
                    } else {
                        int next = chars.size();
                        chars.add(new StringBuilder());
                        targets.add(new ArrayList<>());
                        out.add(new ArrayList<>());
                        chars.get(state).append(c);
                        targets.get(state).add(next);
                        state = next;
                    }
                }
                out.get(state).add(s);
                out.get(state).add(lead.length());
            }
        }
        int states = chars.size();
        edgeChars = new char[states][];
        edgeTargets = new int[states][];
        for (int state = 0; state < states; state++) {
            // sort each state's edges by character for binary search
            long[] packed = new long[chars.get(state).length()];
            for (int e = 0; e < packed.length; e++) {
                packed[e] = (long) chars.get(state).charAt(e) << 32 | targets.get(state).get(e);
            }
            Arrays.sort(packed);
            edgeChars[state] = new char[packed.length];
            edgeTargets[state] = new int[packed.length];
            for (int e = 0; e < packed.length; e++) {
                edgeChars[state][e] = (char) (packed[e] >>> 32);
                edgeTargets[state][e] = (int) packed[e];
            }
        }
        Arrays.fill(rootAscii, -1);
        for (int e = 0; e < edgeChars[0].length && edgeChars[0][e] < 128; e++) {
            rootAscii[edgeChars[0][e]] = edgeTargets[0][e];
        }
        failure = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int child : edgeTargets[0]) {
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            for (int e = 0; e < edgeChars[state].length; e++) {
                int child = edgeTargets[state][e];
                failure[child] = next(failure[state], edgeChars[state][e]);
                out.get(child).addAll(out.get(failure[child]));
                queue.add(child);
            }
        }
        outputs = new int[states][];
        for (int state = 0; state < states; state++) {
            outputs[state] = out.get(state).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Returns the state after reading {@code c} in {@code state}, following failure links. */
    private int next(int state, char c) {
        while (true) {
            int child = child(state, c);
            if (child >= 0) {
                return child;
            }
            if (state == 0) {
                return 0;
            }
            state = failure[state];
        }
    }

    private int child(int state, char c) {
        if (state == 0 && c < 128) {
            return rootAscii[c];
        }
        char[] keys = edgeChars[state];
        int index = keys.length <= 8 ? linearSearch(keys, c) : Arrays.binarySearch(keys, c);
        return index >= 0 ? edgeTargets[state][index] : -1;
    }

    private static int linearSearch(char[] keys, char c) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the signals that match the text, each at its earliest match, in the order of the signal list.
     *
     * @param text the text the signals are written for (folded or normalised)
     * @return the hits, empty when nothing matched
     */
    List<Hit> scan(String text) {
        long[] candidates = new long[16];
        int count = 0;
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            state = next(state, text.charAt(i));
            int[] found = outputs[state];
            for (int k = 0; k < found.length; k += 2) {
                if (count == candidates.length) {
                    candidates = Arrays.copyOf(candidates, count * 2);
                }
                // signal in the high half, start in the low half: sorting groups by signal, then by position
                candidates[count++] = (long) found[k] << 32 | (i + 1 - found[k + 1]);
            }
        }
        if (count == 0) {
            return List.of();
        }
        Arrays.sort(candidates, 0, count);
        List<Hit> hits = new ArrayList<>();
        int k = 0;
        while (k < count) {
            int signalIndex = (int) (candidates[k] >>> 32);
            Signal signal = signals.get(signalIndex);
            Matcher matcher = signal.matcher(text);
            boolean matched = false;
            int previousStart = -1;
            for (; k < count && (int) (candidates[k] >>> 32) == signalIndex; k++) {
                int start = (int) candidates[k];
                if (matched || start == previousStart) {
                    continue;
                }
                previousStart = start;
                if (signal.matchAt(matcher, text, start)) {
                    hits.add(new Hit(signal, matcher.start(), matcher.end()));
                    matched = true;
                }
            }
        }
        return hits;
    }
}
