package dev.guard4j.filters.words;

import dev.guard4j.filters.redact.Action;
import java.util.Objects;

/**
 * A named regular expression that a {@link WordFilter} runs on the original text and on decoded
 * layers, with the action to take on a match (Bedrock's custom regexes).
 *
 * <p>The pattern is checked when the filter is built: longer than {@value #MAX_PATTERN_LENGTH}
 * characters, backreferences and nested quantifiers (such as {@code (a+)+}) are refused, because
 * they can take exponential time on hostile input. Matching also runs under a step budget; a rule
 * that exceeds it blocks the text (fail closed).
 *
 * @param name the rule's name, used in findings as {@code regex.NAME}
 * @param pattern the Java regular expression
 * @param category the findings' category
 * @param action what to do on a match: block, redact, mask or report-only
 * @param mask the text that replaces a match when the action is {@link Action#REDACT}
 */
public record RegexRule(String name, String pattern, String category, Action action, String mask) {

    /** The longest pattern accepted. */
    public static final int MAX_PATTERN_LENGTH = 1000;
    /** The category of custom regex rules. */
    public static final String CUSTOM_REGEX = "CUSTOM_REGEX";

    /**
     * Checks the parts at once, naming what was wrong.
     *
     * @param name the rule's name
     * @param pattern the regular expression
     * @param category the findings' category
     * @param action what to do on a match
     * @param mask the text that replaces a match when the action is {@link Action#REDACT}
     */
    public RegexRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(mask, "mask");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a regex rule needs a name");
        }
        if (category.isBlank()) {
            throw new IllegalArgumentException("regex rule '" + name + "' needs a category");
        }
        if (!SupportedActions.supports(action)) {
            throw new IllegalArgumentException("regex rule '" + name + "': " + SupportedActions.refusal(action));
        }
    }

    /**
     * Returns a rule with category {@code CUSTOM_REGEX} and mask {@code [NAME]}.
     *
     * @param name the rule's name
     * @param pattern the regular expression
     * @param action what to do on a match
     * @return the rule
     */
    public static RegexRule of(String name, String pattern, Action action) {
        return new RegexRule(name, pattern, CUSTOM_REGEX, action, "[" + name.toUpperCase(java.util.Locale.ROOT) + "]");
    }
}
