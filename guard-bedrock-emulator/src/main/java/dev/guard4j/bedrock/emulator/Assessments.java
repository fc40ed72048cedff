package dev.guard4j.bedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds Bedrock guardrail assessments as the wire carries them, for scripted guardrail answers
 * and Converse traces. Each factory returns one whole assessment with one entry; {@link #merge}
 * joins several into one.
 */
public final class Assessments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Assessments() {
    }

    /**
     * Returns a denied-topic assessment; {@code action} is {@code BLOCKED} or {@code NONE}.
     *
     * @param name the name
     * @param action BLOCKED or NONE
     * @return a denied-topic assessment; {@code action} is {@code BLOCKED} or {@code NONE}
     */
    public static ObjectNode topic(String name, String action) {
        ObjectNode entry = NODES.objectNode().put("name", name).put("type", "DENY").put("action", action)
                .put("detected", true);
        return single("topicPolicy", "topics", entry);
    }

    /**
     * Returns a content-filter assessment.
     *
     * @param type HATE, INSULTS, SEXUAL, VIOLENCE, MISCONDUCT or PROMPT_ATTACK
     * @param confidence NONE, LOW, MEDIUM or HIGH
     * @param strength the filter strength: NONE, LOW, MEDIUM or HIGH
     * @param action BLOCKED or NONE
     * @return the assessment
     */
    public static ObjectNode contentFilter(String type, String confidence, String strength, String action) {
        ObjectNode entry = NODES.objectNode().put("type", type).put("confidence", confidence)
                .put("filterStrength", strength).put("action", action).put("detected", true);
        return single("contentPolicy", "filters", entry);
    }

    /**
     * Returns a custom-word assessment.
     *
     * @param match the match
     * @param action BLOCKED or NONE
     * @return a custom-word assessment
     */
    public static ObjectNode customWord(String match, String action) {
        ObjectNode entry = NODES.objectNode().put("match", match).put("action", action).put("detected", true);
        return single("wordPolicy", "customWords", entry);
    }

    /**
     * Returns a managed-word-list (profanity) assessment.
     *
     * @param match the match
     * @param action BLOCKED or NONE
     * @return a managed-word-list (profanity) assessment
     */
    public static ObjectNode managedWord(String match, String action) {
        ObjectNode entry = NODES.objectNode().put("match", match).put("type", "PROFANITY").put("action", action)
                .put("detected", true);
        return single("wordPolicy", "managedWordLists", entry);
    }

    /**
     * Returns a PII-entity assessment; {@code action} is {@code ANONYMIZED}, {@code BLOCKED} or {@code NONE}.
     *
     * @param type HATE, INSULTS, SEXUAL, VIOLENCE, MISCONDUCT or PROMPT_ATTACK
     * @param match the match
     * @param action BLOCKED or NONE
     * @return a PII-entity assessment; {@code action} is {@code ANONYMIZED}, {@code BLOCKED} or {@code NONE}
     */
    public static ObjectNode pii(String type, String match, String action) {
        ObjectNode entry = NODES.objectNode().put("match", match).put("type", type).put("action", action)
                .put("detected", true);
        return single("sensitiveInformationPolicy", "piiEntities", entry);
    }

    /**
     * Returns a custom-regex assessment.
     *
     * @param name the name
     * @param match the match
     * @param regex the regex
     * @param action BLOCKED or NONE
     * @return a custom-regex assessment
     */
    public static ObjectNode regex(String name, String match, String regex, String action) {
        ObjectNode entry = NODES.objectNode().put("name", name).put("match", match).put("regex", regex)
                .put("action", action).put("detected", true);
        return single("sensitiveInformationPolicy", "regexes", entry);
    }

    /**
     * Returns a contextual-grounding assessment; {@code type} is {@code GROUNDING} or {@code RELEVANCE}.
     *
     * @param type HATE, INSULTS, SEXUAL, VIOLENCE, MISCONDUCT or PROMPT_ATTACK
     * @param threshold the threshold
     * @param score the score
     * @param action BLOCKED or NONE
     * @return a contextual-grounding assessment; {@code type} is {@code GROUNDING} or {@code RELEVANCE}
     */
    public static ObjectNode grounding(String type, double threshold, double score, String action) {
        ObjectNode entry = NODES.objectNode().put("type", type).put("threshold", threshold).put("score", score)
                .put("action", action).put("detected", "BLOCKED".equals(action));
        return single("contextualGroundingPolicy", "filters", entry);
    }

    /**
     * Returns an assessment with one policy of a name Bedrock does not have, to test unknown assessment types.
     *
     * @param policyName the policy name
     * @return an assessment with one policy of a name Bedrock does not have, to test unknown assessment types
     */
    public static ObjectNode unknownPolicy(String policyName) {
        ObjectNode assessment = NODES.objectNode();
        assessment.putObject(policyName).put("action", "BLOCKED");
        return assessment;
    }

    /**
     * Returns one assessment holding every entry of the given ones.
     *
     * @param assessments the assessments
     * @return one assessment holding every entry of the given ones
     */
    public static ObjectNode merge(ObjectNode... assessments) {
        ObjectNode merged = NODES.objectNode();
        for (ObjectNode assessment : assessments) {
            Iterator<Map.Entry<String, JsonNode>> policies = assessment.fields();
            while (policies.hasNext()) {
                Map.Entry<String, JsonNode> policy = policies.next();
                ObjectNode target = merged.has(policy.getKey()) ? (ObjectNode) merged.get(policy.getKey())
                        : merged.putObject(policy.getKey());
                Iterator<Map.Entry<String, JsonNode>> lists = policy.getValue().fields();
                while (lists.hasNext()) {
                    Map.Entry<String, JsonNode> list = lists.next();
                    if (list.getValue().isArray()) {
                        ArrayNode array = target.has(list.getKey()) ? (ArrayNode) target.get(list.getKey())
                                : target.putArray(list.getKey());
                        array.addAll((ArrayNode) list.getValue());
                    } else {
                        target.set(list.getKey(), list.getValue());
                    }
                }
            }
        }
        return merged;
    }

    /**
     * Returns a Converse {@code trace.guardrail} object.
     *
     * @param guardrailId the guardrail's id, the key of the assessment maps
     * @param inputAssessment the assessment of the prompt, or {@code null}
     * @param outputAssessment the assessment of the answer, or {@code null}
     * @return the trace
     */
    public static ObjectNode trace(String guardrailId, ObjectNode inputAssessment, ObjectNode outputAssessment) {
        ObjectNode trace = NODES.objectNode();
        if (inputAssessment != null) {
            trace.putObject("inputAssessment").set(guardrailId, inputAssessment);
        }
        if (outputAssessment != null) {
            trace.putObject("outputAssessments").putArray(guardrailId).add(outputAssessment);
        }
        return trace;
    }

    private static ObjectNode single(String policy, String list, ObjectNode entry) {
        ObjectNode assessment = NODES.objectNode();
        assessment.putObject(policy).putArray(list).add(entry);
        return assessment;
    }
}
