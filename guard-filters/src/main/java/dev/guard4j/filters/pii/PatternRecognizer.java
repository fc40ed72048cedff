package dev.guard4j.filters.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognizer that is pure data: a linear-time pattern with a base score, a rule that confirms,
 * rescores or drops a match (a checksum), and context words that raise the score.
 *
 * @param id the rule id, reported as the finding's detector
 * @param category the category it reports
 * @param pattern the pattern; group {@code group} is the value
 * @param group the pattern group that holds the value (0 for the whole match)
 * @param score the base score
 * @param trigger where in the text the pattern can match
 * @param check rescores a match or drops it
 * @param context words that raise the score when they occur near the match
 * @param first what a match can start with: places where it cannot are skipped without running the pattern
 */
record PatternRecognizer(String id, String category, Pattern pattern, int group, double score, Trigger trigger,
                         Check check, String[] context, FirstChar first) implements Recognizer {

    PatternRecognizer(String id, String category, Pattern pattern, int group, double score, Trigger trigger,
                      Check check, String[] context) {
        this(id, category, pattern, group, score, trigger, check, context, FirstChar.of(pattern.pattern()));
    }

    /** Rescores a matched value: returns the new score, or a negative number to drop the match. */
    @FunctionalInterface
    interface Check {
        /** Keeps every match at its base score. */
        Check NONE = (value, score) -> score;

        double rescore(String value, double score);

        /** Returns a check that keeps the base score when the rule holds and drops the match otherwise. */
        static Check keepIf(java.util.function.Predicate<String> rule) {
            return (value, score) -> rule.test(value) ? score : -1;
        }

        /** Same as {@link #keepIf}, with the rule applied to the value's digits only. */
        static Check digitsKeepIf(java.util.function.Predicate<String> rule) {
            return (value, score) -> rule.test(Checksums.digits(value)) ? score : -1;
        }

        /** Returns a check that raises the score to {@code confirmed} when the rule holds and drops the match otherwise. */
        static Check confirmIf(java.util.function.Predicate<String> rule, double confirmed) {
            return (value, score) -> rule.test(value) ? Math.max(score, confirmed) : -1;
        }
    }

    @Override
    public List<String> categories() {
        return List.of(category);
    }

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        int[] starts = scan.starts(trigger);
        if (starts.length == 0) {
            return;
        }
        String text = scan.text();
        Matcher matcher = pattern.matcher(text);
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int lastEnd = -1;
        for (int s = 0; s < starts.length; s += 2) {
            if (starts[s] < lastEnd || !first.admits(text.charAt(starts[s]))) {
                continue;
            }
            matcher.region(starts[s], starts[s + 1]);
            if (!matcher.lookingAt()) {
                continue;
            }
            int start = matcher.start(group);
            int end = matcher.end(group);
            if (start < 0 || start == end) {
                continue;
            }
            double rescored = check.rescore(text.substring(start, end), score);
            if (rescored >= 0) {
                out.add(new Candidate("pii." + id, category, start, end, Math.min(1.0, rescored), context));
                lastEnd = matcher.end();
            }
        }
    }
}
