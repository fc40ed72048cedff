package dev.guard4j.filters.words;

import dev.guard4j.filters.text.AnalyzedToken;
import dev.guard4j.filters.text.TextAnalyzer;
import dev.guard4j.filters.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/** Puts a list's entries through the same normaliser and analyser as the texts, and into the trie. */
final class EntryAnalysis {

    /** The longest phrase accepted, in words. */
    static final int MAX_PHRASE_WORDS = 16;

    private EntryAnalysis() {
    }

    static void addAll(WordList list, TextNormalizer normalizer, TextAnalyzer analyzer, PhraseTrie trie) {
        PhraseTrie.Target target = new PhraseTrie.Target(list);
        for (int i = 0; i < list.entries().size(); i++) {
            String entry = list.entries().get(i).strip();
            boolean prefix = entry.endsWith("*");
            if (prefix) {
                entry = entry.substring(0, entry.length() - 1).strip();
            }
            List<AnalyzedToken> tokens = analyzer.analyze(normalizer.normalize(entry));
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("word list '" + list.name() + "': entry " + i
                        + " has no words once analysed (only punctuation or symbols?)");
            }
            if (tokens.size() > MAX_PHRASE_WORDS) {
                throw new IllegalArgumentException("word list '" + list.name() + "': entry " + i + " has "
                        + tokens.size() + " words, more than the limit of " + MAX_PHRASE_WORDS);
            }
            List<String> terms = new ArrayList<>(tokens.size());
            for (AnalyzedToken token : tokens) {
                terms.add(token.term());
            }
            trie.add(terms, prefix, target);
        }
    }
}
