package dev.guard4j.filters.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phone numbers with Google's libphonenumber: a light pattern proposes phone-shaped runs
 * of digits, and libphonenumber decides whether each is a valid number, in international format
 * for any region or in the national format of one of a few default regions.
 *
 * <p>Only the regions around digits are searched, so text without numbers costs nothing, and
 * libphonenumber parses short candidates instead of scanning the text.
 */
final class PhoneRecognizer implements Recognizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Regions whose national formats are tried, in order, when a number has no country code. */
    private static final List<String> REGIONS = List.of("US", "GB", "DE", "FR", "IN", "BR", "AU", "IT", "JP", "CN");
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\w+/.-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d(?:[ .-]?\\(?\\d\\)?){5,16}"
            + "(?:[ ]?(?:x|ext\\.?|#)[ ]?\\d{1,5})?(?![\\w]|[.-]\\d)");
    private static final int MIN_DIGITS = 7;
    /** E.164 allows at most 15 digits; longer runs (card numbers) are not worth parsing. */
    private static final int MAX_DIGITS = 15;
    /** "2021-05-21" is a date, not a phone number, and parsing it in every region is the costly part. */
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String[] CONTEXT = {"phone", "call", "tel", "mobile", "cell", "fax", "contact",
        "reach", "desk", "office", "whatsapp", "sms", "dial", "text me", "landline", "ring", "answering", "message",
        "registered", "voicemail", "hotline"};
    /** Regions tried only when a phone word is near: parsing in many regions is slow and lets more digit runs pass. */
    private static final List<String> MORE_REGIONS = List.of(
            "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "IS", "IE", "PT", "PL", "CZ", "SK", "HU", "SI", "HR", "RS",
            "RO", "BG", "GR", "TR", "RU", "UA", "EE", "LV", "LT", "LU", "IL", "ZA", "NG", "KE", "EG", "MA", "MX", "AR",
            "CO", "CL", "PE", "NZ", "SG", "MY", "TH", "PH", "ID", "VN", "KR", "TW", "HK", "AE", "SA", "PK");

    @Override
    public List<String> categories() {
        return List.of("PHONE");
    }

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        int[] starts = scan.starts(Trigger.DIGIT);
        String text = scan.text();
        Matcher matcher = CANDIDATE.matcher(text);
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int lastEnd = -1;
        for (int s = 0; s < starts.length; s += 2) {
            if (starts[s] < lastEnd) {
                continue;
            }
            matcher.region(starts[s], starts[s + 1]);
            if (!matcher.lookingAt()) {
                continue;
            }
            String raw = matcher.group();
            int digits = Checksums.digits(raw).length();
            boolean plausible = digits >= MIN_DIGITS && digits <= MAX_DIGITS && !ISO_DATE.matcher(raw).matches();
            double score = plausible ? score(raw) : -1;
            if (plausible && score < 0 && nearPhoneWord(scan, matcher.start(), matcher.end()) && validInAny(raw, MORE_REGIONS)) {
                score = 0.4;
            }
            if (score > 0) {
                out.add(new Candidate("pii.phone", "PHONE", matcher.start(), matcher.end(), score, CONTEXT));
                lastEnd = matcher.end();
            }
        }
    }

    /**
     * Returns the score for a candidate, or -1 when it is no phone number: an international number that is
     * possible for its country, or a national number valid in the first region (US) or, scoring lower
     * because more digit runs pass by chance, in one of the others.
     */
    private static double score(String raw) {
        if (raw.startsWith("+")) {
            try {
                PhoneNumber number = PHONES.parse(raw, "ZZ");
                if (PHONES.isValidNumber(number)) {
                    return 0.7;
                }
                return PHONES.isPossibleNumber(number) ? 0.6 : -1;
            } catch (NumberParseException e) {
                return -1;
            }
        }
        boolean formatted = false;
        for (int i = 0; i < raw.length() && !formatted; i++) {
            char c = raw.charAt(i);
            formatted = c == ' ' || c == '-' || c == '(' || c == '.';
        }
        if (validIn(raw, REGIONS.get(0))) {
            return formatted ? 0.5 : 0.4;
        }
        for (String region : REGIONS.subList(1, REGIONS.size())) {
            if (validIn(raw, region)) {
                return 0.4;
            }
        }
        return -1;
    }

    private static boolean nearPhoneWord(TextScan scan, int start, int end) {
        return scan.anyWordBetween(CONTEXT, start - PiiDetector.CONTEXT_BEFORE, start)
                || scan.anyWordBetween(CONTEXT, end, end + PiiDetector.CONTEXT_AFTER);
    }

    private static boolean validInAny(String raw, List<String> regions) {
        for (String region : regions) {
            if (validIn(raw, region)) {
                return true;
            }
        }
        return false;
    }

    private static boolean validIn(String raw, String region) {
        try {
            PhoneNumber number = PHONES.parse(raw, region);
            return PHONES.isValidNumber(number);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
