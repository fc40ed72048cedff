package dev.guard4j.bench;

import dev.guard4j.Verdict;
import dev.guard4j.filters.redact.Action;
import dev.guard4j.filters.text.NormalizedText;
import dev.guard4j.filters.text.TextAnalyzer;
import dev.guard4j.filters.text.TextNormalizer;
import dev.guard4j.filters.words.WordFilter;
import dev.guard4j.filters.words.WordList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The word filter with a 10,000-entry list over 4 KB of prose, and its parts: normalisation and
 * Lucene analysis alone.
 *
 * <pre>
 * java -cp ... org.openjdk.jmh.Main WordFilterBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class WordFilterBenchmark {

    private String text;
    private WordFilter tenThousandWords;
    private WordFilter profanity;
    private NormalizedText normalized;

    /** Builds the filters and the text once. */
    @Setup
    public void setUp() {
        text = BenchTexts.prose(4096);
        tenThousandWords = WordFilter.builder()
                .list(WordList.of("custom", Action.REPORT_ONLY, BenchTexts.wordList(10_000)))
                .build();
        profanity = WordFilter.builder().profanity(Action.BLOCK).build();
        normalized = TextNormalizer.standard().normalize(text);
    }

    /** The whole filter: normalise, decode, analyse, match 10,000 entries. */
    @Benchmark
    public Verdict wordList10kOver4kb() {
        return tenThousandWords.evaluate(text);
    }

    /** The managed profanity list over the same text. */
    @Benchmark
    public Verdict profanityOver4kb() {
        return profanity.evaluate(text);
    }

    /** Normalisation alone. */
    @Benchmark
    public NormalizedText normalize4kb() {
        return TextNormalizer.standard().normalize(text);
    }

    /** Lucene analysis of the normalised text alone (standard tokenizer, ASCII folding, Porter), as the filter runs it. */
    @Benchmark
    public int analyze4kb() {
        int[] count = {0};
        TextAnalyzer.english().runTerms(normalized, (term, length, start, end) -> count[0]++);
        return count[0];
    }
}
