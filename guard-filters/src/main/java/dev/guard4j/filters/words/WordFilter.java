package dev.guard4j.filters.words;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import dev.guard4j.filters.redact.Action;
import dev.guard4j.filters.text.DecodedLayer;
import dev.guard4j.filters.text.NormalizedText;
import dev.guard4j.filters.text.Span;
import dev.guard4j.filters.text.TextAnalyzer;
import dev.guard4j.filters.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the words and phrases of custom lists, the managed profanity list and named regex rules
 * in a text, and blocks it, redacts the matches or reports them, per list and per rule.
 *
 * <pre>{@code
 * WordFilter words = WordFilter.builder()
 *         .profanity(Action.BLOCK)
 *         .list(WordList.competitors("competitors", Action.REDACT, List.of("Acme", "Globex Corp")))
 *         .regex(RegexRule.of("ticket", "TICKET-\\d{4,8}", Action.REDACT))
 *         .build();
 * }</pre>
 *
 * <p>Words are matched whole on analysed text: the {@link TextNormalizer} folds case, accents,
 * look-alikes, leetspeak, spelled-out letters and invisible characters, and decodes hidden layers
 * (base64, hex, URL, escapes, ROT13); the {@link TextAnalyzer} splits words and stems them. So
 * {@code "kill"} matches "K1LLS", "kílls", "k-i-l-l-s" and base64 of "kills", but not "skill";
 * {@code "ass"} does not match "assassinate", "class" or "Scunthorpe". Letters repeated three times
 * or more ("fuuuck") also match their plain spelling. One walk over the text's words finds every
 * entry, whatever the size of the lists. Findings carry spans of the original text (for a match in
 * a decoded layer, the span of the encoded run), never the matched text.
 *
 * <p>The verdict is a block if any matching list or rule says {@link Action#BLOCK}, else a
 * rewrite with every {@link Action#REDACT} match replaced by its mask and every {@link Action#MASK}
 * match starred out ({@code "f***"}), else a pass with the findings. Texts longer than the input cap are blocked, and a regex that overruns its step budget
 * blocks the text (fail closed). Thread-safe.
 */
public final class WordFilter implements InputValidator, OutputChecker {

    /** The default cap on the length of a text, in characters. */
    public static final int DEFAULT_MAX_INPUT_CHARS = 1_000_000;
    private static final String DETECTOR = "words";

    private final PhraseTrie trie;
    private final List<CompiledRule> rules;
    private final TextNormalizer normalizer;
    private final TextAnalyzer analyzer;
    private final int maxInputChars;

    private record CompiledRule(RegexRule rule, Pattern pattern) {
    }

    /** One match before it becomes a finding: where, and what the list or rule says to do. */
    private record Hit(String detector, String category, Action action, String mask, int start, int end) {
    }

    private WordFilter(Builder builder, PhraseTrie trie, List<CompiledRule> rules) {
        this.trie = trie;
        this.rules = rules;
        this.normalizer = builder.normalizer;
        this.analyzer = builder.analyzer;
        this.maxInputChars = builder.maxInputChars;
    }

    /**
     * Returns a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the number of distinct word and phrase entries, duplicates merged.
     *
     * @return the number of distinct word and phrase entries, duplicates merged
     */
    public int entryCount() {
        return trie.size();
    }

    @Override
    public Verdict validate(Content input) {
        return evaluate(input.text());
    }

    @Override
    public Verdict check(Content output) {
        return evaluate(output.text());
    }

    /**
     * Returns the verdict on a text: block, rewrite with matches masked, or pass with findings.
     *
     * @param text the text
     * @return the verdict
     */
    public Verdict evaluate(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > maxInputChars) {
            return Verdict.block("text longer than the word filter's cap of " + maxInputChars + " characters",
                    Finding.ofWhole(DETECTOR, Category.OVERSIZED_INPUT, text.length(), 1.0));
        }
        List<Hit> hits = new ArrayList<>(0);
        String failedRule = scan(text, hits);
        List<Finding> findings = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            findings.add(new Finding(hit.detector(), hit.category(), hit.start(), hit.end(), 1.0));
        }
        if (failedRule != null) {
            findings.add(Finding.ofWhole("regex." + failedRule, Category.FILTER_FAILURE, text.length(), 1.0));
            return Verdict.block("regex rule '" + failedRule + "' ran over its step budget", findings);
        }
        for (Hit hit : hits) {
            if (hit.action() == Action.BLOCK) {
                return Verdict.block("text matched " + describe(hit.detector()), findings);
            }
        }
        boolean rewrite = hits.stream().anyMatch(h -> h.action().rewrites());
        if (rewrite) {
            return Verdict.rewrite(redact(text, hits), findings);
        }
        return findings.isEmpty() ? Verdict.pass() : new Verdict.Pass(findings);
    }

    /**
     * Returns what the lists and rules find in a text, without deciding anything.
     *
     * @param text the text
     * @return the findings, in order of their start
     */
    public List<Finding> findings(String text) {
        Verdict verdict = evaluate(text);
        return verdict.findings();
    }

    private static String describe(String detector) {
        int dot = detector.indexOf('.');
        String kind = detector.startsWith("regex.") ? "regex rule" : "word list";
        return kind + " '" + detector.substring(dot + 1) + "'";
    }

    /** Adds the hits of every list and rule to {@code hits}; returns the name of a rule that overran its budget, or null. */
    private String scan(String text, List<Hit> hits) {
        NormalizedText normalized = normalizer.normalize(text);
        Set<Hit> unique = new LinkedHashSet<>();
        if (trie.size() > 0) {
            for (NormalizedText view : normalized.views()) {
                matchWords(view, unique);
            }
        }
        String failed = null;
        if (!rules.isEmpty()) {
            failed = matchRules(text, null, unique);
            for (DecodedLayer layer : normalized.layers()) {
                if (failed == null) {
                    failed = matchRules(layer.decoded(), layer.span(), unique);
                }
            }
        }
        hits.addAll(unique);
        hits.sort(Comparator.comparingInt(Hit::start).thenComparingInt(Hit::end));
        return failed;
    }

    private void matchWords(NormalizedText view, Set<Hit> out) {
        TermBuffer terms = new TermBuffer(view.text().length());
        analyzer.runTerms(view, terms::add);
        if (terms.count == 0) {
            return;
        }
        for (PhraseTrie.Match match : trie.match(terms)) {
            Span span = view.toOriginal(terms.starts[match.first()], terms.ends[match.last()]);
            for (PhraseTrie.Target target : match.targets()) {
                WordList list = target.list();
                out.add(new Hit(DETECTOR + "." + list.name(), list.category(), list.action(), list.mask(),
                        span.start(), span.end()));
            }
        }
    }

    private String matchRules(String text, Span layerSpan, Set<Hit> out) {
        for (CompiledRule compiled : rules) {
            RegexRule rule = compiled.rule();
            Matcher matcher = compiled.pattern().matcher(new SafeRegex.Budgeted(text));
            try {
                while (matcher.find()) {
                    if (matcher.end() == matcher.start()) {
                        continue;
                    }
                    int start = layerSpan != null ? layerSpan.start() : matcher.start();
                    int end = layerSpan != null ? layerSpan.end() : matcher.end();
                    out.add(new Hit("regex." + rule.name(), rule.category(), rule.action(), rule.mask(), start, end));
                }
            } catch (SafeRegex.BudgetExceeded | StackOverflowError e) {
                return rule.name();
            }
        }
        return null;
    }

    private static String redact(String text, List<Hit> hits) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Hit hit : hits) {
            if (!hit.action().rewrites()) {
                continue;
            }
            if (hit.start() < at) {
                // overlaps a span already replaced: it is gone with it
                continue;
            }
            out.append(text, at, hit.start());
            if (hit.action() == Action.MASK) {
                for (int i = hit.start(); i < hit.end(); i++) {
                    char c = text.charAt(i);
                    out.append(Character.isLetterOrDigit(c) ? '*' : c);
                }
            } else {
                out.append(hit.mask());
            }
            at = hit.end();
        }
        out.append(text, at, text.length());
        return out.toString();
    }

    /** Builds a {@link WordFilter}; lists and rules are checked and analysed by {@link #build()}. */
    public static final class Builder {
        private final List<WordList> lists = new ArrayList<>();
        private final List<RegexRule> regexRules = new ArrayList<>();
        private TextNormalizer normalizer = TextNormalizer.standard();
        private TextAnalyzer analyzer = TextAnalyzer.of(TextAnalyzer.Stemming.ENGLISH, TextAnalyzer.Tokenization.WORDS);
        private int maxInputChars = DEFAULT_MAX_INPUT_CHARS;

        private Builder() {
        }

        /**
         * Adds a word list.
         *
         * @param list the list
         * @return this builder
         */
        public Builder list(WordList list) {
            lists.add(Objects.requireNonNull(list, "list"));
            return this;
        }

        /**
         * Adds the managed profanity list (category {@code PROFANITY}) with the given action.
         *
         * @param action the action
         * @return this builder
         */
        public Builder profanity(Action action) {
            return list(ManagedWordLists.profanity(action));
        }

        /**
         * Adds a regex rule; it is checked for safety by {@link #build()}.
         *
         * @param rule the rule
          * @return this builder
         */
        public Builder regex(RegexRule rule) {
            regexRules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Sets the normaliser; {@link TextNormalizer#standard()} by default.
         *
         * @param normalizer the normalizer
         * @return this builder
         */
        public Builder normalizer(TextNormalizer normalizer) {
            this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
            return this;
        }

        /**
         * Sets the stemmer used for entries and texts alike; English (Porter) by default.
         *
         * @param stemming the stemming
         * @return this builder
         */
        public Builder stemming(TextAnalyzer.Stemming stemming) {
            this.analyzer = TextAnalyzer.of(stemming, analyzer.tokenization());
            return this;
        }

        /**
         * Sets how entries and texts are split into words: {@link TextAnalyzer.Tokenization#WORDS} by
         * default (so "Acme's" and "acme.com" match "acme"), or Lucene's standard tokenizer.
          *
          * @param tokenization the tokenization
          * @return this builder
         */
        public Builder tokenization(TextAnalyzer.Tokenization tokenization) {
            this.analyzer = TextAnalyzer.of(analyzer.stemming(), tokenization);
            return this;
        }

        /**
         * Sets the longest text inspected, at least 1; longer texts are blocked.
         *
         * @param chars the chars
         * @return this builder
         */
        public Builder maxInputChars(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("maxInputChars must be at least 1, was " + chars);
            }
            this.maxInputChars = chars;
            return this;
        }

        /**
         * Returns the filter.
         *
         * @throws IllegalArgumentException when there is nothing to look for, two lists share a name,
         *     an entry has no words once analysed or is too long a phrase, or a regex is unsafe or invalid
          *
          * @return the filter
         */
        public WordFilter build() {
            if (lists.isEmpty() && regexRules.isEmpty()) {
                throw new IllegalArgumentException("a word filter needs at least one word list or regex rule");
            }
            PhraseTrie trie = new PhraseTrie();
            Map<String, WordList> byName = new HashMap<>();
            for (WordList list : lists) {
                if (byName.putIfAbsent(list.name(), list) != null) {
                    throw new IllegalArgumentException("two word lists are named '" + list.name() + "'");
                }
                EntryAnalysis.addAll(list, normalizer, analyzer, trie);
            }
            List<CompiledRule> compiled = new ArrayList<>(regexRules.size());
            Set<String> ruleNames = new LinkedHashSet<>();
            for (RegexRule rule : regexRules) {
                if (!ruleNames.add(rule.name())) {
                    throw new IllegalArgumentException("two regex rules are named '" + rule.name() + "'");
                }
                compiled.add(new CompiledRule(rule, SafeRegex.compile(rule)));
            }
            return new WordFilter(this, trie, List.copyOf(compiled));
        }
    }
}
