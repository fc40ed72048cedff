package dev.guard4j.bench;

import dev.guard4j.filters.redact.Action;
import dev.guard4j.filters.text.NormalizedText;
import dev.guard4j.filters.text.TextAnalyzer;
import dev.guard4j.filters.text.TextNormalizer;
import dev.guard4j.filters.words.WordFilter;
import dev.guard4j.filters.words.WordList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * Measures the word filter's cost in thread CPU time rather than wall time, so that the figure
 * stays meaningful on a machine shared with other work (JMH's wall-clock figures do not).
 *
 * <p>Prints, per operation, the median and the 90th percentile over batches of CPU time per op.
 * Run with {@code java -cp ... dev.guard4j.bench.WordFilterCpuTime}.
 */
public final class WordFilterCpuTime {

    private static final int WARMUP_SECONDS = 8;
    private static final int BATCHES = 40;
    private static final int OPS_PER_BATCH = 200;

    private WordFilterCpuTime() {
    }

    /**
     * Runs the measurement.
     *
     * @param args none
     */
    public static void main(String[] args) {
        String text = BenchTexts.prose(4096);
        WordFilter tenThousand = WordFilter.builder()
                .list(WordList.of("custom", Action.REPORT_ONLY, BenchTexts.wordList(10_000)))
                .build();
        WordFilter profanity = WordFilter.builder().profanity(Action.BLOCK).build();
        TextNormalizer normalizer = TextNormalizer.standard();
        NormalizedText normalized = normalizer.normalize(text);
        TextAnalyzer analyzer = TextAnalyzer.english();

        measure("normalize 4 KB", () -> normalizer.normalize(text).length());
        measure("analyze 4 KB (Lucene)", () -> {
            int[] count = {0};
            analyzer.runTerms(normalized, (term, length, start, end) -> count[0]++);
            return count[0];
        });
        measure("word list 10,000 entries over 4 KB", () -> tenThousand.evaluate(text).findings().size());
        measure("managed profanity over 4 KB", () -> profanity.evaluate(text).findings().size());
    }

    private static void measure(String name, IntSupplier op) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warmupEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            sink += op.getAsInt();
        }
        double[] perOp = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < OPS_PER_BATCH; i++) {
                sink += op.getAsInt();
            }
            perOp[b] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / OPS_PER_BATCH;
        }
        Arrays.sort(perOp);
        System.out.printf("%-40s CPU us/op: median %7.1f  p90 %7.1f  (sink %d)%n", name, perOp[BATCHES / 2],
                perOp[BATCHES * 9 / 10], sink % 10);
    }
}
