package dev.guard4j.filters.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into words with Lucene (standard tokenizer or a faster word tokenizer, lower case,
 * ASCII folding, a stemmer), reporting each word's span in the original text.
 *
 * <pre>{@code
 * NormalizedText normalized = TextNormalizer.standard().normalize("He K1LLS");
 * List<AnalyzedToken> words = TextAnalyzer.english().analyze(normalized);
 * // [("he", 0, 2), ("kill", 3, 8)]
 * }</pre>
 *
 * <p>Instances are thread-safe: Lucene keeps one token stream per thread.
 */
public final class TextAnalyzer {

    /** The stemmers on offer. */
    public enum Stemming {
        /** No stemming: words are matched as written. */
        NONE,
        /** Porter's English stemmer. */
        ENGLISH,
        /** Snowball's German stemmer. */
        GERMAN,
        /** Snowball's French stemmer. */
        FRENCH,
        /** Snowball's Spanish stemmer. */
        SPANISH,
        /** Snowball's Italian stemmer. */
        ITALIAN,
        /** Snowball's Portuguese stemmer. */
        PORTUGUESE,
        /** Snowball's Dutch stemmer. */
        DUTCH,
        /** Snowball's Russian stemmer. */
        RUSSIAN
    }

    /** How text is split into words. */
    public enum Tokenization {
        /** Lucene's standard tokenizer (Unicode UAX #29 word breaks): keeps "don't", "acme.com" and "3.14" whole. */
        STANDARD,
        /**
         * Runs of letters and digits; apostrophes, dots and {@code @} split words ("acme's" and
         * "acme.com" yield "acme"), Han and kana characters are one word each. Faster; made for word lists.
         */
        WORDS
    }

    private static final TextAnalyzer ENGLISH = new TextAnalyzer(Stemming.ENGLISH, Tokenization.STANDARD);

    private final Stemming stemming;
    private final Tokenization tokenization;
    /** The whole chain, for any text. */
    private final Analyzer analyzer;
    /** The chain without lower-casing and ASCII folding, for normalised text, which the normaliser has folded already. */
    private final Analyzer normalizedAnalyzer;
    /** For word tokenization of normalised text: a scanner per thread, remembering recent words' forms. */
    private final ThreadLocal<WordScanner> scanners;

    private TextAnalyzer(Stemming stemming, Tokenization tokenization) {
        this.stemming = stemming;
        this.tokenization = tokenization;
        this.analyzer = chain(stemming, tokenization, true);
        this.normalizedAnalyzer = chain(stemming, tokenization, false);
        this.scanners = tokenization == Tokenization.WORDS
                ? ThreadLocal.withInitial(() -> new WordScanner(normalizedAnalyzer)) : null;
    }

