package dev.guard4j.bench;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.injection.PromptInjectionFilter;
import dev.guard4j.filters.toxicity.ToxicityFilter;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the prompt-injection and toxicity filters per call: a 400-character prompt (p50 from
 * the sample-time percentiles), prose of 1 KB, 100 KB and 1 MB (divide by the size for the cost
 * per KB), and a 1 MB base64 blob, whose decoding is bounded, against 1 MB of prose.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class InjectionBenchmark {

    /** The text: {@code prompt-400}, {@code prose-1k}, {@code prose-100k}, {@code prose-1m} or {@code base64-1m}. */
    @Param({"prompt-400", "prose-1k", "prose-100k", "prose-1m", "base64-1m"})
    public String shape;

    private final PromptInjectionFilter injection = PromptInjectionFilter.ofDefaults();
    private final ToxicityFilter toxicity = ToxicityFilter.ofDefaults();
    private Content content;

    @Setup
    public void prepare() {
        content = Content.of(text(shape), Content.Source.USER);
    }

    static String text(String shape) {
        switch (shape) {
            case "prompt-400":
                return BenchTexts.prose(400);
            case "prose-1k":
                return BenchTexts.prose(1024);
            case "prose-100k":
                return BenchTexts.prose(100 * 1024);
            case "prose-1m":
                return BenchTexts.prose(1024 * 1024);
            case "base64-1m":
                byte[] bytes = new byte[768 * 1024];
                new Random(20_240_601).nextBytes(bytes);
                return Base64.getEncoder().encodeToString(bytes);
            default:
                throw new IllegalArgumentException("unknown shape " + shape);
        }
    }

    /** Runs the prompt-injection filter. */
    @Benchmark
    public Verdict promptInjection() {
        return injection.validate(content);
    }

    /** Runs the toxicity filter (both categories). */
    @Benchmark
    public Verdict toxicity() {
        return toxicity.validate(content);
    }
}
