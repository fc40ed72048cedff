package dev.guard4j.filters.secrets;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import dev.guard4j.filters.redact.Action;
import dev.guard4j.filters.redact.Overlaps;
import dev.guard4j.filters.redact.Redactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds credentials, keys and tokens in prompts and answers, and redacts them (by default),
 * blocks the call, or reports them.
 *
 * <p>It knows more than a hundred provider formats (cloud, version control and CI, chat,
 * payments, model providers, package registries), private keys (a BEGIN line alone is
 * enough), JWTs, URLs and connection strings with passwords, and values assigned to
 * secret-like names. A one-pass keyword scan decides which rules run, so text without any
 * keyword costs one table lookup per character.
 *
 * <pre>{@code
 * SecretsFilter secrets = SecretsFilter.builder()
 *         .action("PASSWORD", Action.BLOCK)        // a category: SECRET, PASSWORD, AWS_ACCESS_KEY, AWS_SECRET_KEY
 *         .ruleAction("jwt", Action.REPORT_ONLY)    // one rule: BLOCK or REPORT_ONLY
 *         .allow("AKIAIOSFODNN7EXAMPLE")            // values never flagged
 *         .build();
 * Guard.builder().input(secrets).output(secrets)
 * }</pre>
 *
 * <p>Findings carry the rule id as detector and one of the categories {@code SECRET},
 * {@code PASSWORD}, {@code AWS_ACCESS_KEY} or {@code AWS_SECRET_KEY}. Immutable and thread-safe.
 */
public final class SecretsFilter implements InputValidator, OutputChecker {

    /** The default cap on the text length, in characters; longer text is blocked unread. */
    public static final int DEFAULT_MAX_INPUT_LENGTH = 1_000_000;

    private static final SecretScanner BUILT_IN = new SecretScanner(SecretRuleCatalog.rules());
    private static final String DENY_LIST = "deny-list";

    private final SecretScanner scanner;
    private final Redactor redactor;
    private final Map<String, Action> ruleActions;
    private final Set<String> allowed;
    private final List<String> denied;
    private final int maxInputLength;
    private final double minScore;
    private final boolean pseudonymises;

    private SecretsFilter(Builder builder) {
        if (builder.disabledRules.isEmpty()) {
            this.scanner = BUILT_IN;
        } else {
            this.scanner = new SecretScanner(BUILT_IN.rules().stream()
                    .filter(rule -> !builder.disabledRules.contains(rule.id()))
                    .toList());
        }
        Redactor.Builder redactorBuilder = Redactor.builder().defaultAction(builder.defaultAction).actions(builder.categoryActions);
        if (builder.salt != null) {
            redactorBuilder.salt(builder.salt);
        }
        this.redactor = redactorBuilder.build();
        this.ruleActions = Map.copyOf(builder.ruleActions);
        this.allowed = Set.copyOf(builder.allowed);
        this.denied = List.copyOf(builder.denied);
        this.maxInputLength = builder.maxInputLength;
        this.minScore = builder.minScore;
        this.pseudonymises = builder.defaultAction == Action.PSEUDONYMISE || builder.categoryActions.containsValue(Action.PSEUDONYMISE);
    }

    /**
     * Returns a filter with every rule on, redacting each secret as {@code <SECRET>} (or its category).
     *
     * @return a filter with every rule on, redacting each secret as {@code <SECRET>} (or its category)
     */
    public static SecretsFilter ofDefaults() {
        return builder().build();
    }

    /**
     * Returns a builder; its defaults are those of {@link #ofDefaults()}.
     *
     * @return a builder; its defaults are those of {@link #ofDefaults()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the ids of the built-in rules, sorted and without duplicates.
     *
     * @return the ids of the built-in rules, sorted and without duplicates
     */
    public static List<String> ruleIds() {
        return BUILT_IN.rules().stream().map(SecretRule::id).distinct().sorted().toList();
    }

    @Override
    public Verdict validate(Content input) {
        return inspect(input);
    }

    @Override
    public Verdict check(Content output) {
        return inspect(output);
    }

    @Override
    public boolean memoisable() {
        // pseudonyms live in the call's vault, so each call must see its own messages
        return !pseudonymises;
    }

