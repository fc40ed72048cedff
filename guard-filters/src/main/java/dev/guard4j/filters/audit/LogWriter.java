package dev.guard4j.filters.audit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The single thread that owns the log files: it numbers and chains the queued events, writes them,
 * forces them to disk by the flush policy, and rotates files.
 */
final class LogWriter implements Runnable {

    /** What the queue carries. */
    sealed interface Item permits Event, Flush, Close {
    }

    /** An event's JSON fields; {@code done} completes once it is on disk, or is null when nobody waits. */
    record Event(byte[] fields, CompletableFuture<Void> done) implements Item {
    }

    /** Write and force everything before this item. */
    record Flush(CompletableFuture<Void> done) implements Item {
    }

    /** Seal the file, force it and stop; always the last item. */
    record Close(CompletableFuture<Void> done) implements Item {
    }

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int BATCH = 1024;
    /** Room for the seq, prev and hash fields around an event's own fields. */
    private static final int RECORD_OVERHEAD = 200;

    private final Path directory;
    private final String prefix;
    private final ChainHash hash;
    private final long rotateAtBytes;
    private final boolean rotateDaily;
    private final Clock clock;
    private final long intervalNanos;
    private final BlockingQueue<Item> queue;

    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private final byte[] hexHash = new byte[64];
    private long seq;
    private String prevHash;
    private FileChannel channel;
    private Path file;
    private long fileBytes;
    private long fileEvents;
    private LocalDate fileDay;
    private boolean dirty;
    private volatile Throwable failure;

    LogWriter(Path directory, String prefix, byte[] key, long rotateAtBytes, boolean rotateDaily, Clock clock,
              FlushPolicy flushPolicy, BlockingQueue<Item> queue) {
        this.directory = directory;
        this.prefix = prefix;
        this.hash = ChainHash.of(key);
        this.rotateAtBytes = rotateAtBytes;
        this.rotateDaily = rotateDaily;
        this.clock = clock;
        this.intervalNanos = flushPolicy instanceof FlushPolicy.Interval interval ? interval.interval().toNanos() : 0;
        this.queue = queue;
    }

    /** Returns why the writer stopped, or {@code null} while it works. */
    Throwable failure() {
        return failure;
    }

    /** Returns the file being written. */
    Path currentFile() {
        return file;
    }

