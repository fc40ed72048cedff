package dev.guard4j.filters.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guard4j.filters.audit.AuditLogVerification.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void sixteenThreadsTimesFiveThousandEventsGiveExactlyEightyThousandChainedRecords() throws Exception {
        int threads = 16;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try (AuditLog log = AuditLog.builder(dir).flush(FlushPolicy.whenBufferFull()).rotateAtBytes(8 << 20).queueCapacity(1024).build()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        log.record(SampleEvents.allowed("t" + thread + "-" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Path> files = AuditLog.files(dir);
        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(files);
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.recordCount()).isEqualTo(threads * perThread);
        assertThat(files).hasSizeGreaterThan(1);
        Set<String> callIds = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode node = json.readTree(line);
                if (node.get("type").asText().equals("event")) {
                    callIds.add(node.get("callId").asText());
                }
            }
        }
        assertThat(callIds).hasSize(threads * perThread);
    }

    static Stream<Arguments> flushPolicies() {
        return Stream.of(
                Arguments.of(FlushPolicy.everyEvent()),
                Arguments.of(FlushPolicy.every(Duration.ofMillis(10))),
                Arguments.of(FlushPolicy.whenBufferFull()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flushPolicies")
    void flushPutsEveryRecordedEventInTheFileUnderEveryPolicy(FlushPolicy policy) throws IOException {
        try (AuditLog log = AuditLog.builder(dir).flush(policy).build()) {
            for (int i = 0; i < 10; i++) {
                log.record(SampleEvents.allowed("call-" + i));
            }
            log.flush();

            AuditLogVerification open = AuditLogVerifier.withoutKey().acceptingOpenEnd().verify(AuditLog.files(dir));
            assertThat(open.ok()).as(open.toString()).isTrue();
            assertThat(open.recordCount()).isEqualTo(10);
            assertThat(AuditLogVerifier.withoutKey().verify(AuditLog.files(dir)).problem()).isEqualTo(Problem.UNSEALED);
        }
        assertThat(AuditLogVerifier.withoutKey().verify(AuditLog.files(dir)).ok()).isTrue();
    }

    @Test
    void everyEventPolicyHasTheRecordOnDiskWhenRecordReturns() throws IOException {
        try (AuditLog log = AuditLog.builder(dir).flush(FlushPolicy.everyEvent()).build()) {
            log.record(SampleEvents.blocked());

            List<String> lines = Files.readAllLines(log.currentFile(), StandardCharsets.UTF_8);
            assertThat(lines).hasSize(2);
            assertThat(AuditEventJson.read(lines.get(1)).callId()).isEqualTo("call-1");
        }
    }

    @Test
    void reopeningAClosedLogContinuesItsChainInANewFile() {
        try (AuditLog log = AuditLog.builder(dir).build()) {
            log.record(SampleEvents.allowed("first"));
        }
        try (AuditLog log = AuditLog.builder(dir).build()) {
            log.record(SampleEvents.allowed("second"));
        }

        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(AuditLog.files(dir));
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.recordCount()).isEqualTo(2);
        assertThat(result.files()).isEqualTo(2);
        assertThat(result.recoveries()).isZero();
    }

    @Test
    void reopeningAfterACrashContinuesTheChainAndTheVerifierCountsTheRecovery() throws IOException {
        try (AuditLog log = AuditLog.builder(dir).build()) {
            for (int i = 0; i < 5; i++) {
                log.record(SampleEvents.allowed("before-" + i));
            }
        }
        // what a crash leaves: no seal, and half of the last record
        Path crashed = AuditLog.files(dir).get(0);
        AuditLogTamperTest.edit(List.of(crashed), 0, lines -> lines.remove(lines.size() - 1));
        try (var channel = Files.newByteChannel(crashed, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(crashed) - 100);
        }
        assertThat(AuditLogVerifier.withoutKey().verify(AuditLog.files(dir)).problem()).isEqualTo(Problem.TORN_LINE);

        try (AuditLog log = AuditLog.builder(dir).build()) {
            log.record(SampleEvents.allowed("after"));
        }

        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(AuditLog.files(dir));
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.recordCount()).isEqualTo(4 + 1);
        assertThat(result.recoveries()).isEqualTo(1);
    }

    @Test
    void aLogThatWasTamperedWithIsNotContinued() throws IOException {
        try (AuditLog log = AuditLog.builder(dir).build()) {
            log.record(SampleEvents.allowed("call"));
        }
        AuditLogTamperTest.edit(AuditLog.files(dir), 0, lines -> lines.set(1, lines.get(1).replace("bob", "eve")));

        assertThatThrownBy(() -> AuditLog.builder(dir).build())
                .isInstanceOf(AuditLogException.class)
                .hasMessageContaining("HASH_MISMATCH");
    }

    @Test
    void aFileWithoutACompleteHeaderIsSetAsideWhenReopening() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("audit-000000000000.jsonl"), "{\"v\":1,\"type\":\"hea");

        try (AuditLog log = AuditLog.builder(dir).build()) {
            log.record(SampleEvents.allowed("call"));
        }

        assertThat(AuditLogVerifier.withoutKey().verify(AuditLog.files(dir)).ok()).isTrue();
        assertThat(dir.resolve("audit-000000000000.jsonl.torn")).exists();
    }

    @Test
    void rotatesAtTheFirstEventOfANewUtcDay() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T23:59:59Z"));
        try (AuditLog log = AuditLog.builder(dir).rotateDaily().clock(clock).build()) {
            log.record(SampleEvents.allowed("today"));
            log.record(SampleEvents.allowed("still today"));
            clock.now = Instant.parse("2026-11-26T00:00:01Z");
            log.record(SampleEvents.allowed("tomorrow"));
        }

        List<Path> files = AuditLog.files(dir);
        assertThat(files).hasSize(2);
        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(files);
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.recordCount()).isEqualTo(3);
    }

    @Test
    void aFullQueueFailsTheCallUnderTheFailPolicyAndNeverDropsSilently() throws Exception {
        BlockingClock clock = new BlockingClock();
        try (AuditLog log = AuditLog.builder(dir).rotateDaily().clock(clock).queueCapacity(2)
                .whenQueueFull(QueueFullPolicy.FAIL).flush(FlushPolicy.whenBufferFull()).build()) {
            log.record(SampleEvents.allowed("first: the writer asks the clock only from the second event of a file"));
            clock.block();
            try {
                log.record(SampleEvents.allowed("taken by the writer, which then waits on the clock"));
                clock.awaitBlocked();
                log.record(SampleEvents.allowed("queued 1"));
                log.record(SampleEvents.allowed("queued 2"));

                assertThatThrownBy(() -> log.record(SampleEvents.allowed("no room")))
                        .isInstanceOf(AuditLogException.class)
                        .hasMessageContaining("queue is full");
            } finally {
                clock.release();
            }
        }
        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(AuditLog.files(dir));
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.recordCount()).isEqualTo(4);
    }

    @Test
    void aFullQueueMakesTheCallerWaitUnderTheWaitPolicy() throws Exception {
        BlockingClock clock = new BlockingClock();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (AuditLog log = AuditLog.builder(dir).rotateDaily().clock(clock).queueCapacity(1)
                .whenQueueFull(QueueFullPolicy.WAIT).flush(FlushPolicy.whenBufferFull()).build()) {
            log.record(SampleEvents.allowed("first"));
            clock.block();
            Thread waiting = new Thread(() -> {
                try {
                    log.record(SampleEvents.allowed("waits for room"));
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            try {
                log.record(SampleEvents.allowed("taken by the writer"));
                clock.awaitBlocked();
                log.record(SampleEvents.allowed("queued"));
                waiting.start();
                waitUntilWaiting(waiting);
                assertThat(waiting.isAlive()).isTrue();
            } finally {
                clock.release();
            }
            waiting.join(TimeUnit.MINUTES.toMillis(1));
            assertThat(waiting.isAlive()).isFalse();
        }
        assertThat(failure.get()).isNull();
        assertThat(AuditLogVerifier.withoutKey().verify(AuditLog.files(dir)).recordCount()).isEqualTo(4);
    }

    @Test
    void anEventTooLargeForTheVerifierIsRefusedAndTheLogStaysValid() {
        List<dev.guard4j.Finding> findings = new ArrayList<>();
        for (int i = 0; i < 250_000; i++) {
            findings.add(new dev.guard4j.Finding("pii.email", "EMAIL", i, i + 1, 0.5));
        }
        dev.guard4j.FilterResult huge = new dev.guard4j.FilterResult(dev.guard4j.Stage.INPUT, "pii", dev.guard4j.Content.Source.USER, 0,
                dev.guard4j.Verdict.Kind.BLOCK, "many", findings, Duration.ZERO, false, null);
        dev.guard4j.AuditEvent event = new dev.guard4j.AuditEvent("huge", SampleEvents.TIME, null, null, null, false,
                dev.guard4j.Outcome.BLOCKED, "many", List.of(huge), "d".repeat(64), null, Duration.ZERO, java.util.Map.of());

        try (AuditLog log = AuditLog.builder(dir).build()) {
            assertThatThrownBy(() -> log.record(event)).isInstanceOf(AuditLogException.class).hasMessageContaining("too large");
            log.record(SampleEvents.allowed("normal"));
        }
        AuditLogVerification result = AuditLogVerifier.withoutKey().verify(AuditLog.files(dir));
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.recordCount()).isEqualTo(1);
    }

    @Test
    void recordingAfterCloseFailsAndCloseIsIdempotent() {
        AuditLog log = AuditLog.builder(dir).build();
        log.close();
        log.close();

        assertThatThrownBy(() -> log.record(SampleEvents.allowed("late")))
                .isInstanceOf(AuditLogException.class)
                .hasMessageContaining("closed");
        assertThat(AuditLogVerifier.withoutKey().verify(AuditLog.files(dir)).ok()).isTrue();
    }

    @Test
    void aLogWithAnotherKeyIsNotContinued() {
        try (AuditLog log = AuditLog.builder(dir).build()) {
            log.record(SampleEvents.allowed("plain"));
        }

        assertThatThrownBy(() -> AuditLog.builder(dir).hmacKey(new byte[32]).build())
                .isInstanceOf(AuditLogException.class)
                .hasMessageContaining("ALGORITHM_MISMATCH");
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of((Runnable) () -> AuditLog.builder(Path.of("x")).rotateAtBytes(100), "rotateAtBytes must be at least 4096, was 100"),
                Arguments.of((Runnable) () -> AuditLog.builder(Path.of("x")).queueCapacity(0), "queueCapacity must be from 1 to 1048576, was 0"),
                Arguments.of((Runnable) () -> AuditLog.builder(Path.of("x")).hmacKey(new byte[8]), "at least 16 bytes"),
                Arguments.of((Runnable) () -> AuditLog.builder(Path.of("x")).filePrefix("../etc"), "file prefix must be"),
                Arguments.of((Runnable) () -> FlushPolicy.every(Duration.ZERO), "from 1 ms to 1 hour, was PT0S"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void badSettingsFailAtOnceNamingTheValue(Runnable setting, String message) {
        assertThatThrownBy(setting::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    private static void waitUntilWaiting(Thread thread) throws InterruptedException {
        for (int i = 0; i < 6000 && thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(10);
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A clock that, once armed, holds up the writer thread when it asks for the time: lets a test fill the queue. */
    static final class BlockingClock extends Clock {
        private volatile boolean armed;
        private final CountDownLatch blocked = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void block() {
            armed = true;
        }

        void awaitBlocked() throws InterruptedException {
            assertThat(blocked.await(1, TimeUnit.MINUTES)).isTrue();
        }

        void release() {
            armed = false;
            released.countDown();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (armed && Thread.currentThread().getName().equals("guard4j-audit-writer")) {
                blocked.countDown();
                try {
                    // bounded, so that a failing test cannot hang the build
                    released.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return SampleEvents.TIME;
        }
    }
}
