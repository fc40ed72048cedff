package dev.guard4j.filters.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates and times: numeric dates (ISO 8601, d/m/y and m/d/y), dates with month names,
 * years after a preposition ("in 1977"), and weekday names.
 */
final class DateTimeRecognizer implements Recognizer {

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)";
    private static final String B = "(?<![\\w/.:-])";
    private static final String E = "(?![\\w/]|[.:-]\\d)";

    private static final Pattern ISO = Pattern.compile(B + "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?" + E);
    private static final Pattern NUMERIC = Pattern.compile(B + "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?: \\d{1,2}:\\d{2}(?::\\d{2})?)?" + E);
    private static final Pattern NAMED = Pattern.compile(
            B + "(?:\\d{1,2}(?:st|nd|rd|th)?[- ](?:of )?" + MONTH + "\\.?(?:[- ,]{1,2}\\d{4}|-\\d{2})?"
            + "|" + MONTH + "\\.?[- ]\\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?"
            + "|" + MONTH + "\\.?[- ,]{1,2}\\d{4})" + E);
    private static final Pattern MONTH_YEAR = Pattern.compile(B + "(0?[1-9]|1[0-2])/(\\d{4}|\\d{2})" + E);
    private static final Pattern YEAR = Pattern.compile("(?i)\\b(?:in|during|since|until|till|circa|year|born)\\s+((?:1[89]|20)\\d{2})\\b(?![,.]?\\d|\\s*%)");
    /** What each pattern's match can start with, so that it is not run where it cannot match. */
    private static final java.util.Map<Pattern, FirstChar> FIRST = firstChars(ISO, NUMERIC, NAMED, MONTH_YEAR, YEAR);
    private static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final String[] CONTEXT = {"date", "born", "birthday", "dob", "when", "time", "today"};

    @Override
    public List<String> categories() {
        return List.of("DATE_TIME");
    }

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        String text = scan.text();
        findWeekdays(text, out);
        int[] starts = scan.starts(Trigger.DIGIT);
        if (starts.length == 0) {
            return;
        }
        Matcher iso = ISO.matcher(text);
        Matcher numeric = NUMERIC.matcher(text);
        Matcher named = NAMED.matcher(text);
        Matcher monthYear = MONTH_YEAR.matcher(text);
        Matcher year = YEAR.matcher(text);
        for (Matcher m : List.of(iso, numeric, named, monthYear, year)) {
            m.useTransparentBounds(true).useAnchoringBounds(false);
        }
        int lastEnd = -1;
        for (int s = 0; s < starts.length; s += 2) {
            int from = starts[s];
            int to = starts[s + 1];
            if (from < lastEnd) {
                continue;
            }
            int end = dateAt(iso, numeric, named, monthYear, year, text.charAt(from), from, to, out);
            lastEnd = Math.max(lastEnd, end);
        }
    }

    /** Tries each date pattern at one place; returns the end of what it added, or -1. */
    private static int dateAt(Matcher iso, Matcher numeric, Matcher named, Matcher monthYear, Matcher year, char first, int from, int to,
                              List<Candidate> out) {
        if (at(iso, first, from, to) && month(iso.group(2)) && day(iso.group(3))) {
            add(out, "pii.date-iso", iso.start(), iso.end(), 0.85);
            return iso.end();
        }
        if (at(numeric, first, from, to)) {
            int a = Integer.parseInt(numeric.group(1));
            int b = Integer.parseInt(numeric.group(3));
            boolean plausible = (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (b >= 1 && b <= 12 && a >= 1 && a <= 31);
            // "1.2.3" is a version, not a date: a dotted date needs a four-digit year or a day above 12
            boolean version = numeric.group(2).equals(".") && numeric.group(4).length() == 2 && a <= 12 && b <= 12;
            if (plausible && !version) {
                add(out, "pii.date-numeric", numeric.start(), numeric.end(), 0.7);
                return numeric.end();
            }
        }
        if (at(named, first, from, to)) {
            add(out, "pii.date-named", named.start(), named.end(), 0.7);
            return named.end();
        }
        if (at(monthYear, first, from, to)) {
            add(out, "pii.date-month-year", monthYear.start(), monthYear.end(), monthYear.group(2).length() == 4 ? 0.2 : 0.1);
            return monthYear.end();
        }
        if (at(year, first, from, to)) {
            add(out, "pii.date-year", year.start(1), year.end(1), 0.55);
            return year.end();
        }
        return -1;
    }

    private static boolean at(Matcher matcher, char first, int from, int to) {
        if (!FIRST.get(matcher.pattern()).admits(first)) {
            return false;
        }
        matcher.region(from, to);
        return matcher.lookingAt();
    }

    private static java.util.Map<Pattern, FirstChar> firstChars(Pattern... patterns) {
        java.util.Map<Pattern, FirstChar> first = new java.util.IdentityHashMap<>();
        for (Pattern pattern : patterns) {
            first.put(pattern, FirstChar.of(pattern.pattern()));
        }
        return first;
    }

    private static void findWeekdays(String text, List<Candidate> out) {
        int at = text.indexOf("day");
        while (at >= 0) {
            for (String weekday : WEEKDAYS) {
                int start = at + 3 - weekday.length();
                if (start >= 0 && (text.startsWith(weekday, start) || lowerCaseAfterCue(text, weekday, start))
                        && (start == 0 || !Character.isLetter(text.charAt(start - 1)))
                        && (at + 3 >= text.length() || !Character.isLetter(text.charAt(at + 3)))) {
                    add(out, "pii.date-weekday", start, at + 3, 0.6);
                    break;
                }
            }
            at = text.indexOf("day", at + 3);
        }
    }

    /** "on friday": a lower-case weekday counts after a cue word, where it cannot be anything else. */
    private static boolean lowerCaseAfterCue(String text, String weekday, int start) {
        if (!text.regionMatches(true, start, weekday, 0, weekday.length())) {
            return false;
        }
        for (String cue : List.of("on ", "next ", "last ", "this ", "every ", "by ", "until ")) {
            if (start >= cue.length() && text.regionMatches(true, start - cue.length(), cue, 0, cue.length())) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Candidate> out, String detector, int start, int end, double score) {
        out.add(new Candidate(detector, "DATE_TIME", start, end, score, CONTEXT));
    }

    private static boolean month(String value) {
        int m = Integer.parseInt(value);
        return m >= 1 && m <= 12;
    }

    private static boolean day(String value) {
        int d = Integer.parseInt(value);
        return d >= 1 && d <= 31;
    }
}
