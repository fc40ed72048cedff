package dev.guard4j.filters.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds phone numbers with Google's libphonenumber: numbers valid for one of a few default
 * regions, or in international format for any region.
 *
 * <p>Only the regions around digits with at least seven digits are handed to libphonenumber,
 * so text without numbers costs nothing.
 */
final class PhoneRecognizer implements Recognizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int MIN_DIGITS = 7;
    /** Bounds the work libphonenumber does on one region of hostile input (100 KB of digits). */
    private static final long MAX_TRIES = 1000;
    /** Regions whose national formats are tried; international (+) numbers of any region are found with the first. */
    private static final List<String> REGIONS = List.of("US", "GB", "DE", "FR", "IN", "IL", "BR", "JP", "CN", "AU", "IT", "ES", "NL");
    private static final String[] CONTEXT = {"phone", "call", "tel", "mobile", "cell", "fax", "contact",
        "reach", "desk", "office", "whatsapp", "sms", "dial", "text me", "landline", "ring"};

    @Override
    public List<String> categories() {
        return List.of("PHONE");
    }

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        int[] regions = scan.regions(Trigger.DIGIT);
        String text = scan.text();
        for (int r = 0; r < regions.length; r += 2) {
            int from = regions[r];
            int to = regions[r + 1];
            if (countDigits(text, from, to) < MIN_DIGITS) {
                continue;
            }
            String region = text.substring(from, to);
            Set<Long> seen = new HashSet<>();
            for (String country : REGIONS) {
                for (PhoneNumberMatch match : PHONES.findNumbers(region, country, PhoneNumberUtil.Leniency.VALID, MAX_TRIES)) {
                    int start = from + match.start();
                    int end = from + match.end();
                    if (seen.add(((long) start << 32) | end)) {
                        out.add(new Candidate("pii.phone", "PHONE", start, end, score(match.rawString()), CONTEXT));
                    }
                }
            }
        }
    }

    private static double score(String raw) {
        if (raw.startsWith("+")) {
            return 0.6;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '-' || c == '(' || c == '.') {
                return 0.5;
            }
        }
        return 0.4;
    }

    private static int countDigits(String text, int from, int to) {
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }
}
