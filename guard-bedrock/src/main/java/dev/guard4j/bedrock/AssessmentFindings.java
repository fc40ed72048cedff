package dev.guard4j.bedrock;

import dev.guard4j.Category;
import dev.guard4j.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentFilter;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContextualGroundingFilter;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailCustomWord;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailManagedWord;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailPiiEntityFilter;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailRegexFilter;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTopic;

/**
 * Turns Bedrock guardrail assessments into Guard4j findings, and tells what the guardrail did with
 * them: nothing (detect mode), anonymized, or blocked.
 *
 * <p>Bedrock reports the matched text but not where it is, so spans are found by searching the
 * inspected text for the match; a match that cannot be found (and every finding about the whole
 * text: topics, content filters, grounding) spans the whole text.
 */
final class AssessmentFindings {

    /** Category for a denied topic. */
    static final String DENIED_TOPIC = "DENIED_TOPIC";
    /** Category for a word from the guardrail's custom word list, as Guard4j's word filter names it. */
    static final String CUSTOM_WORDS = "CUSTOM_WORDS";
    /** Category for a match of one of the guardrail's regexes. */
    static final String CUSTOM_REGEX = "CUSTOM_REGEX";
    /** Category for an answer below the grounding threshold. */
    static final String UNGROUNDED = "UNGROUNDED";
    /** Category for an answer below the relevance threshold. */
    static final String IRRELEVANT = "IRRELEVANT";
    /** Category for an automated-reasoning check result. */
    static final String AUTOMATED_REASONING = "AUTOMATED_REASONING";
    /** Category for an assessment of a kind this version does not know. */
    static final String UNKNOWN_ASSESSMENT = "UNKNOWN_ASSESSMENT";

    /** What the guardrail did about an entry, from least to most severe. */
    enum Effect {
        /** Detected, no action (detect mode). */
        NONE,
        /** Masked in the guardrail's output text. */
        ANONYMIZED,
        /** An entry this version cannot read: blocking if the guardrail intervened. */
        UNKNOWN,
        /** Blocked. */
        BLOCKED
    }

    /**
     * The findings of one or more assessments and the most severe effect among them.
     *
     * @param findings the findings
     * @param effect the most severe effect
     * @param blockingCategories the categories of the entries that blocked, in order, without repeats
     */
    record Assessed(List<Finding> findings, Effect effect, List<String> blockingCategories) {
        Assessed {
            findings = List.copyOf(findings);
            blockingCategories = List.copyOf(blockingCategories);
        }
    }

    private final String text;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> blocking = new LinkedHashSet<>();
    private final Map<String, Integer> searchFrom = new HashMap<>();
    private Effect effect = Effect.NONE;

    private AssessmentFindings(String text) {
        this.text = text == null ? "" : text;
    }

    /**
     * Reads assessments against the text they were made on.
     *
     * @param assessments the assessments, possibly empty
     * @param text the inspected text, for spans
     * @return the findings and the effect
     */
    static Assessed read(Collection<GuardrailAssessment> assessments, String text) {
        AssessmentFindings reader = new AssessmentFindings(text);
        for (GuardrailAssessment assessment : assessments) {
            reader.read(assessment);
        }
        return new Assessed(reader.findings, reader.effect, new ArrayList<>(reader.blocking));
    }

