package dev.guard4j.filters.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a file as lines of raw bytes, so that hashes are checked over exactly the bytes on disk,
 * and tells a complete line (ended by {@code \n}) from a torn last one.
 */
final class LineReader implements AutoCloseable {

    /** Lines longer than this are reported, not buffered: a hostile file cannot exhaust memory. */
    static final int MAX_LINE = 16 * 1024 * 1024;

    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[4096];

    LineReader(InputStream in) {
        this.in = in;
    }

    /** One line: {@code bytes[0..length)} without the line break. */
    record Line(byte[] bytes, int length, boolean terminated, boolean tooLong) {
    }

    /** Returns the next line, or {@code null} at the end of the file; the bytes are a fresh copy. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    return any ? new Line(Arrays.copyOf(line, length), length, false, tooLong) : null;
                }
            }
            any = true;
            int start = chunkPos;
            while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') {
                chunkPos++;
            }
            int count = chunkPos - start;
            if (!tooLong) {
                if (length + count > MAX_LINE) {
                    tooLong = true;
                } else {
                    if (length + count > line.length) {
                        line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
                    }
                    System.arraycopy(chunk, start, line, length, count);
                    length += count;
                }
            }
            if (chunkPos < chunkEnd) {
                chunkPos++;
                return new Line(Arrays.copyOf(line, length), length, true, tooLong);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
