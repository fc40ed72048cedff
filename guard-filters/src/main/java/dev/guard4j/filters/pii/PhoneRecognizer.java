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
    static final List<String> REGIONS = List.of("US", "GB", "DE", "FR", "IN", "BR", "AU", "IT", "JP", "CN");
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
    static final List<String> MORE_REGIONS = List.of(
            "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "IS", "IE", "PT", "PL", "CZ", "SK", "HU", "SI", "HR", "RS",
            "RO", "BG", "GR", "TR", "RU", "UA", "EE", "LV", "LT", "LU", "IL", "ZA", "NG", "KE", "EG", "MA", "MX", "AR",
            "CO", "CL", "PE", "NZ", "SG", "MY", "TH", "PH", "ID", "VN", "KR", "TW", "HK", "AE", "SA", "PK");
    /** Each region's cheap necessary condition, checked before libphonenumber parses (about 10 us a region). */
    private static final java.util.Map<String, PhoneRegionShape> SHAPES = shapes();

    private static java.util.Map<String, PhoneRegionShape> shapes() {
        java.util.Map<String, PhoneRegionShape> shapes = new java.util.HashMap<>();
        for (String region : REGIONS) {
            shapes.put(region, PhoneRegionShape.of(region));
        }
        for (String region : MORE_REGIONS) {
            shapes.put(region, PhoneRegionShape.of(region));
        }
        return java.util.Map.copyOf(shapes);
    }

    @Override
    public List<String> categories() {
        return List.of("PHONE");
    }

    /**
     * Categories whose values, once confirmed by a checksum or a strict structure, are not also parsed as phone
     * numbers: the digits of an IBAN or an IPv4 address often form a run that is valid somewhere, and parsing
     * it for every region is the costliest thing the PII filter does.
     */
    private static final java.util.Set<String> CLAIMING = java.util.Set.of(
            "INTERNATIONAL_BANK_ACCOUNT_NUMBER", "CREDIT_DEBIT_CARD_NUMBER", "IP_ADDRESS");
    private static final double CLAIMING_SCORE = 0.6;

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        int[] starts = scan.starts(Trigger.DIGIT);
        if (starts.length == 0) {
            return;
        }
        List<Candidate> claimed = new java.util.ArrayList<>();
        for (Candidate earlier : out) {
            if (earlier.score() >= CLAIMING_SCORE && CLAIMING.contains(earlier.category())) {
                claimed.add(earlier);
            }
        }
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
            if (insideAny(claimed, matcher.start(), matcher.end())) {
                continue;
            }
            String raw = matcher.group();
            String digits = Checksums.digits(raw);
            boolean plausible = digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && !ISO_DATE.matcher(raw).matches();
            // an extension's digits are not part of the number; such rare runs skip the shape check
            String national = raw.startsWith("+") || hasExtension(raw) ? null : digits;
            double score = plausible ? score(raw, national) : -1;
            if (plausible && score < 0 && nearPhoneWord(scan, matcher.start(), matcher.end())
                    && validInAny(raw, national, MORE_REGIONS)) {
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
    private static double score(String raw, String national) {
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
        if (validIn(raw, national, REGIONS.get(0))) {
            return formatted ? 0.5 : 0.4;
        }
        for (String region : REGIONS.subList(1, REGIONS.size())) {
            if (validIn(raw, national, region)) {
                return 0.4;
            }
        }
        return -1;
    }

    private static boolean insideAny(List<Candidate> claimed, int start, int end) {
        for (Candidate candidate : claimed) {
            if (candidate.start() <= start && end <= candidate.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean nearPhoneWord(TextScan scan, int start, int end) {
        return scan.anyWordBetween(CONTEXT, start - PiiDetector.CONTEXT_BEFORE, start)
                || scan.anyWordBetween(CONTEXT, end, end + PiiDetector.CONTEXT_AFTER);
    }

    private static boolean validInAny(String raw, String national, List<String> regions) {
        for (String region : regions) {
            if (validIn(raw, national, region)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExtension(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == 'x' || c == 'e' || c == '#') {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether the candidate is a valid number of the region in national format.
     *
     * @param national the candidate's digits when it has no extension, else null (no shortcut)
     */
    static boolean validIn(String raw, String national, String region) {
        if (national != null && !SHAPES.get(region).mayBeValid(national)) {
            return false;
        }
        try {
            PhoneNumber number = PHONES.parse(raw, region);
            return PHONES.isValidNumber(number);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
