package dev.guard4j.filters.injection;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import dev.guard4j.filters.classify.LinearModel;
import dev.guard4j.filters.classify.ScoreWindows;
import dev.guard4j.filters.text.DecodedLayer;
import dev.guard4j.filters.text.NormalizedText;
import dev.guard4j.filters.text.Span;
import dev.guard4j.filters.text.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Detects prompt injection and jailbreaks, direct (user messages) and indirect (tool results,
 * retrieved documents), and blocks text whose score reaches the threshold.
 *
 * <p>The score combines hand-written phrase signals in nine languages (instruction override, role
 * reassignment, chat-template tokens, system-prompt exfiltration, personas, refusal suppression,
 * markdown exfiltration, tool-call coercion, text aimed at the model) with a logistic-regression
 * model over hashed n-grams, as a noisy-or. Base64 and hex runs that decode to text are scored
 * too. Documents (tool results, content whose call context has {@link #RETRIEVED_ATTRIBUTE} set
 * to {@code true}, and model output when used as an {@link OutputChecker}) have their own, higher
 * threshold, and the model counts less there, because ordinary pages and e-mails are full of
 * imperatives.
 *
 * <pre>{@code
 * PromptInjectionFilter filter = PromptInjectionFilter.ofDefaults();
 * Verdict verdict = filter.validate(Content.of("Ignore all previous instructions", Content.Source.USER));
 * }</pre>
 */
public final class PromptInjectionFilter implements InputValidator, OutputChecker {

    /** The call-context attribute that marks content as a retrieved document (value {@code Boolean.TRUE}). */
    public static final String RETRIEVED_ATTRIBUTE = "guard4j.retrieved";
    /** The default threshold for prompts. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** The default threshold for documents. */
    public static final double DEFAULT_DOCUMENT_THRESHOLD = 0.65;
    /** The default cap on input length, in characters; longer input is blocked. */
    public static final int DEFAULT_MAX_CHARS = 2_000_000;
    /** The resource that holds the shipped model. */
    public static final String MODEL_RESOURCE = "/dev/guard4j/filters/injection/injection-model.lrm";

    /** Long text is scored by the model in windows, highest wins, so a buried instruction is not diluted. */
    private static final ScoreWindows WINDOWS = new ScoreWindows(1500, 1000);
    /** Documents are scored with the model's evidence damped: they are not the training distribution. */
    private static final double DOCUMENT_MODEL_WEIGHT = 0.75;

    /** Markup signals, read on the light fold that keeps punctuation; one pass finds them all. */
    private static final SignalScanner STRUCTURAL = new SignalScanner(
            InjectionSignals.ALL.stream().filter(signal -> signal.kind().structural()).toList());
    /** Phrase signals, read on the normaliser's view. */
    private static final SignalScanner LEXICAL = new SignalScanner(
            InjectionSignals.ALL.stream().filter(signal -> !signal.kind().structural()).toList());

    private static volatile LinearModel shippedModel;

    private final double threshold;
    private final double documentThreshold;
    private final int maxChars;
    private final LinearModel model;
    private final TextNormalizer normalizer;

    private PromptInjectionFilter(Builder builder) {
        this.threshold = builder.threshold;
        this.documentThreshold = builder.documentThreshold;
        this.maxChars = builder.maxChars;
        this.model = builder.model != null ? builder.model : shippedModel();
        this.normalizer = TextNormalizer.builder().maxInputChars(maxChars).build();
    }

    /**
     * Returns a filter with the shipped model and the default thresholds.
     *
     * @return a filter with the shipped model and the default thresholds
     */
    public static PromptInjectionFilter ofDefaults() {
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

    /** Returns the shipped model, loaded once. */
    static LinearModel shippedModel() {
        LinearModel loaded = shippedModel;
        if (loaded == null) {
            synchronized (PromptInjectionFilter.class) {
                loaded = shippedModel;
                if (loaded == null) {
                    loaded = LinearModel.fromResource(MODEL_RESOURCE);
                    shippedModel = loaded;
                }
            }
        }
        return loaded;
    }

    /**
     * Returns text normalised the way the model sees it; training code must use the same.
     *
     * @param text raw text
     * @return the folded text
     */
    public static String normaliseForModel(String text) {
        return TextNormalizer.standard().normalize(text).text();
    }

    /** How a text is read: as a prompt someone typed, or as a document the model is given. */
    public enum Calibration {
        /** A user's prompt. */
        PROMPT,
        /** A tool result, a retrieved document, or model output. */
        DOCUMENT
    }

    @Override
    public Verdict validate(Content input) {
        boolean retrieved = input.context().attribute(RETRIEVED_ATTRIBUTE, Boolean.class).orElse(false);
        Calibration calibration = input.source() == Content.Source.TOOL_RESULT || retrieved ? Calibration.DOCUMENT : Calibration.PROMPT;
        return decide(input.text(), calibration);
    }

    @Override
    public Verdict check(Content output) {
        // in output, what matters is text that would act on a later model or a renderer: document calibration
        return decide(output.text(), Calibration.DOCUMENT);
    }

    /**
     * Returns the threshold used for the given calibration.
     *
     * @param calibration whether the text is a prompt or a document
     * @return the threshold used for the given calibration
     */
    public double threshold(Calibration calibration) {
        return calibration == Calibration.PROMPT ? threshold : documentThreshold;
    }

    private Verdict decide(String text, Calibration calibration) {
        if (text.length() > maxChars) {
            return Verdict.block("input of " + text.length() + " characters exceeds the injection filter's limit of " + maxChars,
                    Finding.ofWhole("injection.oversized", Category.OVERSIZED_INPUT, text.length(), 1.0));
        }
        InjectionAssessment assessment = assess(text, calibration);
        double limit = threshold(calibration);
        if (assessment.score() >= limit) {
            return Verdict.block(String.format(Locale.ROOT, "%s score %.2f >= %.2f", assessment.category().toLowerCase(Locale.ROOT).replace('_', ' '),
                    assessment.score(), limit), assessment.findings());
        }
        return Verdict.pass();
    }

    /**
     * Returns the score of a text and the evidence for it, without deciding.
     *
     * @param text the text; at most the filter's character limit is read
     * @param calibration whether the text is a prompt or a document
     * @return the assessment
     */
    public InjectionAssessment assess(String text, Calibration calibration) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(calibration, "calibration");
        String bounded = text.length() > maxChars ? text.substring(0, maxChars) : text;
        NormalizedText normalized = normalizer.normalize(bounded);
        Evidence evidence = new Evidence();
        // markup (chat templates, markdown, HTML comments) is matched on a light fold that keeps punctuation
        FoldedText folded = FoldedText.fold(bounded);
        for (SignalScanner.Hit hit : STRUCTURAL.scan(folded.text())) {
            evidence.add(hit.signal(), folded.originalStart(hit.start()), folded.originalEnd(hit.end()));
        }
        for (SignalScanner.Hit hit : LEXICAL.scan(normalized.text())) {
            Span span = normalized.toOriginal(hit.start(), hit.end());
            evidence.add(hit.signal(), span.start(), span.end());
        }
        Span suffix = calibration == Calibration.PROMPT ? AdversarialSuffix.find(bounded) : null;
        if (suffix != null) {
            evidence.add("injection.adversarial-suffix", Category.JAILBREAK, suffix.start(), suffix.end(), AdversarialSuffix.WEIGHT);
        }
        double modelScore = WINDOWS.highest(model, normalized.text());
        for (DecodedLayer layer : normalized.layers()) {
            // a payload hidden in base64, hex, escapes, ROT13 or tag characters is scored like plain text
            String decoded = layer.text().text();
            double layerScore = 1 - (1 - signalScore(decoded)) * (1 - model.score(decoded));
            if (layerScore >= 0.5) {
                evidence.add("injection.encoded-payload." + layer.encoding().name().toLowerCase(Locale.ROOT), Category.PROMPT_INJECTION,
                        layer.start(), layer.end(), layerScore);
            }
        }
        double signalScore = evidence.noisyOr();
        double modelEvidence = calibration == Calibration.PROMPT ? modelScore : modelScore * DOCUMENT_MODEL_WEIGHT;
        double score = 1 - (1 - signalScore) * (1 - modelEvidence);
        String category = evidence.category();
        List<Finding> findings = new ArrayList<>(evidence.findings());
        if (modelScore >= 0.5) {
            findings.add(Finding.ofWhole("injection.model", category, text.length(), modelScore));
        }
        findings.addAll(normalized.invisible());
        return new InjectionAssessment(Math.min(1, Math.max(0, score)), modelScore, category, findings);
    }

    private static double signalScore(String normalizedText) {
        double none = 1;
        for (SignalScanner.Hit hit : LEXICAL.scan(normalizedText)) {
            none *= 1 - hit.signal().weight();
        }
        return 1 - none;
    }

    /** The signals that fired, one finding per detector, and which category the strongest points to. */
    private static final class Evidence {
        private final Map<String, Finding> findings = new LinkedHashMap<>();
        private double jailbreak;
        private double injection;

        void add(Signal signal, int start, int end) {
            add("injection." + signal.id(), signal.kind().jailbreak() ? Category.JAILBREAK : Category.PROMPT_INJECTION, start, end, signal.weight());
        }

        void add(String detector, String category, int start, int end, double weight) {
            if (findings.putIfAbsent(detector, new Finding(detector, category, start, Math.max(start, end), weight)) == null) {
                if (Category.JAILBREAK.equals(category)) {
                    jailbreak = Math.max(jailbreak, weight);
                } else {
                    injection = Math.max(injection, weight);
                }
            }
        }

        double noisyOr() {
            double none = 1;
            for (Finding finding : findings.values()) {
                none *= 1 - finding.score();
            }
            return 1 - none;
        }

        String category() {
            return jailbreak > injection ? Category.JAILBREAK : Category.PROMPT_INJECTION;
        }

        List<Finding> findings() {
            return List.copyOf(findings.values());
        }
    }

    /** Builds a {@link PromptInjectionFilter}; every setter checks its input at once. */
    public static final class Builder {
        private double threshold = DEFAULT_THRESHOLD;
        private double documentThreshold = DEFAULT_DOCUMENT_THRESHOLD;
        private int maxChars = DEFAULT_MAX_CHARS;
        private LinearModel model;

        private Builder() {
        }

        /**
         * Sets the score at which a prompt is blocked, in (0, 1].
         *
         * @param value the value
         * @return this builder
         */
        public Builder threshold(double value) {
            this.threshold = checkThreshold("threshold", value);
            return this;
        }

        /**
         * Sets the score at which a document (tool result, retrieved text, output) is blocked, in (0, 1].
         *
         * @param value the value
         * @return this builder
         */
        public Builder documentThreshold(double value) {
            this.documentThreshold = checkThreshold("documentThreshold", value);
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
         * Uses another model (one retrained on your own data) instead of the shipped one.
         *
         * @param value the value
         * @return the result
         */
        public Builder model(LinearModel value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        /**
         * Returns the filter.
         *
         * @return the filter
         */
        public PromptInjectionFilter build() {
            return new PromptInjectionFilter(this);
        }

        private static double checkThreshold(String name, double value) {
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be in (0, 1], was " + value);
            }
            return value;
        }
    }
}
