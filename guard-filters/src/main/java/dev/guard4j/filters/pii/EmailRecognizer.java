package dev.guard4j.filters.pii;

import java.util.List;

/**
 * Finds e-mail addresses by expanding around each {@code '@'} over the characters an address
 * may hold, with bounded lengths, so that hostile input such as {@code "a@"} repeated stays linear.
 */
final class EmailRecognizer implements Recognizer {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final String[] CONTEXT = {"email", "e-mail", "mail", "contact"};

    @Override
    public List<String> categories() {
        return List.of("EMAIL");
    }

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        String text = scan.text();
        int at = text.indexOf('@');
        int consumedUpTo = 0;
        while (at >= 0) {
            int start = at;
            while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && text.charAt(start) == '.') {
                start++;
            }
            int end = at + 1;
            while (end < text.length() && end - at <= MAX_DOMAIN && isDomainChar(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            if (start < at && start >= consumedUpTo && validDomain(text, at + 1, end)
                    && (end >= text.length() || text.charAt(end) != '@')) {
                out.add(new Candidate("pii.email", "EMAIL", start, end, 1.0, CONTEXT));
                consumedUpTo = end;
            }
            at = text.indexOf('@', Math.max(at + 1, consumedUpTo));
        }
    }

    private static boolean validDomain(String text, int from, int to) {
        if (to - from < 3) {
            return false;
        }
        int lastDot = -1;
        int labelStart = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (i == labelStart || text.charAt(i - 1) == '-' || text.charAt(labelStart) == '-') {
                    return false;
                }
                lastDot = i;
                labelStart = i + 1;
            }
        }
        if (lastDot < 0 || to - lastDot - 1 < 2) {
            return false;
        }
        boolean punycode = text.startsWith("xn--", lastDot + 1);
        for (int i = lastDot + 1; i < to && !punycode; i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }
}
