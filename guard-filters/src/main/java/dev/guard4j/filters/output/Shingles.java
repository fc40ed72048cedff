package dev.guard4j.filters.output;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns text into hashed word shingles (runs of {@code size} consecutive analysed words), with
 * the character span of each shingle, so that overlap between two texts can be measured on
 * words rather than on spacing, case or accents.
 *
 * <p>Analysis is Lucene's standard tokenizer, lower-casing and ASCII folding.
 */
final class Shingles {

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    private Shingles() {
    }

    /** Receives each shingle of a text in order. */
    @FunctionalInterface
    interface Sink {
        /**
         * Receives one shingle.
         *
         * @param hash the shingle's 64-bit hash, well mixed in every bit
         * @param start the first character of its first word
         * @param end the end of its last word
         */
        void accept(long hash, int start, int end);
    }

    /**
     * Returns the shingles of a text as parallel arrays; texts with fewer than {@code size} words
     * give one shingle made of all their words, and texts without words give none.
     */
    static Shingled of(String text, int size) {
        Collector collector = new Collector();
        forEach(new StringReader(text), size, collector);
        return collector.result();
    }

    /** Streams the shingles of a text to a sink, holding only {@code size} words at a time. */
    static void forEach(Reader text, int size, Sink sink) {
        long[] window = new long[size];
        int[] starts = new int[size];
        int seen = 0;
        int lastEnd = 0;
        try (TokenStream stream = ANALYZER.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int slot = seen % size;
                window[slot] = wordHash(term);
                starts[slot] = offset.startOffset();
                lastEnd = offset.endOffset();
                seen++;
                if (seen >= size) {
                    sink.accept(shingleHash(window, seen, size), starts[seen % size], lastEnd);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse text", e);
        }
        if (seen > 0 && seen < size) {
            sink.accept(shingleHash(window, seen, seen), starts[0], lastEnd);
        }
    }

    private static long wordHash(CharTermAttribute term) {
        // FNV-1a over the UTF-16 units: cheap, and mixed below before any bit is used
        long hash = 0xcbf29ce484222325L;
        char[] buffer = term.buffer();
        for (int i = 0, n = term.length(); i < n; i++) {
            hash ^= buffer[i];
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static long shingleHash(long[] window, int seen, int count) {
        int size = window.length;
        long hash = count;
        for (int i = seen - count; i < seen; i++) {
            hash = hash * 0x9E3779B97F4A7C15L + window[i % size];
        }
        return mix(hash);
    }

    /** Mixes every input bit into every output bit (MurmurHash3's finaliser), so low bits can be sampled. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53e4b37L;
        h ^= h >>> 33;
        return h;
    }

    /** The shingles of one text: hashes with the character span of each. */
    record Shingled(long[] hashes, int[] starts, int[] ends) {
        int count() {
            return hashes.length;
        }
    }

    private static final class Collector implements Sink {
        private long[] hashes = new long[16];
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private int count;

        @Override
        public void accept(long hash, int start, int end) {
            if (count == hashes.length) {
                hashes = java.util.Arrays.copyOf(hashes, count * 2);
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
            }
            hashes[count] = hash;
            starts[count] = start;
            ends[count] = end;
            count++;
        }

        Shingled result() {
            return new Shingled(java.util.Arrays.copyOf(hashes, count), java.util.Arrays.copyOf(starts, count),
                    java.util.Arrays.copyOf(ends, count));
        }
    }
}
