package dev.guard4j.filters.secrets;

import java.util.List;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One secret format as data: a rule id, a linear-time pattern, the keywords that must occur
 * for the pattern to be tried, and the checks that confirm a match.
 *
 * <p>The pattern is tried in a window around each keyword occurrence: from {@code lookBehind}
 * characters before the keyword to {@code maxSpan} characters after it. The reported span is
 * the first capturing group that took part in the match, or the whole match.
 *
 * @param id the rule id, reported as the finding's detector
 * @param category the finding's category ({@code SECRET}, {@code AWS_ACCESS_KEY}, {@code PASSWORD}, ...)
 * @param pattern the pattern
 * @param keywords ASCII keywords, matched ignoring case, that gate the rule
 * @param caseSensitiveKeywords whether a keyword occurrence must also match the keyword's case
 * @param lookBehind how far before a keyword occurrence a match may start
 * @param maxSpan how far after a keyword occurrence a match may end
 * @param minEntropy the least Shannon entropy (bits per character) of the reported span, 0 for none
 * @param score the finding's score
 * @param check a further check of the match, such as a checksum or a name test
 */
record SecretRule(String id, String category, Pattern pattern, List<String> keywords, boolean caseSensitiveKeywords,
                  int lookBehind, int maxSpan, double minEntropy, double score, Check check) {

    /** Confirms or drops a match. */
    @FunctionalInterface
    interface Check {
        /**
         * Returns whether the match is a secret.
         *
         * @param text the whole text
         * @param match the match
         * @param value the reported value
         * @return {@code true} to report it
         */
        boolean accept(CharSequence text, MatchResult match, String value);
    }

    /** Accepts every match. */
    static final Check ANY = (text, match, value) -> true;

    SecretRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(pattern, "pattern");
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(check, "check");
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " needs at least one keyword");
        }
    }

    /** Returns this rule with another category. */
    SecretRule withCategory(String newCategory) {
        return new SecretRule(id, newCategory, pattern, keywords, caseSensitiveKeywords, lookBehind, maxSpan, minEntropy, score, check);
    }

    /** Returns this rule with another minimum entropy. */
    SecretRule withMinEntropy(double newMinEntropy) {
        return new SecretRule(id, category, pattern, keywords, caseSensitiveKeywords, lookBehind, maxSpan, newMinEntropy, score, check);
    }

    /** Returns this rule with a further check. */
    SecretRule withCheck(Check newCheck) {
        return new SecretRule(id, category, pattern, keywords, caseSensitiveKeywords, lookBehind, maxSpan, minEntropy, score, newCheck);
    }

    /** Returns this rule with keywords that must match in case too. */
    SecretRule caseSensitive() {
        return new SecretRule(id, category, pattern, keywords, true, lookBehind, maxSpan, minEntropy, score, check);
    }

    /** Returns this rule with another score. */
    SecretRule withScore(double newScore) {
        return new SecretRule(id, category, pattern, keywords, caseSensitiveKeywords, lookBehind, maxSpan, minEntropy, newScore, check);
    }
}
