package dev.guard4j.bedrock;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentQualifier;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailOutputContent;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailOutputScope;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTextBlock;

/**
 * A Bedrock guardrail (the ApplyGuardrail API) as a Guard4j input validator and output checker,
 * so that any model can be guarded by a guardrail defined in Amazon Bedrock.
 *
 * <pre>{@code
 * BedrockGuardrailFilter bedrock = BedrockGuardrailFilter.builder()
 *         .client(BedrockRuntimeClient.create())
 *         .guardrail("gr-abc123", "1")
 *         .build();
 * Guard.builder().input(bedrock).output(bedrock).build().wrap(anyModel);
 * }</pre>
 *
 * <p>Input is sent with source {@code INPUT}, output with {@code OUTPUT}, always with output scope
 * {@code FULL}. Every assessment becomes a finding: topics ({@code DENIED_TOPIC}), content filters
 * ({@code HATE}, {@code INSULTS}, {@code SEXUAL}, {@code VIOLENCE}, {@code MISCONDUCT},
 * {@code PROMPT_ATTACK} as {@code PROMPT_INJECTION}; score from the confidence), words
 * ({@code CUSTOM_WORDS}, {@code PROFANITY}), PII (Bedrock's entity type, such as {@code EMAIL}),
 * regexes ({@code CUSTOM_REGEX}) and contextual grounding ({@code UNGROUNDED}, {@code IRRELEVANT};
 * score is one minus Bedrock's score). A {@code BLOCKED} entry blocks; when every action was
 * {@code ANONYMIZED}, the verdict is a rewrite to the guardrail's masked text; detect-only entries
 * pass with findings.
 *
 * <p>Contextual grounding: output is checked against the string attribute
 * {@value #GROUNDING_SOURCE_ATTRIBUTE} of the call's {@link dev.guard4j.CallContext}, with the
 * query from attribute {@value #QUERY_ATTRIBUTE} or else the request's last user message.
 *
 * <p>Failures fail closed: throttling, 5xx, timeouts and I/O errors are retried with exponential
 * back-off and jitter up to {@code maxAttempts} in all, then thrown (the guard then blocks);
 * other errors are thrown at once. Warning: the client's own SDK retries add to these attempts;
 * give this filter a client with SDK retries off (as {@link BedrockGuardrailFilterFactory} does).
 */
public final class BedrockGuardrailFilter implements InputValidator, OutputChecker {

    /** Call-context attribute holding the grounding source (the retrieved documents) for output checks. */
    public static final String GROUNDING_SOURCE_ATTRIBUTE = "bedrock.groundingSource";
    /** Call-context attribute holding the user's query for output grounding checks. */
    public static final String QUERY_ATTRIBUTE = "bedrock.query";
    /** Category of the finding reported for empty text, which is not sent to Bedrock. */
    public static final String EMPTY_CONTENT = "EMPTY_CONTENT";

    private final BedrockRuntimeClient client;
    private final BedrockGuardrail guardrail;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxTextLength;

    private BedrockGuardrailFilter(Builder builder) {
        this.client = Objects.requireNonNull(builder.client, "client");
        this.guardrail = Objects.requireNonNull(builder.guardrail, "guardrail: call guardrail(id, version)");
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.maxTextLength = builder.maxTextLength;
    }

    /**
     * Returns a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the guardrail this filter applies.
     *
     * @return the guardrail this filter applies
     */
    public BedrockGuardrail guardrail() {
        return guardrail;
    }

    @Override
    public Verdict validate(Content input) {
        return apply(input, GuardrailContentSource.INPUT);
    }

    @Override
    public Verdict check(Content output) {
        return apply(output, GuardrailContentSource.OUTPUT);
    }

    private Verdict apply(Content content, GuardrailContentSource source) {
        String text = content.text();
        if (text.isEmpty()) {
            // Bedrock rejects empty text; nothing to judge, but say so rather than pass in silence
            return Verdict.pass(new Finding("bedrock.guardrail", EMPTY_CONTENT, 0, 0, 0.0));
        }
        if (text.length() > maxTextLength) {
            return Verdict.block("text longer than the Bedrock guardrail filter's limit of " + maxTextLength + " characters",
                    Finding.ofWhole("bedrock.guardrail", Category.OVERSIZED_INPUT, text.length(), 1.0));
        }
        ApplyGuardrailRequest request = ApplyGuardrailRequest.builder()
                .guardrailIdentifier(guardrail.identifier())
                .guardrailVersion(guardrail.version())
                .source(source)
                .outputScope(GuardrailOutputScope.FULL)
                .content(blocks(content, source))
                .build();
        return verdict(call(request), text);
    }

    private List<GuardrailContentBlock> blocks(Content content, GuardrailContentSource source) {
        List<GuardrailContentBlock> blocks = new ArrayList<>();
        Optional<String> groundingSource = content.context().attribute(GROUNDING_SOURCE_ATTRIBUTE, String.class);
        if (source == GuardrailContentSource.OUTPUT && groundingSource.isPresent()) {
            blocks.add(textBlock(groundingSource.get(), GuardrailContentQualifier.GROUNDING_SOURCE));
            query(content).ifPresent(query -> blocks.add(textBlock(query, GuardrailContentQualifier.QUERY)));
            blocks.add(textBlock(content.text(), GuardrailContentQualifier.GUARD_CONTENT));
        } else {
            blocks.add(GuardrailContentBlock.fromText(GuardrailTextBlock.builder().text(content.text()).build()));
        }
        return blocks;
    }

