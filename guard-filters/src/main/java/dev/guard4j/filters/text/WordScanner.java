package dev.guard4j.filters.text;

import org.apache.lucene.analysis.Analyzer;

/**
 * Splits a text into words exactly as {@link WordTokenizer} does and gives each word its analysed
 * form from a {@link StemCache}, running the Lucene chain only for a word it has not seen lately.
 * Prose repeats its words, so most words skip Lucene's per-token work (attribute clearing, four
 * filters, the stemmer) altogether.
 *
 * <p>A word is a maximal run of word characters, so the chain, run on that word alone, yields that
 * one word analysed: the forms are the ones the chain gives on the whole text, and so are the
 * spans. Not thread-safe; {@link TextAnalyzer} keeps one per thread.
 */
final class WordScanner {

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = WordTokenizer.isWordPart(c);
        }
    }

    private final Analyzer chain;
    private final StemCache cache = new StemCache();
    private char[] text = new char[1024];
    /** Where the chain writes the single form of a word it analyses (one-element holders, reused). */
    private char[] missed;
    private int missedLength;
    private int missedCount;

    WordScanner(Analyzer chain) {
        this.chain = chain;
    }

    void run(String input, TextAnalyzer.TermSink sink) {
        int length = input.length();
        if (text.length < length) {
            text = new char[Math.max(length, text.length * 2)];
        }
        input.getChars(0, length, text, 0);
        int position = 0;
        while (true) {
            while (position < length) {
                char c = text[position];
                // ASCII, most of any text, without decoding code points
                if (c < 128) {
                    if (ASCII_WORD[c]) {
                        break;
                    }
                    position++;
                    continue;
                }
                int cp = Character.codePointAt(text, position, length);
                if (WordTokenizer.isWordPart(cp)) {
                    break;
                }
                position += Character.charCount(cp);
            }
            if (position >= length) {
                return;
            }
            int start = position;
            int first = Character.codePointAt(text, position, length);
            position += Character.charCount(first);
            // the cache key's hash, computed on the way for ASCII words
            int hash = first;
            boolean ascii = first < 128;
            if (!WordTokenizer.isOneCharacterWord(first)) {
                while (position < length && position - start < WordTokenizer.MAX_WORD) {
                    char c = text[position];
                    if (c < 128) {
                        // no ASCII character is a one-character word
                        if (!ASCII_WORD[c]) {
                            break;
                        }
                        hash = 31 * hash + c;
                        position++;
                        continue;
                    }
                    ascii = false;
                    int cp = Character.codePointAt(text, position, length);
                    if (!WordTokenizer.isWordPart(cp) || WordTokenizer.isOneCharacterWord(cp)) {
                        break;
                    }
                    position += Character.charCount(cp);
                }
            }
            emit(start, position, ascii ? hash : StemCache.hash(text, start, position - start), sink);
        }
    }

    private void emit(int start, int end, int hash, TextAnalyzer.TermSink sink) {
        int length = end - start;
        char[] form = length <= StemCache.MAX_WORD ? cache.get(text, start, length, hash) : null;
        if (form != null) {
            sink.accept(form, form.length, start, end);
            return;
        }
        String word = new String(text, start, length);
        missedCount = 0;
        TextAnalyzer.runChain(chain, word, (term, termLength, from, to) -> {
            missedCount++;
            if (missedCount == 1) {
                if (missed == null || missed.length < termLength) {
                    missed = new char[Math.max(termLength, 32)];
                }
                System.arraycopy(term, 0, missed, 0, termLength);
                missedLength = termLength;
            }
        });
        if (missedCount == 1) {
            cache.put(text, start, length, hash, missed, missedLength);
            sink.accept(missed, missedLength, start, end);
        } else if (missedCount > 1) {
            // not expected of a single word; run it again and report what the chain gives, uncached
            TextAnalyzer.runChain(chain, word, (term, termLength, from, to) ->
                    sink.accept(term, termLength, start + from, start + to));
        }
    }
}
