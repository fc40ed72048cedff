package dev.guard4j.filters.pii;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern that needs a keyword to mean anything ("password: ...", "turned 35", "SWIFT ..."):
 * it runs only in a short window after each occurrence of one of its keywords.
 *
 * @param id the rule id
 * @param category the category it reports
 * @param keywords lower-case words that open a window; at least one must occur
 * @param pattern the pattern, run in the window; group {@code group} is the value
 * @param group the group that holds the value
 * @param score the score of a match
 * @param accept drops values that the pattern alone cannot rule out
 */
record KeywordRecognizer(String id, String category, String[] keywords, Pattern pattern, int group, double score,
                         Predicate<String> accept) implements Recognizer {

    private static final int BEFORE = 12;
    private static final String[] NO_CONTEXT = {};
    private static final int AFTER = 80;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Override
    public List<String> categories() {
        return List.of(category);
    }

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        Windows windows = new Windows(this, scan.text(), out);
        for (String keyword : keywords) {
            // "page" is no "age": keywords start a word
            scan.forEachWordStart(keyword, at -> windows.search(at, keyword.length()));
        }
    }

    /** Runs the pattern in the window around each keyword, reporting each value once. */
    private static final class Windows {
        private final KeywordRecognizer rule;
        private final String text;
        private final List<Candidate> out;
        private Matcher matcher;
        private java.util.Set<Integer> starts;

        Windows(KeywordRecognizer rule, String text, List<Candidate> out) {
            this.rule = rule;
            this.text = text;
            this.out = out;
        }

        void search(int at, int keywordLength) {
            int from = Math.max(0, at - BEFORE);
            int to = Math.min(text.length(), at + keywordLength + AFTER);
            if (matcher == null) {
                matcher = rule.pattern.matcher(text);
                matcher.useTransparentBounds(true).useAnchoringBounds(false);
            }
            matcher.region(from, to);
            while (matcher.find()) {
                int start = matcher.start(rule.group);
                int end = matcher.end(rule.group);
                if (start >= 0 && end > start && rule.accept.test(text.substring(start, end))) {
                    if (starts == null) {
                        starts = new java.util.HashSet<>();
                    }
                    if (starts.add(start)) {
                        out.add(new Candidate("pii." + rule.id, rule.category, start, end, rule.score, NO_CONTEXT));
                    }
                }
            }
        }
    }

    static List<Recognizer> catalogue() {
        return List.of(
                rule("age", "AGE", new String[] {"year", "y/o", "yrs"},
                        "(?i)\\b(\\d{1,3})(?: ?- ?| )?(?:years?[- ]old|year-old|yrs? old|y/o)\\b", 0.85, KeywordRecognizer::plausibleAge),
                rule("age-turned", "AGE", new String[] {"turn", "age", "aged"},
                        "(?i)\\b(?:turn(?:ed|s|ing)?|aged|age of|age:|age is)\\s+(\\d{1,3})\\b(?!\\s*(?:%|percent|degrees|times|°))",
                        0.75, KeywordRecognizer::plausibleAge),
                rule("age-was", "AGE", new String[] {"i'm", "i am", "he was", "she was", "i was", "he is", "she is"},
                        "(?i)\\b(?:i'm|i am|he was|she was|i was|he is|she is)\\s+(\\d{1,3})(?=\\s*(?:[.!?;]|$|,\\s))", 0.6,
                        KeywordRecognizer::plausibleAge),
                rule("password", "PASSWORD", new String[] {"password", "passwd", "pwd", "passcode", "passphrase"},
                        "(?i)\\b(?:password|passwd|pwd|passcode|passphrase)\\s*(?:is|:|=)\\s*[\"']?([^\\s\"']{4,64})", 0.8,
                        KeywordRecognizer::notAPlainWord),
                rule("username", "USERNAME", new String[] {"user", "login", "handle"},
                        "(?i)\\b(?:user ?name|user id|userid|login|handle)\\s*(?:is|:|=)\\s*@?([A-Za-z0-9._-]{3,32})", 0.7,
                        KeywordRecognizer::notAPlainWord),
                rule("pin", "PIN", new String[] {"pin"},
                        "(?i)\\bpin(?: code| number)?\\s*(?:is|:|=|#)?\\s*(\\d{4,8})\\b", 0.75, value -> true),
                rule("license-plate", "LICENSE_PLATE", new String[] {"plate", "registration", "reg no", "reg."},
                        "(?i)\\b(?:licen[cs]e plate|plate(?: number)?|number plate|registration(?: number)?|reg\\.? no\\.?)\\s*(?:is|:|#)?\\s*"
                                + "([A-Z0-9]{1,4}[ -]?[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4})?)\\b", 0.7, KeywordRecognizer::hasDigitAndLetterOrDigits),
                rule("swift-code", "SWIFT_CODE", new String[] {"swift", "bic"},
                        "\\b([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\\b", 0.8, value -> COUNTRIES.contains(value.substring(4, 6))),
                rule("aws-access-key", "AWS_ACCESS_KEY", new String[] {"akia", "asia", "aida", "aroa", "aipa", "anpa", "anva", "agpa"},
                        "\\b((?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA)[A-Z2-7]{16})\\b", 0.95, value -> true),
                rule("aws-secret-key", "AWS_SECRET_KEY", new String[] {"aws"},
                        "(?i)\\baws[\\w.-]{0,20}?(?:secret|key)[\\w.-]{0,20}?[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])", 0.9,
                        value -> true));
    }

    private static KeywordRecognizer rule(String id, String category, String[] keywords, String regex, double score, Predicate<String> accept) {
        return new KeywordRecognizer(id, category, keywords, Pattern.compile(regex), 1, score, accept);
    }

    private static boolean plausibleAge(String value) {
        int age = Integer.parseInt(value);
        return age >= 1 && age <= 120;
    }

    /** "my password is incorrect": a value of lower-case letters only after "is" is more often a word than a secret. */
    private static boolean notAPlainWord(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z')) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigitAndLetterOrDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
