package dev.guard4j.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines with a cap on their length, so that one huge line cannot exhaust memory: the
 * rest of an over-long line is skipped, and the line is reported as too long.
 */
final class BoundedLineReader {

    /** One line: its number (from 1), its text, or the fact that it was longer than the cap. */
    record Line(long number, String text, boolean tooLong) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long number;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** Returns the next line without its line terminator, or {@code null} at the end of input. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAny) {
                        return null;
                    }
                    return finish(text, tooLong);
                }
            }
            sawAny = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (!tooLong) {
                if (text.length() + length > maxChars + 1) {
                    // + 1 leaves room for a '\r' that is stripped below
                    tooLong = true;
                    text.setLength(0);
                } else {
                    text.append(buffer, start, length);
                }
            }
            if (position < limit) {
                position++;
                return finish(text, tooLong);
            }
        }
    }

    private Line finish(StringBuilder text, boolean tooLong) {
        number++;
        int length = text.length();
        if (length > 0 && text.charAt(length - 1) == '\r') {
            text.setLength(length - 1);
        }
        if (!tooLong && text.length() > maxChars) {
            return new Line(number, null, true);
        }
        return new Line(number, tooLong ? null : text.toString(), tooLong);
    }
}