    private static Analyzer chain(Stemming stemming, Tokenization tokenization, boolean lowerCase) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = tokenization == Tokenization.STANDARD ? new StandardTokenizer() : new WordTokenizer();
                // normalised text is lower-cased and accent-folded already: only raw text needs these two
                TokenStream stream = lowerCase ? new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)) : tokenizer;
                if (stemming == Stemming.ENGLISH) {
                    stream = new PorterStemFilter(stream);
                } else if (stemming != Stemming.NONE) {
                    String name = stemming.name().charAt(0) + stemming.name().substring(1).toLowerCase(Locale.ROOT);
                    stream = new SnowballFilter(stream, name);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /**
     * Returns the analyser with Porter's English stemmer.
     *
     * @return the analyser with Porter's English stemmer
     */
    public static TextAnalyzer english() {
        return ENGLISH;
    }

    /**
     * Returns an analyser with the given stemmer.
     *
     * @param stemming the stemmer, or {@link Stemming#NONE}
     * @return the analyser
     */
    public static TextAnalyzer of(Stemming stemming) {
        return of(stemming, Tokenization.STANDARD);
    }

    /**
     * Returns an analyser with the given stemmer and tokenizer.
     *
     * @param stemming the stemmer, or {@link Stemming#NONE}
     * @param tokenization how to split words
     * @return the analyser
     */
    public static TextAnalyzer of(Stemming stemming, Tokenization tokenization) {
        Objects.requireNonNull(stemming, "stemming");
        Objects.requireNonNull(tokenization, "tokenization");
        return stemming == Stemming.ENGLISH && tokenization == Tokenization.STANDARD ? ENGLISH
                : new TextAnalyzer(stemming, tokenization);
    }

    /**
     * Returns the stemmer this analyser uses.
     *
     * @return the stemmer this analyser uses
     */
    public Stemming stemming() {
        return stemming;
    }

    /**
     * Returns how this analyser splits words.
     *
     * @return how this analyser splits words
     */
    public Tokenization tokenization() {
        return tokenization;
    }

    /**
     * Returns the words of a normalised text, with spans of its original text.
     *
     * @param text a normalised text (or one of its layers)
     * @return the words in order
     */
    public List<AnalyzedToken> analyze(NormalizedText text) {
        Objects.requireNonNull(text, "text");
        List<AnalyzedToken> tokens = new ArrayList<>(text.length() / 5 + 1);
        runTerms(text, (term, length, start, end) -> {
            Span span = text.toOriginal(start, end);
            tokens.add(new AnalyzedToken(new String(term, 0, length), span.start(), span.end()));
        });
        return tokens;
    }

    /**
     * Returns the words of a plain text, with spans of that text (no normalisation).
     *
     * @param text the text
     * @return the words in order
     */
    public List<AnalyzedToken> analyze(String text) {
        Objects.requireNonNull(text, "text");
        List<AnalyzedToken> tokens = new ArrayList<>(text.length() / 5 + 1);
        run(text, (term, start, end) -> tokens.add(new AnalyzedToken(term, start, end)));
        return tokens;
    }

    /** Receives words one by one, without building a list. */
    @FunctionalInterface
    public interface TokenSink {
        /**
         * Receives one word.
         *
         * @param term the analysed form
         * @param start where it starts in the analysed text
         * @param end where it ends in the analysed text, exclusive
         */
        void accept(String term, int start, int end);
    }

    /**
     * Feeds the words of {@code text} to {@code sink}, with spans of {@code text} itself.
     *
     * @param text the text to analyse
     * @param sink receives each word
     */
    public void run(String text, TokenSink sink) {
        runTerms(text, (term, length, start, end) -> sink.accept(new String(term, 0, length), start, end));
    }

    /** Receives words one by one in Lucene's reused buffer, for matching without a string per word. */
    @FunctionalInterface
    public interface TermSink {
        /**
         * Receives one word; the buffer is reused for the next word, so copy what you keep.
         *
         * @param term a buffer holding the analysed form in {@code [0, length)}
         * @param length the analysed form's length
         * @param start where the word starts in the analysed text
         * @param end where it ends in the analysed text, exclusive
         */
        void accept(char[] term, int length, int start, int end);
    }

    /**
     * Feeds the words of {@code text} to {@code sink} without making a string per word.
     *
     * @param text the text to analyse
     * @param sink receives each word
     */
    public void runTerms(String text, TermSink sink) {
        runTerms(analyzer, Objects.requireNonNull(text, "text"), sink);
    }

    /**
     * Feeds the words of a normalised text to {@code sink} without making a string per word; the
     * spans are positions of {@code text.text()}, to map with {@link NormalizedText#toOriginal(int, int)}.
     *
     * @param text the normalised text
     * @param sink receives each word
     */
    public void runTerms(NormalizedText text, TermSink sink) {
        Objects.requireNonNull(text, "text");
        if (scanners != null) {
            scanners.get().run(text.text(), sink);
        } else {
            runTerms(normalizedAnalyzer, text.text(), sink);
        }
    }

    /** Runs a chain over a text; for {@link WordScanner}, which analyses the words it has not seen. */
    static void runChain(Analyzer analyzer, String text, TermSink sink) {
        runTerms(analyzer, text, sink);
    }

    private static void runTerms(Analyzer analyzer, String text, TermSink sink) {
        try (TokenStream stream = analyzer.tokenStream("", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                sink.accept(term.buffer(), term.length(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
        } catch (IOException e) {
            // a StringReader does not fail; keep the signature free of checked exceptions
            throw new UncheckedIOException(e);
        }
    }
}