    /**
     * Opens the log: continues the chain of the files already in the folder (after a clean close or
     * a crash) or starts a new one, in a new file. Runs on the caller's thread, so errors reach the builder.
     */
    void open(byte[] key) throws IOException {
        Files.createDirectories(directory);
        seq = 0;
        prevHash = ChainHash.GENESIS;
        boolean recovered = false;
        List<Path> files = AuditLog.files(directory, prefix);
        for (int i = files.size() - 1; i >= 0; i--) {
            Path existing = files.get(i);
            ChainScanner scanner = scan(existing, key);
            if (scanner.validLines() == 0) {
                // not even a whole header: a writer died while creating it; keep the bytes, out of the log
                Files.move(existing, existing.resolveSibling(existing.getFileName() + ".torn"), StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            seq = scanner.nextSeq();
            prevHash = scanner.lastHash();
            recovered = scanner.pendingEnd() != null;
            break;
        }
        openFile(recovered);
    }

    private static ChainScanner scan(Path existing, byte[] key) throws IOException {
        ChainScanner scanner = new ChainScanner(key, false);
        try (LineReader reader = new LineReader(new BufferedInputStream(Files.newInputStream(existing), 1 << 16))) {
            long lineNo = 0;
            LineReader.Line line = reader.next();
            while (line != null) {
                LineReader.Line next = reader.next();
                ChainScanner.Failure failure = scanner.line(existing, ++lineNo, line, ChainScanner.peekSeq(next));
                if (failure != null) {
                    throw new AuditLogException("cannot continue the audit log: " + existing + ":" + failure.line() + " "
                            + failure.problem() + ": " + failure.reason() + "; move the log's files aside or verify them");
                }
                line = next;
            }
        }
        scanner.endOfFile(existing);
        return scanner;
    }

    @Override
    public void run() {
        List<Item> batch = new ArrayList<>(BATCH);
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        long nextSync = Long.MAX_VALUE;
        try {
            while (true) {
                Item first = intervalNanos > 0 && dirty
                        ? queue.poll(Math.max(0, nextSync - System.nanoTime()), TimeUnit.NANOSECONDS)
                        : queue.take();
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                boolean wasDirty = dirty;
                boolean syncNow = false;
                Close close = null;
                for (Item item : batch) {
                    if (item instanceof Event event) {
                        writeEvent(event.fields());
                        if (event.done() != null) {
                            waiters.add(event.done());
                        }
                    } else if (item instanceof Flush flush) {
                        waiters.add(flush.done());
                        syncNow = true;
                    } else {
                        close = (Close) item;
                    }
                }
                batch.clear();
                if (close != null) {
                    writeSeal("close");
                    sync();
                    channel.close();
                    waiters.forEach(done -> done.complete(null));
                    close.done().complete(null);
                    return;
                }
                long now = System.nanoTime();
                if (intervalNanos > 0 && dirty && !wasDirty) {
                    nextSync = now + intervalNanos;
                }
                if (!waiters.isEmpty() || intervalNanos > 0 && dirty && now - nextSync >= 0) {
                    syncNow = true;
                }
                if (syncNow) {
                    sync();
                    waiters.forEach(done -> done.complete(null));
                    waiters.clear();
                }
            }
        } catch (Throwable t) {
            failure = t;
            AuditLogException reason = new AuditLogException("the audit log writer failed: " + t, t);
            waiters.forEach(done -> done.completeExceptionally(reason));
            batch.addAll(queue);
            queue.clear();
            for (Item item : batch) {
                CompletableFuture<Void> done = item instanceof Event event ? event.done()
                        : item instanceof Flush flush ? flush.done() : ((Close) item).done();
                if (done != null) {
                    done.completeExceptionally(reason);
                }
            }
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the failure that matters is already recorded
            }
        }
    }

    private void writeEvent(byte[] fields) throws IOException {
        if (fileEvents > 0 && (fileBytes + fields.length + RECORD_OVERHEAD > rotateAtBytes || rotateDaily && !today().equals(fileDay))) {
            rotate();
        }
        byte[] head = ("{\"v\":" + AuditEventJson.SCHEMA_VERSION + ",\"type\":\"event\",\"seq\":" + seq + ",").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (",\"prev\":\"" + prevHash + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + fields.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(fields, 0, body, head.length, fields.length);
        System.arraycopy(tail, 0, body, head.length + fields.length, tail.length);
        writeRecord(body);
        fileEvents++;
    }

    private void writeSeal(String reason) throws IOException {
        String body = "{\"v\":" + AuditEventJson.SCHEMA_VERSION + ",\"type\":\"seal\",\"seq\":" + seq + ",\"reason\":\"" + reason
                + "\",\"events\":" + fileEvents + ",\"time\":\"" + clock.instant() + "\",\"prev\":\"" + prevHash + "\"}";
        writeRecord(body.getBytes(StandardCharsets.US_ASCII));
    }

    private void writeRecord(byte[] body) throws IOException {
        byte[] line = hash.seal(body, hexHash);
        fileBytes += line.length;
        int offset = 0;
        // fill the buffer to the brim and write whole buffers: a record may span two writes
        while (offset < line.length) {
            int n = Math.min(buffer.remaining(), line.length - offset);
            buffer.put(line, offset, n);
            offset += n;
            if (!buffer.hasRemaining()) {
                writeBuffer();
            }
        }
        dirty = true;
        prevHash = new String(hexHash, StandardCharsets.US_ASCII);
        seq++;
    }

    private void rotate() throws IOException {
        writeSeal("rotate");
        sync();
        channel.close();
        openFile(false);
    }

    private void openFile(boolean recovered) throws IOException {
        file = directory.resolve(AuditLog.fileName(prefix, seq));
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        fileBytes = 0;
        fileEvents = 0;
        fileDay = today();
        String body = "{\"v\":" + AuditEventJson.SCHEMA_VERSION + ",\"type\":\"header\",\"seq\":" + seq + ",\"alg\":\"" + hash.algorithm()
                + "\",\"created\":\"" + clock.instant() + "\",\"recovered\":" + recovered + ",\"prev\":\"" + prevHash + "\"}";
        writeRecord(body.getBytes(StandardCharsets.US_ASCII));
        sync();
        syncDirectory();
    }

    private void writeBuffer() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private void sync() throws IOException {
        writeBuffer();
        channel.force(false);
        dirty = false;
    }

    /** Makes the new file's name durable too; not every platform can open a folder, which is fine. */
    private void syncDirectory() {
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows cannot open a directory as a channel; the file's own fsync still holds its data
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
