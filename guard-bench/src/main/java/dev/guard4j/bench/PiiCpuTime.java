package dev.guard4j.bench;

import dev.guard4j.Content;
import dev.guard4j.filters.pii.PiiFilter;
import dev.guard4j.filters.secrets.SecretsFilter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * Measures the PII and secrets filters in thread CPU time rather than wall time, so that the
 * figures stay meaningful on a machine shared with other work: the 4 KB prompt with entities,
 * and the cost per KB of benign and adversarial text at 1 KB and 100 KB.
 *
 * <p>Prints, per case, the median and the 90th percentile over batches of CPU time per call.
 * Run with {@code java -cp ... dev.guard4j.bench.PiiCpuTime [warm-up-seconds [case-name-part]]}.
 */
public final class PiiCpuTime {

    private static final int BATCHES = 15;
    private static String only = "";

    private PiiCpuTime() {
    }

    /**
     * Runs the measurement.
     *
     * @param args optionally the warm-up seconds per case (default 3), then a part of the names of the cases to run
     */
    public static void main(String[] args) {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        only = args.length > 1 ? args[1] : "";
        PiiFilter pii = PiiFilter.ofDefaults();
        SecretsFilter secrets = SecretsFilter.ofDefaults();
        Content prose = Content.of(BenchTexts.proseWithEntities(4096), Content.Source.USER);
        Content prompt = Content.of(BenchmarkTexts.englishWithEntities(4096), Content.Source.USER);
        measure("pii, 4 KB prose with entities", 4, warmupSeconds, () -> size(pii.validate(prose)));
        measure("pii+secrets, 4 KB prose with entities", 4, warmupSeconds,
                () -> size(BenchmarkTexts.chain(pii, secrets, prose)));
        measure("secrets, 4 KB prose with entities", 4, warmupSeconds, () -> size(secrets.validate(prose)));
        measure("pii+secrets, 4 KB prompt (PromptBenchmark)", 4, warmupSeconds,
                () -> size(BenchmarkTexts.chain(pii, secrets, prompt)));
        for (String kind : new String[] {"benign", "digits", "a-at", "base64"}) {
            for (int kb : new int[] {1, 100}) {
                Content content = Content.of(BenchmarkTexts.ofKind(kind, kb * 1024), Content.Source.USER);
                measure("pii+secrets, " + kind + " " + kb + " KB", kb, warmupSeconds,
                        () -> size(BenchmarkTexts.chain(pii, secrets, content)));
            }
        }
    }

    private static int size(Object verdict) {
        return verdict.getClass().getSimpleName().length();
    }

    private static void measure(String name, int kb, int warmupSeconds, IntSupplier op) {
        if (!name.contains(only)) {
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        int warmupOps = 0;
        while (System.nanoTime() < warmupEnd) {
            sink += op.getAsInt();
            warmupOps++;
        }
        int opsPerBatch = Math.max(1, warmupOps / warmupSeconds / 10);
        double[] perOp = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < opsPerBatch; i++) {
                sink += op.getAsInt();
            }
            perOp[b] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / opsPerBatch;
        }
        Arrays.sort(perOp);
        double median = perOp[BATCHES / 2];
        System.out.printf("%-45s CPU us/call: median %9.1f  p90 %9.1f  per KB %8.1f  (sink %d)%n", name, median,
                perOp[BATCHES * 9 / 10], median / kb, sink % 10);
    }
}
