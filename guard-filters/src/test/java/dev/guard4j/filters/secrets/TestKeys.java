package dev.guard4j.filters.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Builds key-shaped test values at run time from a prefix and seeded random characters, so
 * that no real-looking credential sits verbatim in the sources.
 */
final class TestKeys {

    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String HEX = "0123456789abcdef";
    static final String DIGITS = "0123456789";
    static final String BASE64 = ALNUM + "+/";
    static final String BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

    private TestKeys() {
    }

    /** Returns {@code length} characters drawn from {@code alphabet}, the same for the same seed. */
    static String random(String alphabet, int length, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static String alnum(int length) {
        return random(ALNUM, length, length * 31L + 7);
    }

    static String hex(int length) {
        return random(HEX, length, length * 17L + 3);
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a signed-looking JWT: a real header and payload, a random signature. */
    static String jwt() {
        return base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64Url("{\"sub\":\"1234567890\",\"name\":\"Ada\"}")
                + "." + random(ALNUM + "-_", 43, 99);
    }
}
