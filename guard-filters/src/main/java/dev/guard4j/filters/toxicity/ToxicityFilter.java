package dev.guard4j.filters.toxicity;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import dev.guard4j.filters.classify.LinearModel;
import dev.guard4j.filters.classify.ScoreWindows;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Blocks hateful and insulting text, on input and output, with Bedrock's content-filter
 * categories {@code HATE} and {@code INSULTS}, each at a {@link Strength}.
 *
 * <p>Each category is a logistic-regression model over hashed word and character n-grams,
 * trained on TweetEval's train splits and part of the Davidson data (see the project docs for
 * the exact rows). The models judge English social-media text best; long text is scored in
 * windows and the highest window counts.
 *
 * <pre>{@code
 * ToxicityFilter filter = ToxicityFilter.builder().strength(ToxicityFilter.Type.HATE, Strength.HIGH).build();
 * }</pre>
 */
public final class ToxicityFilter implements InputValidator, OutputChecker {

    /** The default cap on input length, in characters; longer input is blocked. */
    public static final int DEFAULT_MAX_CHARS = 1_000_000;

    /** Long text is scored in windows, highest wins, so one insult in a long message is not diluted. */
    private static final ScoreWindows WINDOWS = new ScoreWindows(600, 400);
    private static final Pattern URL = Pattern.compile("https?://\\S{1,500}");
    private static final Pattern MENTION = Pattern.compile("@\\w{1,50}");
    private static final Map<Type, LinearModel> SHIPPED = new EnumMap<>(Type.class);

    /** The categories this filter checks. */
    public enum Type {
        /** Hate speech: attacks on a group for who they are. */
        HATE(Category.HATE, "/dev/guard4j/filters/toxicity/hate-model.lrm", 0.75),
        /** Insults and offensive language aimed at someone. */
        INSULTS(Category.INSULTS, "/dev/guard4j/filters/toxicity/insults-model.lrm", 0.30);

        private final String category;
        private final String resource;
        private final double medium;

        Type(String category, String resource, double medium) {
            this.category = category;
            this.resource = resource;
            this.medium = medium;
        }

        /**
         * Returns the model probability at or above which text is blocked at a strength.
         *
         * <p>{@code MEDIUM} is the threshold with the best macro-F1 on the TweetEval validation split
         * (printed by the training command); {@code LOW} is 40% of the way from it to 1, {@code HIGH} is 75% of it.
         *
         * @param strength the strength
         * @return the threshold in (0, 1], or NaN for {@code NONE}
         */
        public double threshold(Strength strength) {
            switch (strength) {
                case LOW:
                    return medium + (1 - medium) * 0.4;
                case MEDIUM:
                    return medium;
                case HIGH:
                    return medium * 0.75;
                default:
                    return Double.NaN;
            }
        }

        /**
         * Returns the Bedrock category name.
         *
         * @return the Bedrock category name
         */
        public String category() {
            return category;
        }

        /**
         * Returns the class-path resource of the shipped model.
         *
         * @return the class-path resource of the shipped model
         */
        public String resource() {
            return resource;
        }
    }

    private final Map<Type, Strength> strengths;
    private final Map<Type, LinearModel> models;
    private final int maxChars;

    private ToxicityFilter(Builder builder) {
        this.strengths = new EnumMap<>(builder.strengths);
        this.models = new EnumMap<>(Type.class);
        for (Type type : Type.values()) {
            if (strengths.get(type) != Strength.NONE) {
                models.put(type, builder.models.containsKey(type) ? builder.models.get(type) : shipped(type));
            }
        }
        this.maxChars = builder.maxChars;
    }

    /**
     * Returns a filter with both categories at {@link Strength#MEDIUM}.
     *
     * @return a filter with both categories at {@link Strength#MEDIUM}
     */
    public static ToxicityFilter ofDefaults() {
        return builder().build();
    }

    /**
     * Returns a builder that starts from the defaults.
     *
     * @return a builder that starts from the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    private static LinearModel shipped(Type type) {
        synchronized (SHIPPED) {
            return SHIPPED.computeIfAbsent(type, t -> LinearModel.fromResource(t.resource()));
        }
    }

    /**
     * Returns text normalised the way the models see it; training code must use the same.
     *
     * @param text raw text
     * @return lower-cased text with links and user mentions replaced by placeholders
     */
    public static String normaliseForModel(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        return MENTION.matcher(URL.matcher(lower).replaceAll(" url ")).replaceAll("@user");
    }

    @Override
    public Verdict validate(Content input) {
        return decide(input.text());
    }

    @Override
    public Verdict check(Content output) {
        return decide(output.text());
    }

    /**
     * Returns the probability per checked category, without deciding.
     *
     * @param text the text
     * @return a probability in [0, 1] per category whose strength is not {@code NONE}
     */
    public Map<Type, Double> scores(String text) {
        Objects.requireNonNull(text, "text");
        String normalised = normaliseForModel(text.length() > maxChars ? text.substring(0, maxChars) : text);
        // both models share a feature layout, so each window's n-grams are counted once for both
        Type[] types = models.keySet().toArray(new Type[0]);
        double[] highest = WINDOWS.highest(normalised, models.values().toArray(new LinearModel[0]));
        Map<Type, Double> scores = new EnumMap<>(Type.class);
        for (int t = 0; t < types.length; t++) {
            scores.put(types[t], highest[t]);
        }
        return scores;
    }

    private Verdict decide(String text) {
        if (text.length() > maxChars) {
            return Verdict.block("input of " + text.length() + " characters exceeds the toxicity filter's limit of " + maxChars,
                    Finding.ofWhole("toxicity.oversized", Category.OVERSIZED_INPUT, text.length(), 1.0));
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Type, Double> score : scores(text).entrySet()) {
            if (score.getValue() >= score.getKey().threshold(strengths.get(score.getKey()))) {
                findings.add(Finding.ofWhole("toxicity." + score.getKey().name().toLowerCase(Locale.ROOT),
                        score.getKey().category(), text.length(), score.getValue()));
            }
        }
        if (findings.isEmpty()) {
            return Verdict.pass();
        }
        return Verdict.block("toxic content: " + findings.stream().map(Finding::category).distinct().toList(), findings);
    }

    /** Builds a {@link ToxicityFilter}. */
    public static final class Builder {
        private final Map<Type, Strength> strengths = new EnumMap<>(Map.of(Type.HATE, Strength.MEDIUM, Type.INSULTS, Strength.MEDIUM));
        private final Map<Type, LinearModel> models = new EnumMap<>(Type.class);
        private int maxChars = DEFAULT_MAX_CHARS;

        private Builder() {
        }

        /**
         * Sets how strongly a category is filtered; {@link Strength#NONE} turns it off.
         *
         * @param type the type
         * @param strength the strength
         * @return this builder
         */
        public Builder strength(Type type, Strength strength) {
            strengths.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(strength, "strength"));
            return this;
        }

        /**
         * Uses another model for a category (one retrained on your own data).
         *
         * @param type the type
         * @param model the model
         * @return the result
         */
        public Builder model(Type type, LinearModel model) {
            models.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(model, "model"));
            return this;
        }

        /**
         * Sets the longest input read, at least 1; longer input is blocked.
         *
         * @param value the value
         * @return this builder
         */
        public Builder maxChars(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxChars must be >= 1, was " + value);
            }
            this.maxChars = value;
            return this;
        }

        /**
         * Returns the filter.
         *
         * @return the filter
         */
        public ToxicityFilter build() {
            return new ToxicityFilter(this);
        }
    }
}
