package dev.guard4j.filters.words;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * A trie over analysed words: every phrase of every list is a path of words, so one walk over a
 * text's words finds every entry, whatever the number of entries. The cost per word is bounded by
 * the longest phrase, not by the size of the lists.
 */
final class PhraseTrie {

    /** What a path leads to: the list (or lists) the entry came from. */
    record Target(WordList list) {
    }

    static final class Node {
        private CharArrayMap<Node> children;
        private PrefixNode prefixes;
        private Set<Target> targets;

        Node child(char[] chars, int offset, int length) {
            return children == null ? null : children.get(chars, offset, length);
        }

        Node child(String term) {
            return children == null ? null : children.get(term);
        }
    }

    /** A character trie of the "word*" entries that end at one node. */
    static final class PrefixNode {
        private char[] keys = new char[0];
        private PrefixNode[] next = new PrefixNode[0];
        private Set<Target> targets;

        PrefixNode step(char c) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return next[i];
                }
            }
            return null;
        }

        PrefixNode stepOrAdd(char c) {
            PrefixNode found = step(c);
            if (found != null) {
                return found;
            }
            keys = java.util.Arrays.copyOf(keys, keys.length + 1);
            next = java.util.Arrays.copyOf(next, next.length + 1);
            keys[keys.length - 1] = c;
            next[next.length - 1] = new PrefixNode();
            return next[next.length - 1];
        }
    }

    /** A match: words {@code [first, last]} of the text, and the lists they are entries of. */
    record Match(int first, int last, Set<Target> targets) {
    }

    private final Node root = new Node();
    private int maxPhrase;
    private int entries;

    /** Adds a phrase; {@code prefix} makes its last word match any word that starts with it. */
    void add(List<String> terms, boolean prefix, Target target) {
        Node node = root;
        int whole = prefix ? terms.size() - 1 : terms.size();
        for (int i = 0; i < whole; i++) {
            if (node.children == null) {
                node.children = new CharArrayMap<>(4, false);
            }
            Node next = node.children.get(terms.get(i));
            if (next == null) {
                next = new Node();
                node.children.put(terms.get(i), next);
            }
            node = next;
        }
        if (prefix) {
            if (node.prefixes == null) {
                node.prefixes = new PrefixNode();
            }
            PrefixNode p = node.prefixes;
            String last = terms.get(terms.size() - 1);
            for (int i = 0; i < last.length(); i++) {
                p = p.stepOrAdd(last.charAt(i));
            }
            if (p.targets == null) {
                p.targets = new LinkedHashSet<>(2);
            }
            if (p.targets.add(target)) {
                entries++;
            }
        } else {
            if (node.targets == null) {
                node.targets = new LinkedHashSet<>(2);
            }
            if (node.targets.add(target)) {
                entries++;
            }
        }
        maxPhrase = Math.max(maxPhrase, terms.size());
    }

    /** Returns the number of distinct entries (duplicates merged). */
    int size() {
        return entries;
    }

    /**
     * Returns the leftmost-longest, non-overlapping matches among the words of a text.
     *
     * @param terms the analysed words of a text, in order
     */
    List<Match> match(TermBuffer terms) {
        List<Match> matches = new ArrayList<>(0);
        char[] chars = terms.chars;
        int count = terms.count;
        String[][] variants = new String[count][];
        int i = 0;
        while (i < count) {
            Node node = root;
            int bestLast = -1;
            Set<Target> best = null;
            for (int j = i; j < count && j - i < maxPhrase; j++) {
                int offset = terms.offsets[j];
                int length = terms.lengths[j];
                if (variants[j] == null) {
                    variants[j] = Elongation.variants(chars, offset, length);
                }
                Set<Target> prefixHit = prefixTargets(node, chars, offset, length, variants[j]);
                if (prefixHit != null) {
                    bestLast = j;
                    best = prefixHit;
                }
                Node next = node.child(chars, offset, length);
                for (int v = 0; next == null && v < variants[j].length; v++) {
                    next = node.child(variants[j][v]);
                }
                if (next == null) {
                    break;
                }
                node = next;
                if (node.targets != null) {
                    bestLast = j;
                    best = node.targets;
                }
            }
            if (best != null) {
                matches.add(new Match(i, bestLast, best));
                i = bestLast + 1;
            } else {
                i++;
            }
        }
        return matches;
    }

    private static Set<Target> prefixTargets(Node node, char[] chars, int offset, int length, String[] variants) {
        if (node.prefixes == null) {
            return null;
        }
        Set<Target> hit = longestPrefix(node.prefixes, chars, offset, length);
        for (int v = 0; hit == null && v < variants.length; v++) {
            hit = longestPrefix(node.prefixes, variants[v].toCharArray(), 0, variants[v].length());
        }
        return hit;
    }

    private static Set<Target> longestPrefix(PrefixNode start, char[] chars, int offset, int length) {
        PrefixNode p = start;
        Set<Target> hit = null;
        for (int k = 0; k < length && p != null; k++) {
            p = p.step(chars[offset + k]);
            if (p != null && p.targets != null) {
                hit = p.targets;
            }
        }
        return hit;
    }
}
