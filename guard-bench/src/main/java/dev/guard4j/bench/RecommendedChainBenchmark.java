package dev.guard4j.bench;

import dev.guard4j.Content;
import dev.guard4j.Guard;
import dev.guard4j.InputValidator;
import dev.guard4j.Inspection;
import dev.guard4j.Stage;
import dev.guard4j.Verdict;
import dev.guard4j.filters.injection.PromptInjectionFilter;
import dev.guard4j.filters.limits.ConsumptionLimits;
import dev.guard4j.filters.pii.PiiFilter;
import dev.guard4j.filters.redact.Action;
import dev.guard4j.filters.secrets.SecretsFilter;
import dev.guard4j.filters.words.WordFilter;
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
 * The recommended input chain (limits, profanity words, secrets, PII, injection) over a 4 KB
 * prompt with a handful of entities: through the guard (memo off), and filter by filter on the
 * calling thread. Target: at most 300 us on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecommendedChainBenchmark {

    private Guard recommended;
    private InputValidator[] filters;
    private Content content;

    @Setup
    public void setUp() {
        filters = new InputValidator[] {
            ConsumptionLimits.builder().maxMessageChars(200_000).build(),
            WordFilter.builder().profanity(Action.BLOCK).build(),
            SecretsFilter.ofDefaults(),
            PiiFilter.ofDefaults(),
            PromptInjectionFilter.ofDefaults()};
        recommended = Guard.builder().input(filters).verdictCacheSize(0).build();
        content = Content.of(BenchTexts.proseWithEntities(4096), Content.Source.USER);
    }

    /** Through the guard, memo off. */
    @Benchmark
    public Inspection throughTheGuard() {
        return recommended.inspect(Stage.INPUT, content);
    }

    /** The same filters one after another on the calling thread. */
    @Benchmark
    public Verdict filterByFilter() {
        Verdict last = null;
        Content current = content;
        for (InputValidator filter : filters) {
            last = filter.validate(current);
            if (last instanceof Verdict.Rewrite rewrite) {
                current = current.withText(rewrite.text());
            }
        }
        return last;
    }
}
