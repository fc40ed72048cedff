package dev.guard4j.filters.output;

import dev.guard4j.filters.text.NormalizedText;
import dev.guard4j.filters.text.Span;
import dev.guard4j.filters.text.TextAnalyzer;
import dev.guard4j.filters.text.TextNormalizer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Turns text into hashed word shingles (runs of {@code size} consecutive analysed words), with
 * the character span of each shingle, so that overlap between two texts is measured on words
 * rather than on spacing, case, accents, look-alike letters or leetspeak.
 *
 * <p>Texts up to the normaliser's input cap go through the shared normaliser and the shared
 * English analyser ({@code dev.guard4j.filters.text}); longer texts, which the normaliser would
 * truncate, go through the analyser alone, so that no part of them is skipped.
 */
final class Shingles {

    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();
    private static final TextAnalyzer ANALYZER = TextAnalyzer.english();
    private static final int NORMALIZED_CHARS = TextNormalizer.DEFAULT_MAX_INPUT_CHARS;
    private static final int CHUNK_CHARS = 1 << 16;

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
        Window window = new Window(size, collector);
        analyse(text, 0, window);
        window.finish();
        return collector.result();
    }

    /** Streams the shingles of a text to a sink, holding at most one chunk of the text at a time. */
    static void forEach(Reader text, int size, Sink sink) {
        Window window = new Window(size, sink);
        char[] buffer = new char[NORMALIZED_CHARS + 1];
        try {
            int filled = fill(text, buffer, 0);
            if (filled <= NORMALIZED_CHARS) {
                // the whole text fits the normaliser: treat it exactly as an answer would be
                analyse(new String(buffer, 0, filled), 0, window);
            } else {
                // too long to normalise: analyse it in chunks cut at a blank, so no word is split
                char[] chunk = buffer;
                int length = filled;
                while (length > 0) {
                    int cut = length;
                    if (length == chunk.length) {
                        cut = lastBlank(chunk, length);
                    }
                    // a registered document's spans are never reported, so chunk offsets are not tracked
                    ANALYZER.run(new String(chunk, 0, cut), (term, start, end) -> window.add(term, 0, 0));
                    System.arraycopy(chunk, cut, chunk, 0, length - cut);
                    length = fill(text, chunk, length - cut);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text", e);
        }
        window.finish();
    }

    private static void analyse(String text, int base, Window window) {
        if (text.length() <= NORMALIZED_CHARS) {
            NormalizedText normalized = NORMALIZER.normalize(text);
            ANALYZER.run(normalized.text(), (term, start, end) -> {
                Span span = normalized.toOriginal(start, end);
                window.add(term, base + span.start(), base + span.end());
            });
        } else {
            ANALYZER.run(text, (term, start, end) -> window.add(term, base + start, base + end));
        }
    }

    private static int fill(Reader reader, char[] buffer, int from) throws IOException {
        int filled = from;
        while (filled < buffer.length) {
            int read = reader.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled;
    }

    private static int lastBlank(char[] chunk, int length) {
        for (int i = length - 1; i > length - CHUNK_CHARS && i > 0; i--) {
            if (Character.isWhitespace(chunk[i])) {
                return i + 1;
            }
        }
        // no blank in the last stretch: a giant non-word run, cut anywhere
        return length;
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

    /** The last {@code size} words, hashed, turned into a shingle at every word. */
    private static final class Window {
        private final long[] words;
        private final int[] starts;
        private final Sink sink;
        private int seen;
        private int lastEnd;

        Window(int size, Sink sink) {
            this.words = new long[size];
            this.starts = new int[size];
            this.sink = sink;
        }

        void add(String term, int start, int end) {
            int size = words.length;
            int slot = seen % size;
            words[slot] = wordHash(term);
            starts[slot] = start;
            lastEnd = end;
            seen++;
            if (seen >= size) {
                sink.accept(shingleHash(size), starts[seen % size], lastEnd);
            }
        }

        void finish() {
            if (seen > 0 && seen < words.length) {
                sink.accept(shingleHash(seen), starts[0], lastEnd);
            }
        }

        private long shingleHash(int count) {
            int size = words.length;
            long hash = count;
            for (int i = seen - count; i < seen; i++) {
                hash = hash * 0x9E3779B97F4A7C15L + words[i % size];
            }
            return mix(hash);
        }

        private static long wordHash(String term) {
            // FNV-1a over the UTF-16 units: cheap, and mixed before any bit is used
            long hash = 0xcbf29ce484222325L;
            for (int i = 0; i < term.length(); i++) {
                hash ^= term.charAt(i);
                hash *= 0x100000001b3L;
            }
            return hash;
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
                hashes = Arrays.copyOf(hashes, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            hashes[count] = hash;
            starts[count] = start;
            ends[count] = end;
            count++;
        }

        Shingled result() {
            return new Shingled(Arrays.copyOf(hashes, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
        }
    }
}
