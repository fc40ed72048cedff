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
 * <p>Thread-safe: it holds no per-scan state. The work is one pass over the text plus, per keyword
 * occurrence, one anchored match attempt of bounded length for each rule that starts with that
 * keyword; the few rules whose keyword sits inside the secret are searched in bounded windows
 * around it. The common case (no keyword) costs one table lookup per character.
 */
final class SecretScanner {

    private final List<SecretRule> rules;
    private final KeywordAutomaton automaton;
    private final KeywordAutomaton caseSensitiveAutomaton;
    /** keyword index to the rules it gates. */
    private final int[][] rulesByKeyword;
    /** each automaton's keyword index to the scanner's keyword index. */
    private final int[] foldedIndex;
    private final int[] exactIndex;

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
        // two automata: one ignoring case, one exact, so that short exact keywords ("AC", "MT") cost nothing on prose
        List<String> folded = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        foldedIndex = new int[keywords.size()];
        exactIndex = new int[keywords.size()];
        for (int k = 0; k < keywords.size(); k++) {
            if (caseSensitive.get(k)) {
                exactIndex[exact.size()] = k;
                exact.add(keywords.get(k));
            } else {
                foldedIndex[folded.size()] = k;
                folded.add(keywords.get(k));
            }
        }
        automaton = new KeywordAutomaton(folded, true);
        caseSensitiveAutomaton = new KeywordAutomaton(exact, false);
        rulesByKeyword = new int[keywords.size()][];
        for (int k = 0; k < keywords.size(); k++) {
            rulesByKeyword[k] = gated.get(k).stream().mapToInt(Integer::intValue).toArray();
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
        Matcher[] matchers = new Matcher[rules.size()];
        int[] matchedUpTo = new int[rules.size()];
        List<Finding> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // rules whose pattern may start before their keyword are matched in windows, once the whole text is read
        int[][] windows = new int[rules.size()][];
        int[] windowCounts = new int[rules.size()];
        KeywordAutomaton.HitConsumer onHit = (keyword, start) -> {
            for (int r : rulesByKeyword[keyword]) {
                SecretRule rule = rules.get(r);
                if (rule.lookBehind() == 0) {
                    // the pattern starts at the keyword: one anchored attempt per occurrence
                    if (start < matchedUpTo[r]) {
                        continue;
                    }
                    Matcher matcher = matcherFor(matchers, r, text);
                    matcher.region(start, (int) Math.min(n, (long) start + rule.maxSpan()));
                    if (matcher.lookingAt()) {
                        report(text, rule, matcher, found, seen);
                        matchedUpTo[r] = matcher.end();
                    }
                } else {
                    addWindow(windows, windowCounts, r, Math.max(0, start - rule.lookBehind()),
                            (int) Math.min(n, (long) start + rule.maxSpan()));
                }
            }
        };
        automaton.scan(text, (keyword, start) -> onHit.hit(foldedIndex[keyword], start));
        caseSensitiveAutomaton.scan(text, (keyword, start) -> onHit.hit(exactIndex[keyword], start));
        for (int r = 0; r < rules.size(); r++) {
            if (windowCounts[r] == 0) {
                continue;
            }
            SecretRule rule = rules.get(r);
            Matcher matcher = matcherFor(matchers, r, text);
            int[] w = windows[r];
            for (int i = 0; i < windowCounts[r]; i++) {
                matcher.region(w[2 * i], w[2 * i + 1]);
                while (matcher.find()) {
                    report(text, rule, matcher, found, seen);
                    if (matcher.end() == matcher.start()) {
                        break;
                    }
                }
            }
        }
        found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return found;
    }

    private Matcher matcherFor(Matcher[] matchers, int r, String text) {
        Matcher matcher = matchers[r];
        if (matcher == null) {
            matcher = rules.get(r).pattern().matcher(text);
            // lookbehinds see the text before the window; $ means the end of the text, not of the window
            matcher.useTransparentBounds(true);
            matcher.useAnchoringBounds(false);
            matchers[r] = matcher;
        }
        return matcher;
    }

    /** Adds a window for rule {@code r}, merging it with the previous one when they overlap (keywords arrive in text order). */
    private static void addWindow(int[][] windows, int[] windowCounts, int r, int from, int to) {
        int count = windowCounts[r];
        int[] w = windows[r];
        if (count > 0 && from <= w[2 * count - 1]) {
            w[2 * count - 1] = Math.max(w[2 * count - 1], to);
            w[2 * count - 2] = Math.min(w[2 * count - 2], from);
            return;
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
