package dev.guard4j.filters.audit;

import dev.guard4j.AuditEvent;
import dev.guard4j.AuditHook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A tamper-evident JSON-lines audit log: an {@link AuditHook} that chains every record to the one
 * before it by SHA-256 (or HMAC-SHA256 under a key), so that {@link AuditLogVerifier} detects an
 * edited, deleted, inserted, reordered or truncated record.
 *
 * <pre>{@code
 * try (AuditLog log = AuditLog.builder(Path.of("/var/log/app/audit"))
 *         .hmacKey(key)
 *         .rotateAtBytes(64 << 20)
 *         .flush(FlushPolicy.every(Duration.ofMillis(10)))
 *         .build()) {
 *     Guard guard = Guard.builder().audit(log)...;
 * }
 * }</pre>
 *
 * <p>One writer thread owns the files; callers hand it events through a bounded queue. When the
 * queue is full the caller waits or the call throws, by {@link QueueFullPolicy}; an event is never
 * dropped silently. Files are named {@code PREFIX-SEQ.jsonl} (SEQ is the first record's sequence
 * number, zero-padded); each starts with a header record linked to the last record of the file
 * before, and ends with a seal record. A log reopened after a crash continues the chain in a new
 * file whose header says {@code "recovered":true}. The record format is in {@code docs/audit.md}.
 *
 * <p>Warning: one folder, one writer. Two {@code AuditLog}s on the same folder break the chain.
 */
public final class AuditLog implements AuditHook, AutoCloseable {

    /** The largest event a log records, leaving room for the chain fields under the verifier's line limit. */
    static final int MAX_EVENT_BYTES = LineReader.MAX_LINE - 4096;

    private static final Pattern FILE_NAME = Pattern.compile("(.+)-(\\d{12,18})\\.jsonl");

