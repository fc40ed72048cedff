package dev.guard4j.bench;

import dev.guard4j.AuditEvent;
import dev.guard4j.Content;
import dev.guard4j.FilterResult;
import dev.guard4j.Finding;
import dev.guard4j.Outcome;
import dev.guard4j.Stage;
import dev.guard4j.Verdict;
import dev.guard4j.filters.audit.AuditLog;
import dev.guard4j.filters.audit.FlushPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the chained audit log from 4 calling threads, by flush policy: fsync off (the
 * buffer is written when full), fsync every 10 ms, and fsync before every call returns (group commit).
 * Each event is a blocked call with two filter results and one finding (about 700 bytes of JSON).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(4)
public class AuditLogBenchmark {

    /** The flush policy: {@code off}, {@code 10ms} or {@code every-event}. */
    @Param({"off", "10ms", "every-event"})
    public String fsync;

    private Path directory;
    private AuditLog log;
    private AuditEvent event;

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("guard4j-audit-bench");
        FlushPolicy policy = switch (fsync) {
            case "off" -> FlushPolicy.whenBufferFull();
            case "10ms" -> FlushPolicy.every(Duration.ofMillis(10));
            case "every-event" -> FlushPolicy.everyEvent();
            default -> throw new IllegalArgumentException("unknown fsync policy " + fsync);
        };
        log = AuditLog.builder(directory).flush(policy).rotateAtBytes(64L << 20).build();
        FilterResult pii = new FilterResult(Stage.INPUT, "pii", Content.Source.USER, 0, Verdict.Kind.BLOCK, "email in prompt",
                List.of(new Finding("pii.email", "EMAIL", 8, 25, 0.9)), Duration.ofNanos(12_345_678), false, null);
        FilterResult injection = new FilterResult(Stage.INPUT, "prompt-injection", Content.Source.USER, 0, Verdict.Kind.PASS, null,
                List.of(), Duration.ofMillis(2), true, null);
        event = new AuditEvent("0b4e7c1e-6f55-4a43-9a43-2b8f0c6d9e11", Instant.now(), "alice", "OPEN_AI", "gpt-4o-mini", false,
                Outcome.BLOCKED, "email in prompt", List.of(pii, injection), "a".repeat(64), null, Duration.ofMillis(15),
                Map.of("tenant", "acme"));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** One call recorded. */
    @Benchmark
    public void record() {
        log.record(event);
    }
}
