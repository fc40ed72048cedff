package dev.guard4j.bench;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.pii.PiiFilter;
import dev.guard4j.filters.secrets.SecretsFilter;
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
 * Measures the PII and secrets filters, one after the other as a guard runs them, on a prompt
 * of a given kind and size: benign English, and the adversarial shapes that hurt regex
 * engines (a run of digits, {@code a@} repeated, a base64-like run).
 *
 * <p>Divide the time per call by {@code sizeKb} for the cost per KB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SensitiveDataBenchmark {

    /** The shape of the text. */
    @Param({"benign", "digits", "a-at", "base64"})
    public String kind;

    /** The size of the text in KB (1024 characters). */
    @Param({"1", "100"})
    public int sizeKb;

    private final PiiFilter pii = PiiFilter.ofDefaults();
    private final SecretsFilter secrets = SecretsFilter.ofDefaults();
    private Content content;

    @Setup
    public void prepare() {
        content = Content.of(BenchmarkTexts.ofKind(kind, sizeKb * 1024), Content.Source.USER);
    }

    /** Runs PII then secrets, feeding a rewrite of the first into the second as the guard does. */
    @Benchmark
    public Verdict piiThenSecrets() {
        return BenchmarkTexts.chain(pii, secrets, content);
    }

    /** Runs the secrets filter alone. */
    @Benchmark
    public Verdict secretsOnly() {
        return secrets.validate(content);
    }

    /** Returns a seeded random generator, for texts that are the same on every run. */
    static Random seeded() {
        return new Random(20_240_601);
    }
}