    private static Optional<String> query(Content content) {
        Optional<String> query = content.context().attribute(QUERY_ATTRIBUTE, String.class);
        if (query.isPresent() || content.request().isEmpty()) {
            return query;
        }
        List<ChatMessage> messages = content.request().get().messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user && user.hasSingleText()) {
                return Optional.of(user.singleText());
            }
        }
        return Optional.empty();
    }

    private static GuardrailContentBlock textBlock(String text, GuardrailContentQualifier qualifier) {
        return GuardrailContentBlock.fromText(GuardrailTextBlock.builder().text(text).qualifiers(qualifier).build());
    }

    private ApplyGuardrailResponse call(ApplyGuardrailRequest request) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return client.applyGuardrail(request);
            } catch (RuntimeException e) {
                last = e;
                if (!BedrockErrors.retriable(e) || attempt == maxAttempts) {
                    break;
                }
                sleep(backoff(attempt));
            }
        }
        RuntimeException mapped = BedrockErrors.map(last);
        mapped.addSuppressed(new IllegalStateException("ApplyGuardrail failed after at most " + maxAttempts + " attempts"));
        throw mapped;
    }

    private Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        // equal jitter: half fixed, half random, so that throttled callers spread out
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.langchain4j.exception.LangChain4jException("interrupted while backing off from Bedrock", e);
        }
    }

    private Verdict verdict(ApplyGuardrailResponse response, String text) {
        AssessmentFindings.Assessed assessed = AssessmentFindings.read(response.assessments(), text);
        String action = response.actionAsString();
        if ("NONE".equals(action)) {
            return assessed.findings().isEmpty() ? Verdict.pass() : Verdict.pass(assessed.findings().toArray(Finding[]::new));
        }
        if (!"GUARDRAIL_INTERVENED".equals(action)) {
            List<Finding> findings = new ArrayList<>(assessed.findings());
            findings.add(Finding.ofWhole("bedrock.guardrail", AssessmentFindings.UNKNOWN_ASSESSMENT, text.length(), 1.0));
            return Verdict.block("Bedrock guardrail " + guardrail.identifier() + " answered an unknown action '" + action + "'", findings);
        }
        switch (assessed.effect()) {
            case ANONYMIZED:
                return rewrite(response, assessed, text);
            case BLOCKED:
            case UNKNOWN:
                return Verdict.block("Bedrock guardrail " + guardrail.identifier() + " blocked: "
                        + String.join(", ", assessed.blockingCategories()), assessed.findings());
            default:
                List<Finding> findings = new ArrayList<>(assessed.findings());
                findings.add(Finding.ofWhole("bedrock.guardrail", GuardrailIntervention.GUARDRAIL_INTERVENED, text.length(), 1.0));
                return Verdict.block("Bedrock guardrail " + guardrail.identifier() + " intervened without an assessment this version can read",
                        findings);
        }
    }

    private Verdict rewrite(ApplyGuardrailResponse response, AssessmentFindings.Assessed assessed, String text) {
        if (response.outputs().isEmpty()) {
            List<Finding> findings = new ArrayList<>(assessed.findings());
            findings.add(Finding.ofWhole("bedrock.guardrail", GuardrailIntervention.GUARDRAIL_INTERVENED, text.length(), 1.0));
            return Verdict.block("Bedrock guardrail " + guardrail.identifier() + " anonymized but returned no text", findings);
        }
        String masked = response.outputs().stream().map(GuardrailOutputContent::text).map(t -> t == null ? "" : t)
                .collect(Collectors.joining());
        return Verdict.rewrite(masked, assessed.findings());
    }

    @Override
    public String toString() {
        return "BedrockGuardrailFilter[" + guardrail.identifier() + ":" + guardrail.version() + "]";
    }

    /** Builds a {@link BedrockGuardrailFilter}. */
    public static final class Builder {
        private BedrockRuntimeClient client;
        private BedrockGuardrail guardrail;
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private int maxTextLength = 100_000;

        private Builder() {
        }

        /**
         * Sets the Bedrock runtime client (required).
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(BedrockRuntimeClient client) {
            this.client = client;
            return this;
        }

        /**
         * Sets the guardrail's id (or ARN) and version (required).
         *
         * @param identifier the identifier
         * @param version the version
         * @return this builder
         */
        public Builder guardrail(String identifier, String version) {
            this.guardrail = BedrockGuardrail.of(identifier, version);
            return this;
        }

        /**
         * Sets how many attempts a retriable failure gets in all, 1 to 10; default 3.
         *
         * @param attempts the attempts
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 10) {
                throw new IllegalArgumentException("maxAttempts must be in [1, 10], was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Sets the back-off before the second attempt (doubling after, up to the maximum); default 200 ms.
         *
         * @param initial the initial
         * @param maximum the maximum
         * @return this builder
         */
        public Builder backoff(Duration initial, Duration maximum) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(maximum, "maximum");
            if (initial.isNegative() || maximum.compareTo(initial) < 0) {
                throw new IllegalArgumentException("back-off must satisfy 0 <= initial <= maximum, was " + initial + ", " + maximum);
            }
            this.initialBackoff = initial;
            this.maxBackoff = maximum;
            return this;
        }

        /**
         * Sets the longest text sent to Bedrock; longer text is blocked unsent. Default 100,000 characters.
         *
         * @param length the length
         * @return this builder
         */
        public Builder maxTextLength(int length) {
            if (length < 1) {
                throw new IllegalArgumentException("maxTextLength must be >= 1, was " + length);
            }
            this.maxTextLength = length;
            return this;
        }

        /**
         * Returns the filter.
         *
         * @return the filter
         */
        public BedrockGuardrailFilter build() {
            return new BedrockGuardrailFilter(this);
        }
    }
}
