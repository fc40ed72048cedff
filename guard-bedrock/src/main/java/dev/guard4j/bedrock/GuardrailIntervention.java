package dev.guard4j.bedrock;

import dev.guard4j.Finding;
import dev.guard4j.GuardBlockedException;
import dev.guard4j.Stage;
import dev.guard4j.Verdict;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTraceAssessment;

/**
 * Decides what a Converse answer with stop reason {@code guardrail_intervened} means: a block on the
 * input or on the output (a {@link GuardBlockedException}), or a masked answer that may go on.
 */
final class GuardrailIntervention {

    /** Category of the finding when Bedrock intervened but its trace says nothing we can read. */
    static final String GUARDRAIL_INTERVENED = "GUARDRAIL_INTERVENED";

    private GuardrailIntervention() {
    }

    /**
     * Throws when the intervention blocked; returns when the guardrail only anonymized, so that the
     * masked answer goes on.
     *
     * @param trace the guardrail trace, or {@code null} when trace was disabled
     * @param guardrail the guardrail settings
     * @param inputText the guarded user text, for spans
     * @param outputText the answer's text, for spans
     * @param outputTokens the answer's token count, or {@code null}
     * @param callId the call id from the caller's context, or {@code null}
     * @throws GuardBlockedException when the guardrail blocked the input or the output
     */
    static void check(GuardrailTraceAssessment trace, BedrockGuardrail guardrail, String inputText, String outputText,
            Integer outputTokens, String callId) {
        // without a trace, no output tokens means the model never ran: the prompt was blocked
        Stage fallbackStage = outputTokens == null || outputTokens == 0 ? Stage.INPUT : Stage.OUTPUT;
        if (trace == null) {
            String text = fallbackStage == Stage.INPUT ? inputText : outputText;
            throw blocked(guardrail, fallbackStage, List.of(intervened(text)), List.of(GUARDRAIL_INTERVENED), callId);
        }
        AssessmentFindings.Assessed input = AssessmentFindings.read(trace.inputAssessment().values(), inputText);
        List<GuardrailAssessment> outputs = new ArrayList<>();
        trace.outputAssessments().values().forEach(outputs::addAll);
        AssessmentFindings.Assessed output = AssessmentFindings.read(outputs, outputText);
        if (blocks(input)) {
            throw blocked(guardrail, Stage.INPUT, input.findings(), input.blockingCategories(), callId);
        }
        if (blocks(output)) {
            throw blocked(guardrail, Stage.OUTPUT, output.findings(), output.blockingCategories(), callId);
        }
        if (input.effect() == AssessmentFindings.Effect.ANONYMIZED || output.effect() == AssessmentFindings.Effect.ANONYMIZED) {
            return;
        }
        // Bedrock intervened but named nothing that blocks or masks: fail closed rather than pass the answer on
        List<Finding> findings = new ArrayList<>(input.findings());
        findings.addAll(output.findings());
        findings.add(intervened(fallbackStage == Stage.INPUT ? inputText : outputText));
        throw blocked(guardrail, fallbackStage, findings, List.of(GUARDRAIL_INTERVENED), callId);
    }

    private static boolean blocks(AssessmentFindings.Assessed assessed) {
        return assessed.effect() == AssessmentFindings.Effect.BLOCKED || assessed.effect() == AssessmentFindings.Effect.UNKNOWN;
    }

    private static Finding intervened(String text) {
        return Finding.ofWhole("bedrock.guardrail", GUARDRAIL_INTERVENED, text == null ? 0 : text.length(), 1.0);
    }

    static GuardBlockedException blocked(BedrockGuardrail guardrail, Stage stage, List<Finding> findings, List<String> categories,
            String callId) {
        String reason = "Bedrock guardrail " + guardrail.identifier() + " (version " + guardrail.version() + ") blocked the "
                + (stage == Stage.INPUT ? "prompt" : "answer") + ": " + String.join(", ", categories);
        return new GuardBlockedException(stage, guardrail.filterName(), Verdict.block(reason, findings), callId);
    }
}