    private final Path directory;
    private final BlockingQueue<LogWriter.Item> queue;
    private final QueueFullPolicy whenFull;
    private final boolean awaitDurable;
    private final LogWriter writer;
    private final Thread thread;
    private final Thread shutdownHook;
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    private AuditLog(Builder builder) {
        this.directory = builder.directory;
        this.queue = new ArrayBlockingQueue<>(builder.queueCapacity);
        this.whenFull = builder.whenFull;
        this.awaitDurable = builder.flushPolicy instanceof FlushPolicy.EveryEvent;
        this.writer = new LogWriter(builder.directory, builder.prefix, builder.key, builder.rotateAtBytes, builder.rotateDaily,
                builder.clock, builder.flushPolicy, queue);
        try {
            writer.open(builder.key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log in " + builder.directory, e);
        }
        this.thread = new Thread(writer, "guard4j-audit-writer");
        thread.setDaemon(true);
        thread.start();
        // a JVM that exits normally still seals the log; a killed one leaves an end the verifier reports
        this.shutdownHook = new Thread(this::closeQuietly, "guard4j-audit-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Returns a builder for a log in the given folder (created if missing).
     *
     * @param directory the folder for the log's files
     * @return the builder
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /**
     * Lists a folder's log files with the default prefix {@code audit}, oldest first, for {@link AuditLogVerifier}.
     *
     * @param directory the log's folder
     * @return the files, in chain order
     */
    public static List<Path> files(Path directory) {
        return files(directory, Builder.DEFAULT_PREFIX);
    }

    /**
     * Lists a folder's log files with the given prefix, oldest first.
     *
     * @param directory the log's folder
     * @param prefix the file-name prefix the log was built with
     * @return the files, in chain order; empty when the folder does not exist
     */
    public static List<Path> files(Path directory, String prefix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(Files::isRegularFile).forEach(path -> {
                Matcher name = FILE_NAME.matcher(path.getFileName().toString());
                if (name.matches() && name.group(1).equals(prefix)) {
                    found.add(path);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        found.sort(Comparator.comparingLong(AuditLog::firstSeq));
        return found;
    }

    static String fileName(String prefix, long seq) {
        return prefix + "-" + String.format("%012d", seq) + ".jsonl";
    }

    private static long firstSeq(Path file) {
        Matcher name = FILE_NAME.matcher(file.getFileName().toString());
        return name.matches() ? Long.parseLong(name.group(2)) : Long.MAX_VALUE;
    }

    /**
     * Queues the event for the log; with {@link FlushPolicy#everyEvent()}, waits until it is on disk.
     *
     * @param event the call's record
     * @throws AuditLogException when the log is closed or failed, the event's JSON is over 16 MiB, the queue is full under
     *         {@link QueueFullPolicy#FAIL}, or the thread was interrupted while waiting; the event is then not recorded
     */
    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        byte[] fields = AuditEventJson.fields(event);
        if (fields.length > MAX_EVENT_BYTES) {
            // the verifier refuses lines this long, so writing it would break the log for everyone
            throw new AuditLogException("call " + event.callId() + " is too large to record: " + fields.length
                    + " bytes of JSON, the limit is " + MAX_EVENT_BYTES);
        }
        CompletableFuture<Void> done = awaitDurable ? new CompletableFuture<>() : null;
        closing.readLock().lock();
        try {
            if (closed) {
                throw new AuditLogException("the audit log is closed: call " + event.callId() + " was not recorded");
            }
            enqueue(new LogWriter.Event(fields, done), whenFull, event.callId());
        } finally {
            closing.readLock().unlock();
        }
        if (done != null) {
            await(done, "call " + event.callId());
        }
    }

    /**
     * Writes and forces to disk every event recorded so far.
     *
     * @throws AuditLogException when the log is closed or failed
     */
    public void flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        closing.readLock().lock();
        try {
            if (closed) {
                throw new AuditLogException("the audit log is closed");
            }
            enqueue(new LogWriter.Flush(done), QueueFullPolicy.WAIT, "flush");
        } finally {
            closing.readLock().unlock();
        }
        await(done, "flush");
    }

    /**
     * Writes every queued event, seals the file, forces it to disk and stops the writer. Idempotent.
     *
     * @throws AuditLogException when the writer had failed, so that some events may not be on disk
     */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is what is closing us
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        enqueue(new LogWriter.Close(done), QueueFullPolicy.WAIT, "close");
        await(done, "close");
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // nothing left to tell at JVM exit; the verifier reports an unsealed log
        }
    }

    /**
     * Returns the folder the log writes to.
     *
     * @return the folder
     */
    public Path directory() {
        return directory;
    }

    /**
     * Returns the file being written now.
     *
     * @return the current file
     */
    public Path currentFile() {
        return writer.currentFile();
    }

    private void enqueue(LogWriter.Item item, QueueFullPolicy policy, String what) {
        checkWriter(what);
        try {
            if (policy == QueueFullPolicy.FAIL) {
                if (!queue.offer(item)) {
                    throw new AuditLogException("the audit queue is full (" + (queue.size() + queue.remainingCapacity())
                            + " events): " + what + " was not recorded");
                }
                return;
            }
            // wait in slices, so that a writer that fails meanwhile releases the waiting callers
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                checkWriter(what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditLogException("interrupted while waiting for room in the audit queue: " + what + " was not recorded", e);
        }
    }

    private void checkWriter(String what) {
        Throwable failure = writer.failure();
        if (failure != null) {
            throw new AuditLogException("the audit log writer failed: " + what + " was not recorded", failure);
        }
    }

    private static void await(CompletableFuture<Void> done, String what) {
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new AuditLogException("the audit log could not write " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditLogException("interrupted while waiting for " + what + " to reach the disk; it may still be written", e);
        }
    }

    static byte[] checkKey(byte[] key) {
        Objects.requireNonNull(key, "hmac key");
        if (key.length < 16) {
            throw new IllegalArgumentException("an HMAC key needs at least 16 bytes (32 recommended), was " + key.length);
        }
        return key.clone();
    }

    @Override
    public String toString() {
        return "AuditLog[" + directory + "]";
    }

    /** Builds an {@link AuditLog}; every setter checks its value at once. */
    public static final class Builder {
        static final String DEFAULT_PREFIX = "audit";

        private final Path directory;
        private String prefix = DEFAULT_PREFIX;
        private byte[] key;
        private long rotateAtBytes = 64L * 1024 * 1024;
        private boolean rotateDaily;
        private int queueCapacity = 8192;
        private QueueFullPolicy whenFull = QueueFullPolicy.WAIT;
        private FlushPolicy flushPolicy = FlushPolicy.everyEvent();
        private Clock clock = Clock.systemUTC();

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /**
         * Sets the file-name prefix (default {@code audit}).
         *
         * @param prefix letters, digits, dot, dash and underscore
         * @return this builder
         */
        public Builder filePrefix(String prefix) {
            if (prefix == null || !prefix.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("file prefix must be 1 to 64 of [A-Za-z0-9._-], was " + prefix);
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * Signs records with HMAC-SHA256 under this key, so that nobody without it can write a chain that verifies.
         *
         * @param key at least 16 bytes, 32 recommended; copied
         * @return this builder
         */
        public Builder hmacKey(byte[] key) {
            this.key = checkKey(key);
            return this;
        }

        /**
         * Starts a new file when the current one would grow past this size (default 64 MiB).
         *
         * @param bytes at least 4096
         * @return this builder
         */
        public Builder rotateAtBytes(long bytes) {
            if (bytes < 4096) {
                throw new IllegalArgumentException("rotateAtBytes must be at least 4096, was " + bytes);
            }
            this.rotateAtBytes = bytes;
            return this;
        }

        /**
         * Also starts a new file at the first event of each UTC day.
         *
         * @return this builder
         */
        public Builder rotateDaily() {
            this.rotateDaily = true;
            return this;
        }

        /**
         * Sets how many events may wait for the writer (default 8192).
         *
         * @param capacity from 1 to 1,048,576
         * @return this builder
         */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1 || capacity > 1 << 20) {
                throw new IllegalArgumentException("queueCapacity must be from 1 to 1048576, was " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Sets what a caller meets when the queue is full (default {@link QueueFullPolicy#WAIT}).
         *
         * @param policy wait or fail
         * @return this builder
         */
        public Builder whenQueueFull(QueueFullPolicy policy) {
            this.whenFull = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets when events are written and forced to disk (default {@link FlushPolicy#everyEvent()}).
         *
         * @param policy the flush policy
         * @return this builder
         */
        public Builder flush(FlushPolicy policy) {
            this.flushPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the clock for header and seal times and for daily rotation (default UTC system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Opens the log, continuing the chain of any files already in the folder, and starts the writer.
         *
         * @return the log; close it to seal and force the last file
         * @throws AuditLogException when the existing files do not verify (move them aside first)
         * @throws UncheckedIOException when the folder or file cannot be created
         */
        public AuditLog build() {
            return new AuditLog(this);
        }
    }
}
