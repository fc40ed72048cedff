package dev.guard4j.filters.injection;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Finds base64 and hex runs in folded text and decodes those that turn out to be readable text.
 *
 * <p>Bounded: at most {@link #MAX_LAYERS} runs per text and {@link #MAX_DECODED_CHARS} decoded
 * characters in all, so a megabyte of base64 costs one linear scan and a bounded decode.
 */
final class EncodedLayers {

    static final int MAX_LAYERS = 16;
    static final int MAX_DECODED_CHARS = 64 * 1024;
    private static final int MIN_BASE64_RUN = 24;
    private static final int MIN_HEX_RUN = 32;

    /** One decoded run: where it lies in the folded text and what it says. */
    record Layer(int start, int end, String decoded) {
    }

    private EncodedLayers() {
    }

    /**
     * Returns the readable decoded runs of the text; {@code original} is used for base64, whose
     * alphabet is case-sensitive, and has the same length as the folded text it was scanned for.
     */
    static List<Layer> find(String original) {
        List<Layer> layers = new ArrayList<>();
        int budget = MAX_DECODED_CHARS;
        int i = 0;
        int length = original.length();
        while (i < length && layers.size() < MAX_LAYERS && budget > 0) {
            if (!isBase64(original.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean allHex = true;
            while (i < length && isBase64(original.charAt(i))) {
                allHex &= Character.digit(original.charAt(i), 16) >= 0;
                i++;
            }
            int end = i;
            while (end < length && original.charAt(end) == '=' && end - i < 2) {
                end++;
            }
            int runLength = end - start;
            String decoded = null;
            if (allHex && runLength >= MIN_HEX_RUN) {
                decoded = decodeHex(original, start, Math.min(end, start + budget * 2));
            } else if (runLength >= MIN_BASE64_RUN) {
                int usable = Math.min(runLength, (budget / 3 + 1) * 4) & ~3;
                decoded = decodeBase64(original.substring(start, start + usable));
            }
            if (decoded != null && readable(decoded)) {
                layers.add(new Layer(start, end, decoded));
                budget -= decoded.length();
            }
            i = Math.max(end, start + 1);
        }
        return layers;
    }

    private static boolean isBase64(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '-' || c == '_';
    }

    private static String decodeBase64(String run) {
        try {
            String standard = run.replace('-', '+').replace('_', '/');
            return utf8(Base64.getDecoder().decode(standard));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decodeHex(String text, int start, int end) {
        int pairs = (end - start) / 2;
        byte[] bytes = new byte[pairs];
        for (int k = 0; k < pairs; k++) {
            int high = Character.digit(text.charAt(start + 2 * k), 16);
            int low = Character.digit(text.charAt(start + 2 * k + 1), 16);
            bytes[k] = (byte) (high << 4 | low);
        }
        return utf8(bytes);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Text is readable when nearly all of it is letters, digits, spaces and punctuation, and it has spaces. */
    private static boolean readable(String decoded) {
        if (decoded.length() < 8) {
            return false;
        }
        int good = 0;
        int spaces = 0;
        for (int k = 0; k < decoded.length(); k++) {
            char c = decoded.charAt(k);
            if (c == ' ') {
                spaces++;
            }
            if (!Character.isISOControl(c) || c == '\n' || c == '\t' || c == '\r') {
                good++;
            }
        }
        return good >= decoded.length() * 0.95 && spaces >= 1;
    }
}