    private void read(GuardrailAssessment assessment) {
        boolean known = false;
        if (assessment.topicPolicy() != null) {
            known = true;
            for (GuardrailTopic topic : assessment.topicPolicy().topics()) {
                if (reported(topic.detected(), topic.actionAsString())) {
                    add("bedrock.topic." + topic.name(), DENIED_TOPIC, whole(), 1.0, topic.actionAsString());
                }
            }
        }
        if (assessment.contentPolicy() != null) {
            known = true;
            for (GuardrailContentFilter filter : assessment.contentPolicy().filters()) {
                if (reported(filter.detected(), filter.actionAsString())) {
                    add("bedrock.content-filter/strength=" + filter.filterStrengthAsString(),
                            contentCategory(filter.typeAsString()), whole(), confidence(filter.confidenceAsString()),
                            filter.actionAsString());
                }
            }
        }
        if (assessment.wordPolicy() != null) {
            known = true;
            for (GuardrailCustomWord word : assessment.wordPolicy().customWords()) {
                if (reported(word.detected(), word.actionAsString())) {
                    add("bedrock.word", CUSTOM_WORDS, locate(word.match()), 1.0, word.actionAsString());
                }
            }
            for (GuardrailManagedWord word : assessment.wordPolicy().managedWordLists()) {
                if (reported(word.detected(), word.actionAsString())) {
                    String category = "PROFANITY".equals(word.typeAsString()) ? Category.PROFANITY : word.typeAsString();
                    add("bedrock.managed-word", category, locate(word.match()), 1.0, word.actionAsString());
                }
            }
        }
        if (assessment.sensitiveInformationPolicy() != null) {
            known = true;
            for (GuardrailPiiEntityFilter pii : assessment.sensitiveInformationPolicy().piiEntities()) {
                if (reported(pii.detected(), pii.actionAsString())) {
                    add("bedrock.pii", pii.typeAsString(), locate(pii.match()), 1.0, pii.actionAsString());
                }
            }
            for (GuardrailRegexFilter regex : assessment.sensitiveInformationPolicy().regexes()) {
                if (reported(regex.detected(), regex.actionAsString())) {
                    add("bedrock.regex." + regex.name(), CUSTOM_REGEX, locate(regex.match()), 1.0, regex.actionAsString());
                }
            }
        }
        if (assessment.contextualGroundingPolicy() != null) {
            known = true;
            for (GuardrailContextualGroundingFilter filter : assessment.contextualGroundingPolicy().filters()) {
                if (reported(filter.detected(), filter.actionAsString())) {
                    String category = "RELEVANCE".equals(filter.typeAsString()) ? IRRELEVANT
                            : "GROUNDING".equals(filter.typeAsString()) ? UNGROUNDED : filter.typeAsString();
                    double score = filter.score() == null ? 1.0 : clamp(1.0 - filter.score());
                    add("bedrock.grounding/threshold=" + filter.threshold(), category, whole(), score, filter.actionAsString());
                }
            }
        }
        if (assessment.automatedReasoningPolicy() != null) {
            known = true;
            if (!assessment.automatedReasoningPolicy().findings().isEmpty()) {
                add("bedrock.automated-reasoning", AUTOMATED_REASONING, whole(), 1.0, "NONE");
            }
        }
        if (!known && assessment.invocationMetrics() == null && assessment.appliedGuardrailDetails() == null) {
            // the SDK drops policies it does not know: an assessment with none we can read is news, not silence
            add("bedrock.unknown-assessment", UNKNOWN_ASSESSMENT, whole(), 1.0, "UNKNOWN");
        }
    }

    private static boolean reported(Boolean detected, String action) {
        return !Boolean.FALSE.equals(detected) || !"NONE".equals(action);
    }

    private void add(String detector, String category, int[] span, double score, String action) {
        findings.add(new Finding(detector, category, span[0], span[1], score));
        Effect entryEffect = effectOf(action);
        if (entryEffect == Effect.BLOCKED || entryEffect == Effect.UNKNOWN) {
            blocking.add(category);
        }
        if (entryEffect.compareTo(effect) > 0) {
            effect = entryEffect;
        }
    }

    private static Effect effectOf(String action) {
        if (action == null) {
            return Effect.UNKNOWN;
        }
        switch (action) {
            case "NONE":
                return Effect.NONE;
            case "ANONYMIZED":
                return Effect.ANONYMIZED;
            case "BLOCKED":
                return Effect.BLOCKED;
            default:
                return Effect.UNKNOWN;
        }
    }

    static String contentCategory(String type) {
        return "PROMPT_ATTACK".equals(type) ? Category.PROMPT_INJECTION : type;
    }

    private static double confidence(String confidence) {
        if (confidence == null) {
            return 1.0;
        }
        switch (confidence) {
            case "NONE":
                return 0.0;
            case "LOW":
                return 0.35;
            case "MEDIUM":
                return 0.65;
            case "HIGH":
                return 0.9;
            default:
                return 1.0;
        }
    }

    private static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }

    private int[] whole() {
        return new int[] {0, text.length()};
    }

    private int[] locate(String match) {
        if (match == null || match.isEmpty()) {
            return whole();
        }
        int from = searchFrom.getOrDefault(match, 0);
        int at = text.indexOf(match, from);
        if (at < 0) {
            String lowerText = text.toLowerCase(Locale.ROOT);
            String lowerMatch = match.toLowerCase(Locale.ROOT);
            // lower-casing may change lengths (rare scripts): then the offsets would lie, so give the whole text
            if (lowerText.length() == text.length() && lowerMatch.length() == match.length()) {
                at = lowerText.indexOf(lowerMatch, from);
            }
        }
        if (at < 0) {
            return whole();
        }
        searchFrom.put(match, at + match.length());
        return new int[] {at, at + match.length()};
    }
}
