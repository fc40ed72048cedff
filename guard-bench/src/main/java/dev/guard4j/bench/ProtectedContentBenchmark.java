package dev.guard4j.bench;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.output.ProtectedContentFilter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Checks a 1 KB answer against 1,000, 10,000 and 100,000 registered protected documents of
 * 150 words each: an answer that quotes one of them and an answer that quotes none. Sample
 * time mode, so the report gives p50, p90 and p99.
 *
 * <pre>java -cp ... org.openjdk.jmh.Main ProtectedContentBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProtectedContentBenchmark {

    @Param({"1000", "10000", "100000"})
    public int documents;

    private ProtectedContentFilter filter;
    private Content quoting;
    private Content unrelated;

    @Setup(Level.Trial)
    public void register() {
        ProtectedContentFilter.Builder builder = ProtectedContentFilter.builder();
        String quoted = null;
        for (int i = 0; i < documents; i++) {
            String text = SyntheticText.words(new Random(i), 150);
            builder.document("doc-" + i, text);
            if (i == documents / 2) {
                quoted = text;
            }
        }
        filter = builder.build();
        String answerStart = SyntheticText.chars(new Random(-1), 500);
        quoting = Content.of(answerStart + " " + quoted.substring(0, 500), Content.Source.MODEL);
        unrelated = Content.of(SyntheticText.chars(new Random(-2), 1000), Content.Source.MODEL);
        if (!(filter.check(quoting) instanceof Verdict.Block) || !(filter.check(unrelated) instanceof Verdict.Pass)) {
            throw new IllegalStateException("benchmark inputs do not behave as intended");
        }
    }

    @Benchmark
    public Verdict answerQuotingADocument() {
        return filter.check(quoting);
    }

    @Benchmark
    public Verdict answerQuotingNone() {
        return filter.check(unrelated);
    }
}
