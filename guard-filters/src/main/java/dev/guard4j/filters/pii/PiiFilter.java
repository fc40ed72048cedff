package dev.guard4j.filters.pii;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import dev.guard4j.filters.redact.Action;
import dev.guard4j.filters.redact.Overlaps;
import dev.guard4j.filters.redact.PseudonymVault;
import dev.guard4j.filters.redact.Redactor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds personal data (e-mail addresses, phone numbers, card numbers, national ids, names,
 * addresses and more) and blocks, redacts, masks, hashes, pseudonymises or reports it.
 *
 * <pre>{@code
 * PiiFilter pii = PiiFilter.builder()
 *         .defaultAction(Action.REDACT)
 *         .action("EMAIL", Action.PSEUDONYMISE)
 *         .action("CREDIT_DEBIT_CARD_NUMBER", Action.BLOCK)
 *         .build();
 * Guard.builder().input(pii).output(pii) ...
 * }</pre>
 *
 * <p>As an input validator it acts on the prompt; values it pseudonymises are kept in the call's
 * {@link PseudonymVault}. As an output checker it first puts those values back into the answer
 * (a placeholder cut off at the end of a stream window is left for the next window), then acts
 * on personal data the answer adds; on output, {@link Action#PSEUDONYMISE} redacts, since the
 * caller could not map a new placeholder back. Values the caller gave in the prompt are not
 * flagged again in the answer.
 *
 * <p>Text longer than {@link Builder#maxInputLength(int)} is blocked (fail closed) rather than
 * partly scanned. Immutable and thread-safe.
 */
public final class PiiFilter implements InputValidator, OutputChecker {

    /** The default score a finding needs to count. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** The default longest text scanned: 1,000,000 characters. */
    public static final int DEFAULT_MAX_INPUT_LENGTH = 1_000_000;

    private final PiiDetector detector;
    private final Redactor inputRedactor;
    private final Redactor outputRedactor;
    private final int maxInputLength;
    private final boolean pseudonymises;
    private final Set<String> categories;

    private PiiFilter(Builder builder) {
        this.categories = Set.copyOf(builder.categories);
        this.detector = new PiiDetector(categories, builder.threshold, builder.allowed, builder.denied);
        Redactor.Builder input = Redactor.builder().defaultAction(builder.defaultAction).actions(builder.actions);
        Map<String, Action> outputActions = new HashMap<>();
        builder.actions.forEach((category, action) -> outputActions.put(category, action == Action.PSEUDONYMISE ? Action.REDACT : action));
        Redactor.Builder output = Redactor.builder()
                .defaultAction(builder.defaultAction == Action.PSEUDONYMISE ? Action.REDACT : builder.defaultAction)
                .actions(outputActions);
        if (builder.salt != null) {
            input.salt(builder.salt);
            output.salt(builder.salt);
        }
        this.inputRedactor = input.build();
        this.outputRedactor = output.build();
        this.maxInputLength = builder.maxInputLength;
        this.pseudonymises = builder.defaultAction == Action.PSEUDONYMISE || builder.actions.containsValue(Action.PSEUDONYMISE);
    }

    /**
     * Returns a filter with every category, the default threshold and {@link Action#REDACT}.
     *
     * @return a filter with every category, the default threshold and {@link Action#REDACT}
     */
    public static PiiFilter ofDefaults() {
        return builder().build();
    }

    /**
     * Returns a builder that starts from the {@linkplain #defaultCategories() default categories},
     * the default threshold and {@link Action#REDACT}.
      *
      * @return a builder that starts from the {@linkplain #defaultCategories() default categories}, the default threshold and {@link Action#REDACT}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns every category this filter can detect, in Bedrock's names where Bedrock has one.
     *
     * @return every category this filter can detect, in Bedrock's names where Bedrock has one
     */
    public static Set<String> supportedCategories() {
        return PiiDetector.supportedCategories();
    }

    /**
     * Returns the categories detected unless the builder is told otherwise: every supported
     * category but {@code DATE_TIME}, because dates and times ("Monday", "9:00") are in nearly every
     * answer and are personal data only beside a person; ask for it with {@code categories(...)}.
      *
      * @return the categories detected unless the builder is told otherwise: every supported category but {@code DATE_TIME}, because dates and times ("Monday", "9:00") are in nearly every answer and are personal data only beside a person; ask for it with {@code categories(...)}
     */
    public static Set<String> defaultCategories() {
        Set<String> categories = new LinkedHashSet<>(supportedCategories());
        categories.remove("DATE_TIME");
        return categories;
    }

    /**
     * Returns what the filter finds in a text, overlaps resolved, without acting on it.
     *
     * @param text the text
     * @return findings sorted by start
     * @throws IllegalArgumentException when the text is longer than the filter's maximum
     */
    public List<Finding> detect(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > maxInputLength) {
            throw new IllegalArgumentException("text of " + text.length() + " characters is longer than the PII filter's maximum of " + maxInputLength);
        }
        return Overlaps.resolve(detector.detect(text));
    }

    @Override
    public Verdict validate(Content input) {
        Verdict oversized = oversized(input);
        if (oversized != null) {
            return oversized;
        }
        return inputRedactor.apply(input, detector.detect(input.text()), "PII");
    }

    @Override
    public Verdict check(Content output) {
        Verdict oversized = oversized(output);
        if (oversized != null) {
            return oversized;
        }
        PseudonymVault vault = PseudonymVault.in(output.state()).orElse(null);
        String restored = vault == null ? output.text() : vault.restore(output.text());
        Content restoredContent = restored.equals(output.text()) ? output : output.withText(restored);
        List<Finding> findings = detector.detect(restored);
        if (vault != null && !findings.isEmpty()) {
            List<Finding> fresh = new ArrayList<>(findings.size());
            for (Finding finding : findings) {
                if (!vault.holdsOriginalOrPart(restored.substring(finding.start(), finding.end()))) {
                    fresh.add(finding);
                }
            }
            findings = fresh;
        }
        Verdict verdict = outputRedactor.apply(restoredContent, findings, "PII");
        if (verdict instanceof Verdict.Pass && restoredContent != output) {
            return Verdict.rewrite(restored, verdict.findings());
        }
        return verdict;
    }

    /** Returns {@code false} when the filter pseudonymises, since the vault is per call and must see every message. */
    @Override
    public boolean memoisable() {
        return !pseudonymises;
    }

    private Verdict oversized(Content content) {
        int length = content.text().length();
        if (length <= maxInputLength) {
            return null;
        }
        return Verdict.block("text of " + length + " characters exceeds the PII filter's limit of " + maxInputLength,
                Finding.ofWhole("pii", Category.OVERSIZED_INPUT, length, 1.0));
    }

    @Override
    public String toString() {
        return "PiiFilter[categories=" + categories.size() + ", input=" + inputRedactor + "]";
    }

    /** Builds a {@link PiiFilter}. */
    public static final class Builder {
        private final Set<String> categories = new LinkedHashSet<>(defaultCategories());
        private final Map<String, Action> actions = new HashMap<>();
        private Action defaultAction = Action.REDACT;
        private double threshold = DEFAULT_THRESHOLD;
        private final Set<String> allowed = new LinkedHashSet<>();
        private final Set<String> denied = new LinkedHashSet<>();
        private int maxInputLength = DEFAULT_MAX_INPUT_LENGTH;
        private byte[] salt;

        private Builder() {
        }

        /**
         * Restricts detection to these categories (by default, {@link PiiFilter#defaultCategories()}).
         *
         * @param names categories from {@link PiiFilter#supportedCategories()}
         * @return this builder
         */
        public Builder categories(Collection<String> names) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("categories must not be empty; supported: " + supportedCategories());
            }
            Set<String> chosen = new LinkedHashSet<>();
            for (String name : names) {
                chosen.add(checkCategory(name));
            }
            categories.clear();
            categories.addAll(chosen);
            return this;
        }

        /**
         * Same as {@link #categories(Collection)}.
         *
         * @param names categories from {@link PiiFilter#supportedCategories()}
         * @return the result
         */
        public Builder categories(String... names) {
            return categories(List.of(names));
        }

        /**
         * Sets the action for one category.
         *
         * @param category a supported category
         * @param action the action
         * @return this builder
         */
        public Builder action(String category, Action action) {
            actions.put(checkCategory(category), Objects.requireNonNull(action, "action"));
            return this;
        }

        /**
         * Sets the action for categories without their own ({@link Action#REDACT} by default).
         *
         * @param action the action
         * @return this builder
         */
        public Builder defaultAction(Action action) {
            this.defaultAction = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * Sets the score a finding needs to count.
         *
         * @param minimum in {@code [0, 1]}; 0.5 by default
         * @return this builder
         */
        public Builder threshold(double minimum) {
            if (!(minimum >= 0.0 && minimum <= 1.0)) {
                throw new IllegalArgumentException("threshold must be in [0, 1], was " + minimum);
            }
            this.threshold = minimum;
            return this;
        }

        /**
         * Adds values that are never flagged (a support address, a company phone number); compared ignoring ASCII case.
         *
         * @param values the values, not blank
         * @return this builder
         */
        public Builder allow(String... values) {
            for (String value : values) {
                allowed.add(checkValue(value, "allow"));
            }
            return this;
        }

        /**
         * Adds values that are always flagged, as category {@code DENY_LIST}, wherever they occur as whole words.
         *
         * @param values the values, not blank
         * @return this builder
         */
        public Builder deny(String... values) {
            for (String value : values) {
                denied.add(checkValue(value, "deny"));
            }
            return this;
        }

        /**
         * Sets the longest text scanned; longer text is blocked with an {@code OVERSIZED_INPUT} finding (fail closed).
         *
         * @param characters at least 1
         * @return this builder
         */
        public Builder maxInputLength(int characters) {
            if (characters < 1) {
                throw new IllegalArgumentException("maxInputLength must be at least 1, was " + characters);
            }
            this.maxInputLength = characters;
            return this;
        }

        /**
         * Sets the salt for {@link Action#HASH}; without one a random salt is drawn per filter.
         *
         * @param newSalt at least 16 bytes; copied, never logged
         * @return this builder
         */
        public Builder salt(byte[] newSalt) {
            Objects.requireNonNull(newSalt, "salt");
            if (newSalt.length < 16) {
                throw new IllegalArgumentException("salt must be at least 16 bytes, was " + newSalt.length);
            }
            this.salt = newSalt.clone();
            return this;
        }

        /**
         * Returns the filter.
         *
         * @return the filter
         */
        public PiiFilter build() {
            return new PiiFilter(this);
        }

        private static String checkCategory(String name) {
            if (name == null || !supportedCategories().contains(name)) {
                throw new IllegalArgumentException("unknown PII category '" + name + "'; supported: " + new java.util.TreeSet<>(supportedCategories()));
            }
            return name;
        }

        private static String checkValue(String value, String list) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(list + "-list values must not be blank");
            }
            return value;
        }
    }
}
