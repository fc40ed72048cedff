package dev.guard4j.filters.secrets;

import dev.guard4j.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds secrets with a set of rules: one keyword pass decides which rules run and where, then
 * each rule's pattern is tried only in windows around its keywords.
 *
 * <p>Thread-safe: it holds no per-scan state. The work is one pass over the text plus, per rule
 * whose keyword occurs, pattern matching over bounded windows, so the common case (no keyword)
 * costs one table lookup per character.
 */
final class SecretScanner {

    private final List<SecretRule> rules;
    private final KeywordAutomaton automaton;
    /** keyword index to the rules it gates. */
    private final int[][] rulesByKeyword;
    /** keyword index to the keyword, for rules that want its exact case. */
    private final String[] keywordText;
    private final boolean[] keywordCaseSensitive;

    SecretScanner(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Integer> index = new HashMap<>();
        List<String> keywords = new ArrayList<>();
        List<List<Integer>> gated = new ArrayList<>();
        List<Boolean> caseSensitive = new ArrayList<>();
        for (int r = 0; r < this.rules.size(); r++) {
            SecretRule rule = this.rules.get(r);
            for (String keyword : rule.keywords()) {
                // the same letters with different case sensitivity are different keywords
                String key = (rule.caseSensitiveKeywords() ? "S:" + keyword : "I:" + keyword.toLowerCase(java.util.Locale.ROOT));
                Integer k = index.get(key);
                if (k == null) {
                    k = keywords.size();
                    index.put(key, k);
                    keywords.add(keyword);
                    gated.add(new ArrayList<>());
                    caseSensitive.add(rule.caseSensitiveKeywords());
                }
                if (!gated.get(k).contains(r)) {
                    gated.get(k).add(r);
                }
            }
        }
        automaton = new KeywordAutomaton(keywords);
        rulesByKeyword = new int[keywords.size()][];
        keywordText = keywords.toArray(new String[0]);
        keywordCaseSensitive = new boolean[keywords.size()];
        for (int k = 0; k < keywords.size(); k++) {
            rulesByKeyword[k] = gated.get(k).stream().mapToInt(Integer::intValue).toArray();
            keywordCaseSensitive[k] = caseSensitive.get(k);
        }
    }

    /** Returns the rules, in the order they were given. */
    List<SecretRule> rules() {
        return rules;
    }

    /**
     * Returns every match of every rule, before overlaps are resolved, ordered by start.
     *
     * @param text the text to scan
     * @return the findings (detector = rule id)
     */
    List<Finding> scan(String text) {
        int n = text.length();
        // per rule, the windows where it may match, as [start, end) pairs
        int[][] windows = new int[rules.size()][];
        int[] windowCounts = new int[rules.size()];
        automaton.scan(text, (keyword, start) -> {
            if (keywordCaseSensitive[keyword] && !text.regionMatches(start, keywordText[keyword], 0, keywordText[keyword].length())) {
                return;
            }
            for (int r : rulesByKeyword[keyword]) {
                SecretRule rule = rules.get(r);
                int from = Math.max(0, start - rule.lookBehind());
                int to = (int) Math.min(n, (long) start + rule.maxSpan());
                int count = windowCounts[r];
                int[] w = windows[r];
                if (count > 0 && from <= w[2 * count - 1]) {
                    // overlapping the previous window: extend it instead of adding one
                    w[2 * count - 1] = Math.max(w[2 * count - 1], to);
                    w[2 * count - 2] = Math.min(w[2 * count - 2], from);
                    continue;
                }
                if (w == null) {
                    w = new int[8];
                    windows[r] = w;
                } else if (2 * count + 2 > w.length) {
                    w = Arrays.copyOf(w, w.length * 2);
                    windows[r] = w;
                }
                w[2 * count] = from;
                w[2 * count + 1] = to;
                windowCounts[r] = count + 1;
            }
        });
        List<Finding> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < rules.size(); r++) {
            if (windowCounts[r] == 0) {
                continue;
            }
            SecretRule rule = rules.get(r);
            Matcher matcher = rule.pattern().matcher(text);
            matcher.useTransparentBounds(true);
            matcher.useAnchoringBounds(false);
            int[] w = windows[r];
            int scannedTo = 0;
            for (int i = 0; i < windowCounts[r]; i++) {
                int from = Math.max(w[2 * i], scannedTo);
                int to = w[2 * i + 1];
                if (from >= to) {
                    continue;
                }
                matcher.region(from, to);
                while (matcher.find()) {
                    report(text, rule, matcher, found, seen);
                    if (matcher.end() == matcher.start()) {
                        break;
                    }
                }
                scannedTo = to;
            }
        }
        found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return found;
    }

    /** Returns the length of the rule's keyword that the value starts with, or 0. */
    private static int prefixLength(SecretRule rule, String value) {
        int longest = 0;
        for (String keyword : rule.keywords()) {
            if (keyword.length() > longest && value.regionMatches(true, 0, keyword, 0, keyword.length())) {
                longest = keyword.length();
            }
        }
        return longest;
    }

    private static void report(String text, SecretRule rule, Matcher matcher, List<Finding> found, Set<String> seen) {
        int start = matcher.start();
        int end = matcher.end();
        for (int g = 1; g <= matcher.groupCount(); g++) {
            if (matcher.start(g) >= 0) {
                start = matcher.start(g);
                end = matcher.end(g);
                break;
            }
        }
        if (end <= start) {
            return;
        }
        String value = text.substring(start, end);
        if (PlaceholderValues.isFiller(value, prefixLength(rule, value))) {
            return;
        }
        if (rule.minEntropy() > 0 && ShannonEntropy.of(value) < rule.minEntropy()) {
            return;
        }
        if (!rule.check().accept(text, matcher, value)) {
            return;
        }
        if (seen.add(rule.id() + '@' + start + ':' + end)) {
            found.add(new Finding(rule.id(), rule.category(), start, end, rule.score()));
        }
    }
}
