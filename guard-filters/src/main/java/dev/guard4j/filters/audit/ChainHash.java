package dev.guard4j.filters.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash that links audit records: SHA-256, or HMAC-SHA256 under a secret key, over a record's
 * exact bytes without its {@code hash} field.
 *
 * <p>A record line is {@code B[0..n-1] + ,"hash":"H"} + "}\n"} where {@code B} is the record's
 * JSON object ending in {@code "prev":"..."}} and {@code H = hex(hash(B))}. Not thread-safe: one
 * instance per writer or verifier.
 */
final class ChainHash {

    static final String SHA_256 = "SHA-256";
    static final String HMAC_SHA_256 = "HMAC-SHA256";
    /** The {@code prev} of the first record of a chain. */
    static final String GENESIS = "0".repeat(64);
    /** The bytes between the body and the hex hash. */
    static final byte[] HASH_FIELD = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    /** The length of {@code ,"hash":"<64 hex>"}}. */
    static final int SUFFIX_LENGTH = HASH_FIELD.length + 64 + 2;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest digest;
    private final Mac mac;

    private ChainHash(MessageDigest digest, Mac mac) {
        this.digest = digest;
        this.mac = mac;
    }

    /** Returns a plain SHA-256 chain hash, or an HMAC-SHA256 one when {@code key} is not null. */
    static ChainHash of(byte[] key) {
        try {
            if (key == null) {
                return new ChainHash(MessageDigest.getInstance("SHA-256"), null);
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return new ChainHash(null, mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256 or HmacSHA256", e);
        }
    }

    /** Returns {@code SHA-256} or {@code HMAC-SHA256}, as written in file headers. */
    String algorithm() {
        return mac == null ? SHA_256 : HMAC_SHA_256;
    }

    /** Returns the lowercase hex hash of {@code body[0..length)}. */
    byte[] hexHash(byte[] body, int length) {
        byte[] raw;
        if (mac == null) {
            digest.update(body, 0, length);
            raw = digest.digest();
        } else {
            mac.update(body, 0, length);
            raw = mac.doFinal();
        }
        byte[] hex = new byte[64];
        for (int i = 0; i < 32; i++) {
            hex[2 * i] = HEX[(raw[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[raw[i] & 0xF];
        }
        return hex;
    }

    /**
     * Returns the line for a record body: the body with the hash field added before its closing brace, and a line break.
     *
     * @param body a JSON object that ends with {@code }}
     * @param hexHash receives the record's hash, 64 bytes
     */
    byte[] seal(byte[] body, byte[] hexHash) {
        byte[] hash = hexHash(body, body.length);
        System.arraycopy(hash, 0, hexHash, 0, 64);
        byte[] line = Arrays.copyOf(body, body.length - 1 + SUFFIX_LENGTH + 1);
        int at = body.length - 1;
        System.arraycopy(HASH_FIELD, 0, line, at, HASH_FIELD.length);
        at += HASH_FIELD.length;
        System.arraycopy(hash, 0, line, at, 64);
        at += 64;
        line[at++] = '"';
        line[at++] = '}';
        line[at] = '\n';
        return line;
    }
}
