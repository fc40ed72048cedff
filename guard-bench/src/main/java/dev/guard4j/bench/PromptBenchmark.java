package dev.guard4j.bench;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.pii.PiiFilter;
import dev.guard4j.filters.secrets.SecretsFilter;
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
 * Measures PII plus secrets over a 4 KB English prompt holding a handful of entities (an
 * e-mail, a phone number, a card number, a person's name, an AWS key id and a GitHub token):
 * the per-call overhead a guarded chat request pays for sensitive-data filtering.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PromptBenchmark {

    private final PiiFilter pii = PiiFilter.ofDefaults();
    private final SecretsFilter secrets = SecretsFilter.ofDefaults();
    private Content prompt;

    @Setup
    public void prepare() {
        prompt = Content.of(BenchmarkTexts.englishWithEntities(4 * 1024), Content.Source.USER);
    }

    /** PII then secrets, as a guard with both filters runs them. */
    @Benchmark
    public Verdict piiThenSecrets4k() {
        return BenchmarkTexts.chain(pii, secrets, prompt);
    }

    /** The PII filter alone. */
    @Benchmark
    public Verdict piiOnly4k() {
        return pii.validate(prompt);
    }

    /** The secrets filter alone. */
    @Benchmark
    public Verdict secretsOnly4k() {
        return secrets.validate(prompt);
    }
}