    /**
     * Returns the secrets in a text, after the allow- and deny-lists, the score threshold and
     * overlap resolution, ordered by start; no action is applied.
     *
     * <p>A text stuffed with keywords (more match attempts than one per 16 characters for a
     * rule) is not inspected in full; a whole-text {@code FILTER_FAILURE} finding from
     * {@code secrets-candidate-flood} then says so, and the filter blocks such text.
     *
     * @param text the text, at most the configured maximum length
     * @return the findings
     * @throws IllegalArgumentException when the text is longer than the maximum
     */
    public List<Finding> scan(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > maxInputLength) {
            throw new IllegalArgumentException("text of " + text.length() + " characters is longer than the secrets filter's maximum of "
                    + maxInputLength);
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : scanner.scan(text)) {
            if (Category.FILTER_FAILURE.equals(finding.category())) {
                kept.add(finding);
            } else if (finding.score() >= minScore && !allowed.contains(text.substring(finding.start(), finding.end()))) {
                kept.add(finding);
            }
        }
        for (String value : denied) {
            for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length())) {
                kept.add(new Finding(DENY_LIST, SecretRuleCatalog.SECRET, at, at + value.length(), 1.0));
            }
        }
        return Overlaps.resolve(kept);
    }

    private Verdict inspect(Content content) {
        String text = content.text();
        if (text.length() > maxInputLength) {
            // unread text may hold anything: fail closed
            return Verdict.block("text longer than the secrets filter's maximum of " + maxInputLength + " characters",
                    Finding.ofWhole("secrets", Category.OVERSIZED_INPUT, text.length(), 1.0));
        }
        List<Finding> findings = scan(text);
        if (findings.isEmpty()) {
            return Verdict.pass();
        }
        for (Finding finding : findings) {
            if (Category.FILTER_FAILURE.equals(finding.category())) {
                // the text held more secret-like candidates than the scan inspects: what was not inspected may be a secret
                return Verdict.block("text holds too many secret-like candidates to inspect", findings);
            }
        }
        List<Finding> byRedactor = new ArrayList<>(findings.size());
        List<Finding> reportOnly = new ArrayList<>();
        Set<String> blockingRules = new LinkedHashSet<>();
        for (Finding finding : findings) {
            Action ruleAction = ruleActions.get(finding.detector());
            if (ruleAction == Action.BLOCK) {
                blockingRules.add(finding.detector());
            } else if (ruleAction == Action.REPORT_ONLY) {
                reportOnly.add(finding);
            } else {
                byRedactor.add(finding);
            }
        }
        if (!blockingRules.isEmpty()) {
            return Verdict.block("secret found: " + String.join(", ", blockingRules), findings);
        }
        Verdict verdict = redactor.apply(content, byRedactor, "secret");
        if (reportOnly.isEmpty()) {
            return verdict;
        }
        List<Finding> all = new ArrayList<>(verdict.findings());
        all.addAll(reportOnly);
        switch (verdict.kind()) {
            case BLOCK:
                return Verdict.block(((Verdict.Block) verdict).reason(), all);
            case REWRITE:
                return Verdict.rewrite(((Verdict.Rewrite) verdict).text(), all);
            default:
                return Verdict.pass(all.toArray(new Finding[0]));
        }
    }

    @Override
    public String toString() {
        return "SecretsFilter[rules=" + scanner.rules().size() + ", redactor=" + redactor + ", ruleActions=" + ruleActions
                + ", allowed=" + allowed.size() + ", denied=" + denied.size() + ", maxInputLength=" + maxInputLength + "]";
    }

    /** Builds a {@link SecretsFilter}. */
    public static final class Builder {
        private Action defaultAction = Action.REDACT;
        private final Map<String, Action> categoryActions = new HashMap<>();
        private final Map<String, Action> ruleActions = new HashMap<>();
        private final Set<String> disabledRules = new LinkedHashSet<>();
        private final Set<String> allowed = new LinkedHashSet<>();
        private final List<String> denied = new ArrayList<>();
        private int maxInputLength = DEFAULT_MAX_INPUT_LENGTH;
        private double minScore;
        private byte[] salt;

        private Builder() {
        }

        /**
         * Sets the action for categories without one of their own ({@link Action#REDACT} by default).
         *
         * @param action the action
         * @return this builder
         */
        public Builder defaultAction(Action action) {
            this.defaultAction = Objects.requireNonNull(action, "default action");
            return this;
        }

        /**
         * Sets the action for a category: {@code SECRET}, {@code PASSWORD}, {@code AWS_ACCESS_KEY} or {@code AWS_SECRET_KEY}.
         *
         * @param category the category
         * @param action any action
         * @return this builder
         */
        public Builder action(String category, Action action) {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("category must not be blank, was " + (category == null ? "null" : "'" + category + "'"));
            }
            categoryActions.put(category, Objects.requireNonNull(action, "action"));
            return this;
        }

        /**
         * Sets the action for one rule, overriding its category's: {@link Action#BLOCK} or {@link Action#REPORT_ONLY}.
         *
         * @param ruleId a rule id from {@link SecretsFilter#ruleIds()}
         * @param action BLOCK or REPORT_ONLY
         * @return this builder
         */
        public Builder ruleAction(String ruleId, Action action) {
            requireKnownRule(ruleId);
            Objects.requireNonNull(action, "action");
            if (action != Action.BLOCK && action != Action.REPORT_ONLY) {
                throw new IllegalArgumentException("a rule's own action must be BLOCK or REPORT_ONLY (rewrites are set per category), was "
                        + action + " for rule " + ruleId);
            }
            ruleActions.put(ruleId, action);
            return this;
        }

        /**
         * Turns rules off.
         *
         * @param ruleIds rule ids from {@link SecretsFilter#ruleIds()}
         * @return this builder
         */
        public Builder disableRules(String... ruleIds) {
            for (String ruleId : ruleIds) {
                requireKnownRule(ruleId);
                disabledRules.add(ruleId);
            }
            return this;
        }

        /**
         * Adds values that are never flagged (published example keys, test fixtures).
         *
         * @param values exact values
         * @return this builder
         */
        public Builder allow(String... values) {
            for (String value : values) {
                requireNonBlank(value, "allowed value");
                allowed.add(value);
            }
            return this;
        }

        /**
         * Adds values that are always flagged wherever they occur (your own known keys), as {@code SECRET} from {@code deny-list}.
         *
         * @param values exact values, at least 4 characters
         * @return this builder
         */
        public Builder deny(String... values) {
            for (String value : values) {
                requireNonBlank(value, "denied value");
                if (value.length() < 4) {
                    throw new IllegalArgumentException("a denied value must have at least 4 characters, was " + value.length());
                }
                denied.add(value);
            }
            return this;
        }

        /**
         * Sets the longest text the filter reads; longer text is blocked with an {@code OVERSIZED_INPUT} finding.
         *
         * @param characters a positive number of UTF-16 characters
         * @return this builder
         */
        public Builder maxInputLength(int characters) {
            if (characters <= 0) {
                throw new IllegalArgumentException("max input length must be positive, was " + characters);
            }
            this.maxInputLength = characters;
            return this;
        }

        /**
         * Sets the least score a finding needs (0 by default: every rule's match counts).
         *
         * @param score from 0 to 1
         * @return this builder
         */
        public Builder minScore(double score) {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("min score must be in [0, 1], was " + score);
            }
            this.minScore = score;
            return this;
        }

        /**
         * Sets the salt for {@link Action#HASH}.
         *
         * @param newSalt at least 16 bytes
         * @return this builder
         */
        public Builder salt(byte[] newSalt) {
            this.salt = Objects.requireNonNull(newSalt, "salt").clone();
            return this;
        }

        /**
         * Returns the filter.
         *
         * @return the filter
         */
        public SecretsFilter build() {
            return new SecretsFilter(this);
        }

        private static void requireKnownRule(String ruleId) {
            if (!ruleIds().contains(ruleId)) {
                throw new IllegalArgumentException("unknown secrets rule '" + ruleId + "'; known rules: "
                        + ruleIds().stream().collect(Collectors.joining(", ")));
            }
        }

        private static void requireNonBlank(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
        }
    }
}
