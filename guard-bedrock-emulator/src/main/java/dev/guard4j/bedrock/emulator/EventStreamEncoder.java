package dev.guard4j.bedrock.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Encodes one message of the AWS event-stream format ({@code application/vnd.amazon.eventstream}).
 *
 * <p>Layout: total length (4 bytes), headers length (4), CRC32 of those 8 bytes (4), the headers,
 * the payload, and the CRC32 of everything before it (4). Every header here is a string (type 7).
 */
final class EventStreamEncoder {

    private static final byte STRING_HEADER = 7;
    private static final int PRELUDE_AND_CRCS = 16;

    private EventStreamEncoder() {
    }

    static byte[] encode(Map<String, String> headers, byte[] payload) {
        byte[] headerBytes = encodeHeaders(headers);
        int total = PRELUDE_AND_CRCS + headerBytes.length + payload.length;
        ByteBuffer buffer = ByteBuffer.allocate(total);
        buffer.putInt(total);
        buffer.putInt(headerBytes.length);
        buffer.putInt((int) crc32(buffer.array(), 0, 8));
        buffer.put(headerBytes);
        buffer.put(payload);
        buffer.putInt((int) crc32(buffer.array(), 0, total - 4));
        return buffer.array();
    }

    private static byte[] encodeHeaders(Map<String, String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            byte[] name = header.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = header.getValue().getBytes(StandardCharsets.UTF_8);
            out.write(name.length);
            out.write(name, 0, name.length);
            out.write(STRING_HEADER);
            out.write((value.length >>> 8) & 0xFF);
            out.write(value.length & 0xFF);
            out.write(value, 0, value.length);
        }
        return out.toByteArray();
    }

    private static long crc32(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
