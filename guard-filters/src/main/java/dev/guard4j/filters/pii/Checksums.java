package dev.guard4j.filters.pii;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Check-digit and structure rules that confirm or drop a pattern match. */
final class Checksums {

    private static final int[][] VERHOEFF_D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

    /** IBAN length per country (ISO 13616 registry). */
    private static final Map<String, Integer> IBAN_LENGTHS = ibanLengths();

    private Checksums() {
    }

    /** Returns the ASCII digits of a value, dropping separators. */
    static String digits(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** Returns whether every character is the same (111111111), a placeholder rather than a real number. */
    static boolean allSame(String digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return digits.length() > 1 && sum % 10 == 0;
    }

    /** IBAN: known country, the country's length, and mod 97 == 1 over the rearranged value. */
    static boolean iban(String value) {
        String compact = value.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
        if (length == null || length != compact.length()) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
                remainder = (remainder * 10 + v) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                v = c - 'A' + 10;
                remainder = (remainder * 100 + v) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    /** ABA routing number: 3-7-1 weighted sum divisible by 10, and a valid Federal Reserve prefix. */
    static boolean abaRouting(String digits) {
        if (digits.length() != 9 || allSame(digits)) {
            return false;
        }
        int prefix = Integer.parseInt(digits.substring(0, 2));
        boolean knownPrefix = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80;
        int[] w = {3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * w[i % 3];
        }
        return knownPrefix && sum % 10 == 0;
    }

    /** UK NHS number: mod 11 with weights 10..2; a check value of 10 never occurs in a real number. */
    static boolean nhs(String digits) {
        if (digits.length() != 10 || allSame(digits)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** North American VIN: transliterate, weight, mod 11 check character in position 9. */
    static boolean vin(String value) {
        String vin = value.toUpperCase(Locale.ROOT);
        if (vin.length() != 17) {
            return false;
        }
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        int[] values = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
        int sum = 0;
        boolean hasLetter = false;
        boolean hasDigit = false;
        for (int i = 0; i < 17; i++) {
            char c = vin.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
                hasDigit = true;
            } else {
                int at = letters.indexOf(c);
                if (at < 0) {
                    return false;
                }
                v = values[at];
                hasLetter = true;
            }
            sum += v * weights[i];
        }
        int check = sum % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return hasLetter && hasDigit && vin.charAt(8) == expected;
    }

    /** Verhoeff check digit (Aadhaar). */
    static boolean verhoeff(String digits) {
        int c = 0;
        int len = digits.length();
        for (int i = 0; i < len; i++) {
            int d = digits.charAt(len - 1 - i) - '0';
            c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d]];
        }
        return c == 0;
    }

    /** Bitcoin legacy address: Base58 decodes to 25 bytes whose last 4 are the double SHA-256 of the rest. */
    static boolean base58Check(String value) {
        BigInteger number = BigInteger.ZERO;
        for (int i = 0; i < value.length(); i++) {
            int digit = BASE58.indexOf(value.charAt(i));
            if (digit < 0) {
                return false;
            }
            number = number.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
        }
        byte[] raw = number.toByteArray();
        int leadingZeros = 0;
        while (leadingZeros < value.length() && value.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        int skip = raw.length > 0 && raw[0] == 0 ? 1 : 0;
        byte[] decoded = new byte[leadingZeros + raw.length - skip];
        System.arraycopy(raw, skip, decoded, leadingZeros, raw.length - skip);
        if (decoded.length != 25) {
            return false;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] once = sha256.digest(Arrays.copyOfRange(decoded, 0, 21));
            byte[] twice = sha256.digest(once);
            return Arrays.equals(Arrays.copyOfRange(twice, 0, 4), Arrays.copyOfRange(decoded, 21, 25));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Bitcoin SegWit address: bech32 (v0) or bech32m (v1+) checksum over the lower-case address. */
    static boolean bech32(String value) {
        String address = value.toLowerCase(Locale.ROOT);
        int separator = address.lastIndexOf('1');
        if (separator < 1 || separator + 7 > address.length() || address.length() > 90) {
            return false;
        }
        String hrp = address.substring(0, separator);
        int[] data = new int[address.length() - separator - 1];
        for (int i = 0; i < data.length; i++) {
            int v = BECH32.indexOf(address.charAt(separator + 1 + i));
            if (v < 0) {
                return false;
            }
            data[i] = v;
        }
        int[] expanded = new int[hrp.length() * 2 + 1 + data.length];
        for (int i = 0; i < hrp.length(); i++) {
            expanded[i] = hrp.charAt(i) >> 5;
            expanded[i + hrp.length() + 1] = hrp.charAt(i) & 31;
        }
        System.arraycopy(data, 0, expanded, hrp.length() * 2 + 1, data.length);
        int polymod = bech32Polymod(expanded);
        int witnessVersion = data[0];
        return witnessVersion == 0 ? polymod == 1 : polymod == 0x2bc830a3;
    }

    private static int bech32Polymod(int[] values) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= generator[i];
                }
            }
        }
        return chk;
    }

    /** US SSN structure: no 000/666/9xx area, no 00 group, no 0000 serial, no well-known sample numbers. */
    static boolean ssn(String digits) {
        if (digits.length() != 9 || allSame(digits)) {
            return false;
        }
        String area = digits.substring(0, 3);
        return !area.equals("000") && !area.equals("666") && digits.charAt(0) != '9'
                && !digits.startsWith("00", 3) && !digits.startsWith("0000", 5)
                && !digits.equals("123456789") && !digits.equals("078051120") && !digits.startsWith("98765432");
    }

    /** US ITIN structure: starts with 9, group in 50-65, 70-88, 90-92 or 94-99. */
    static boolean itin(String digits) {
        if (digits.length() != 9 || digits.charAt(0) != '9') {
            return false;
        }
        int group = Integer.parseInt(digits.substring(3, 5));
        return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
    }

    /** Canadian SIN: Luhn, and no SIN starts with 0 or 8. */
    static boolean canadianSin(String digits) {
        return digits.length() == 9 && digits.charAt(0) != '0' && digits.charAt(0) != '8' && !allSame(digits) && luhn(digits);
    }

    /** Australian TFN: weights 1,4,3,7,5,8,6,9,10, sum divisible by 11. */
    static boolean australianTfn(String digits) {
        if (digits.length() != 9 || allSame(digits)) {
            return false;
        }
        int[] weights = {1, 4, 3, 7, 5, 8, 6, 9, 10};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11 == 0;
    }

    /** Spanish NIF/DNI: 8 digits (or 7 with a leading zero dropped) and the mod-23 control letter. */
    static boolean spanishNif(String value) {
        String compact = value.replace("-", "").toUpperCase(Locale.ROOT);
        String number = compact.substring(0, compact.length() - 1);
        char letter = compact.charAt(compact.length() - 1);
        return "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(number) % 23) == letter;
    }

    /** German tax id (Steuer-ID): no leading zero, no digit more than three times, ISO 7064 mod 11,10. */
    static boolean germanTaxId(String digits) {
        if (digits.length() != 11 || digits.charAt(0) == '0') {
            return false;
        }
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[digits.charAt(i) - '0']++;
        }
        // the first ten digits never hold one digit more than three times (older ids repeat none)
        for (int count : counts) {
            if (count > 3) {
                return false;
            }
        }
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        if (check == 10) {
            check = 0;
        }
        return check == digits.charAt(10) - '0';
    }

    /** Polish PESEL: weights 1,3,7,9 repeating, check digit makes the sum divisible by 10, month valid. */
    static boolean polishPesel(String digits) {
        if (digits.length() != 11) {
            return false;
        }
        int month = Integer.parseInt(digits.substring(2, 4)) % 20;
        int day = Integer.parseInt(digits.substring(4, 6));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        int[] weights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return (10 - sum % 10) % 10 == digits.charAt(10) - '0';
    }

    /** Italian fiscal code: 16 characters whose last is the odd/even position control letter. */
    static boolean italianFiscalCode(String value) {
        String code = value.toUpperCase(Locale.ROOT);
        int[] odd = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = code.charAt(i);
            int v = c >= '0' && c <= '9' ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? odd[v] : v;
        }
        return code.charAt(15) == (char) ('A' + sum % 26);
    }

    private static Map<String, Integer> ibanLengths() {
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 "
                + "EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 "
                + "JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 "
                + "NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 "
                + "TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
        Map<String, Integer> lengths = new HashMap<>();
        for (String entry : table.split(" ")) {
            lengths.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
        return Map.copyOf(lengths);
    }
}
