package dev.guard4j.filters.text;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Finds runs of encoded text (base64, hex, percent-encoding, escapes) in a text and decodes
 * those that decode to readable text, within a {@link DecodeBudget}.
 */
final class EncodedRuns {

    /** Shorter base64 or hex runs are ordinary words and numbers. */
    static final int MIN_RUN = 16;
    /** Escapes further apart than this belong to different runs. */
    private static final int MAX_ESCAPE_GAP = 24;
    private static final int MIN_SPACED_HEX_PAIRS = 6;

    /** One decoded run. */
    record Run(Encoding encoding, int start, int end, String decoded) {
    }

    private EncodedRuns() {
    }

    /** Adds the readable runs of {@code text[0, limit)} to {@code out}. */
    static void find(String text, int limit, DecodeBudget budget, List<Run> out) {
        findAlphabetRuns(text, limit, budget, out);
        findEscapeRuns(text, limit, budget, out);
    }

    // ---- base64 and hex ----------------------------------------------------------------------

    private static final boolean[] BASE64_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            BASE64_CHARS[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                    || c == '/' || c == '-' || c == '_';
        }
    }

    private static boolean isBase64Char(char c) {
        return c < 128 && BASE64_CHARS[c];
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void findAlphabetRuns(String text, int limit, DecodeBudget budget, List<Run> out) {
        int i = 0;
        while (i < limit) {
            if (!isBase64Char(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < limit && isBase64Char(text.charAt(i))) {
                i++;
            }
            int end = i;
            int padded = end;
            while (padded < limit && padded - end < 2 && text.charAt(padded) == '=') {
                padded++;
            }
            int length = end - start;
            if (length == 2 && isHex(text, start, end)) {
                i = trySpacedHex(text, start, limit, budget, out);
                continue;
            }
            if (length >= MIN_RUN && budget.remainingLayers > 0) {
                Run run = decodeAlphabetRun(text, start, end, padded, budget);
                if (run != null) {
                    out.add(run);
                }
            }
            i = padded;
        }
    }

    private static boolean isHex(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (hexValue(text.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Run decodeAlphabetRun(String text, int start, int end, int padded, DecodeBudget budget) {
        int hexFrom = start;
        if (end - start > 2 && text.charAt(start) == '0' && (text.charAt(start + 1) == 'x' || text.charAt(start + 1) == 'X')) {
            hexFrom = start + 2;
        }
        if ((end - hexFrom) % 2 == 0 && isHex(text, hexFrom, end)) {
            int allowance = budget.allowance();
            if (allowance == 0) {
                return null;
            }
            int pairs = Math.min((end - hexFrom) / 2, allowance);
            if (pairs < (end - hexFrom) / 2) {
                budget.limits.add(NormalizationLimit.DECODE_SIZE);
            }
            byte[] bytes = new byte[pairs];
            for (int k = 0; k < pairs; k++) {
                bytes[k] = (byte) (hexValue(text.charAt(hexFrom + 2 * k)) << 4 | hexValue(text.charAt(hexFrom + 2 * k + 1)));
            }
            String decoded = readable(bytes, pairs);
            if (decoded != null) {
                budget.spend(decoded.length());
                return new Run(Encoding.HEX, start, end, decoded);
            }
        }
        int allowance = budget.allowance();
        if (allowance == 0) {
            return null;
        }
        int chars = end - start;
        long maxChars = (long) allowance / 3 * 4;
        if (chars > maxChars) {
            chars = (int) Math.max(4, maxChars);
            budget.limits.add(NormalizationLimit.DECODE_SIZE);
        }
        byte[] bytes = new byte[chars * 3 / 4 + 3];
        int length = decodeBase64(text, start, start + chars, bytes);
        if (length < 0) {
            return null;
        }
        String decoded = readable(bytes, length);
        if (decoded == null) {
            return null;
        }
        budget.spend(decoded.length());
        return new Run(Encoding.BASE64, start, padded, decoded);
    }

    private static int base64Value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+' || c == '-') {
            return 62;
        }
        return 63;
    }

    /** Decodes either base64 alphabet, unpadded; returns the byte count, or -1 for an impossible length. */
    private static int decodeBase64(String text, int from, int to, byte[] out) {
        int length = 0;
        int bits = 0;
        int count = 0;
        for (int k = from; k < to; k++) {
            bits = bits << 6 | base64Value(text.charAt(k));
            count++;
            if (count == 4) {
                out[length++] = (byte) (bits >> 16);
                out[length++] = (byte) (bits >> 8);
                out[length++] = (byte) bits;
                bits = 0;
                count = 0;
            }
        }
        if (count == 1) {
            return -1;
        }
        if (count == 2) {
            out[length++] = (byte) (bits >> 4);
        } else if (count == 3) {
            out[length++] = (byte) (bits >> 10);
            out[length++] = (byte) (bits >> 2);
        }
        return length;
    }

    /** Decodes "69 67 6e 6f 72 65" (space- or colon-separated pairs); returns where scanning goes on. */
    private static int trySpacedHex(String text, int start, int limit, DecodeBudget budget, List<Run> out) {
        int k = start;
        int pairs = 0;
        while (k + 1 < limit && hexValue(text.charAt(k)) >= 0 && hexValue(text.charAt(k + 1)) >= 0
                && (k + 2 == limit || !isBase64Char(text.charAt(k + 2)))) {
            pairs++;
            k += 2;
            if (k + 2 < limit && (text.charAt(k) == ' ' || text.charAt(k) == ':') && hexValue(text.charAt(k + 1)) >= 0) {
                k++;
            } else {
                break;
            }
        }
        int end = text.charAt(k - 1) == ' ' || text.charAt(k - 1) == ':' ? k - 1 : k;
        if (pairs < MIN_SPACED_HEX_PAIRS || budget.remainingLayers <= 0) {
            return start + 2;
        }
        int allowance = budget.allowance();
        if (allowance == 0) {
            return end;
        }
        int usable = Math.min(pairs, allowance);
        byte[] bytes = new byte[usable];
        for (int p = 0; p < usable; p++) {
            int at = start + 3 * p;
            bytes[p] = (byte) (hexValue(text.charAt(at)) << 4 | hexValue(text.charAt(at + 1)));
        }
        String decoded = readable(bytes, usable);
        if (decoded != null) {
            budget.spend(decoded.length());
            out.add(new Run(Encoding.HEX, start, end, decoded));
        }
        return end;
    }

    // ---- percent-encoding and escapes -----------------------------------------------------------

    /** Returns the length of the escape at {@code i}, or 0 when none starts there. */
    private static int escapeLength(String text, int i, int limit) {
        char c = text.charAt(i);
        if (c == '%') {
            return i + 2 < limit && hexValue(text.charAt(i + 1)) >= 0 && hexValue(text.charAt(i + 2)) >= 0 ? 3 : 0;
        }
        if (c == '\\' && i + 1 < limit) {
            char kind = text.charAt(i + 1);
            if (kind == 'u' && i + 5 < limit && isHex(text, i + 2, i + 6)) {
                return 6;
            }
            if (kind == 'x' && i + 3 < limit && isHex(text, i + 2, i + 4)) {
                return 4;
            }
            return 0;
        }
        if (c == '&' && i + 3 < limit && text.charAt(i + 1) == '#') {
            int k = i + 2;
            boolean hex = text.charAt(k) == 'x' || text.charAt(k) == 'X';
            if (hex) {
                k++;
            }
            int digits = 0;
            while (k < limit && digits < 7 && (hex ? hexValue(text.charAt(k)) >= 0 : Character.isDigit(text.charAt(k)))) {
                k++;
                digits++;
            }
            return digits > 0 && k < limit && text.charAt(k) == ';' ? k + 1 - i : 0;
        }
        return 0;
    }

    private static void findEscapeRuns(String text, int limit, DecodeBudget budget, List<Run> out) {
        int i = 0;
        while (i < limit) {
            char c = text.charAt(i);
            if (c != '%' && c != '\\' && c != '&') {
                i++;
                continue;
            }
            int length = escapeLength(text, i, limit);
            if (length == 0) {
                i++;
                continue;
            }
            int start = i;
            int escapes = 0;
            boolean onlyPercent = true;
            int end = i;
            int k = i;
            while (k < limit && k - end <= MAX_ESCAPE_GAP) {
                char ch = text.charAt(k);
                if (ch == '\n') {
                    break;
                }
                int escape = ch == '%' || ch == '\\' || ch == '&' ? escapeLength(text, k, limit) : 0;
                if (escape > 0) {
                    escapes++;
                    onlyPercent &= ch == '%';
                    k += escape;
                    end = k;
                } else {
                    k++;
                }
            }
            // percent-encoding lives inside a word or a URL: decode the whole chunk around the escapes
            while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && i - start < MAX_ESCAPE_GAP) {
                start--;
            }
            int firstEnd = i + length;
            // one escape alone counts only inside a word ("ign&#111;re"): "100%25" or a lone "\n" is ordinary
            boolean insideWord = escapes == 1 && i > 0 && Character.isLetter(text.charAt(i - 1))
                    && firstEnd < limit && Character.isLetter(text.charAt(firstEnd));
            int extended = 0;
            while (end < limit && !Character.isWhitespace(text.charAt(end)) && escapeLength(text, end, limit) == 0
                    && extended < MAX_ESCAPE_GAP) {
                end++;
                extended++;
            }
            if ((escapes >= 2 || insideWord) && budget.remainingLayers > 0) {
                int allowance = budget.allowance();
                if (allowance > 0) {
                    String decoded = decodeEscapes(text, start, end, onlyPercent, allowance, budget);
                    if (decoded != null) {
                        budget.spend(decoded.length());
                        out.add(new Run(onlyPercent ? Encoding.URL : Encoding.ESCAPE, start, end, decoded));
                    }
                }
            }
            i = Math.max(end, i + 1);
        }
    }

    private static String decodeEscapes(String text, int from, int to, boolean form, int allowance, DecodeBudget budget) {
        StringBuilder decoded = new StringBuilder(Math.min(to - from, allowance));
        byte[] pending = new byte[16];
        int pendingLength = 0;
        int k = from;
        while (k < to) {
            if (decoded.length() >= allowance) {
                budget.limits.add(NormalizationLimit.DECODE_SIZE);
                break;
            }
            char c = text.charAt(k);
            int length = c == '%' || c == '\\' || c == '&' ? escapeLength(text, k, to) : 0;
            boolean byteEscape = length == 3 || length == 4 && c == '\\';
            if (byteEscape) {
                int at = c == '%' ? k + 1 : k + 2;
                if (pendingLength == pending.length) {
                    decoded.append(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
                    pendingLength = 0;
                }
                pending[pendingLength++] = (byte) (hexValue(text.charAt(at)) << 4 | hexValue(text.charAt(at + 1)));
                k += length;
                continue;
            }
            if (pendingLength > 0) {
                decoded.append(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
                pendingLength = 0;
            }
            if (length == 6 && c == '\\') {
                decoded.append((char) Integer.parseInt(text, k + 2, k + 6, 16));
            } else if (length > 0 && c == '&') {
                boolean hex = text.charAt(k + 2) == 'x' || text.charAt(k + 2) == 'X';
                int value = Integer.parseInt(text, k + (hex ? 3 : 2), k + length - 1, hex ? 16 : 10);
                if (Character.isValidCodePoint(value)) {
                    decoded.appendCodePoint(value);
                }
            } else {
                decoded.append(form && c == '+' ? ' ' : c);
                length = 1;
            }
            k += length;
        }
        if (pendingLength > 0) {
            decoded.append(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
        }
        return readable(decoded);
    }

    // ---- readability -------------------------------------------------------------------------

    private static String readable(byte[] bytes, int length) {
        if (length < 4) {
            return null;
        }
        return readable(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }

    /** Returns the text when it reads as text (not binary), else {@code null}. */
    static String readable(CharSequence text) {
        int length = text.length();
        if (length < 4) {
            return null;
        }
        int good = 0;
        int letters = 0;
        for (int k = 0; k < length; k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                good++;
            } else if (c >= 0x20 && c < 0x7F || c == '\n' || c == '\r' || c == '\t'
                    || c >= 0xA0 && c != 0xFFFD && !Character.isISOControl(c)) {
                good++;
            }
        }
        return letters >= 3 && good * 10 >= length * 9 ? text.toString() : null;
    }
}
