package dev.guard4j.aiservices;

import dev.guard4j.CallContext;
import dev.guard4j.Content;
import dev.guard4j.Guard;
import dev.guard4j.Inspection;
import dev.guard4j.Stage;
import dev.guard4j.Verdict;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import java.util.Objects;

/**
 * A LangChain4j {@link OutputGuardrail} backed by a guard's output checkers, for AI services that
 * use LangChain4j's own guardrail mechanism.
 *
 * <p>A rewrite maps to {@code successWith(text)}, a block to {@code fatal(reason)}. Nothing is
 * audited here: wrap the model with {@link Guard#wrap} as well when you need the audit trail.
 */
public final class GuardOutputGuardrail implements OutputGuardrail {

    private final Guard guard;

    /**
     * Creates the guardrail.
     *
     * @param guard the guard whose output checkers run
     */
    public GuardOutputGuardrail(Guard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public OutputGuardrailResult validate(OutputGuardrailRequest request) {
        AiMessage answer = request.responseFromLLM().aiMessage();
        String text = answer == null || answer.text() == null ? "" : answer.text();
        Inspection inspection = guard.inspect(Stage.OUTPUT, Content.builder(text, Content.Source.MODEL)
                .response(request.responseFromLLM())
                .context(CallContext.current())
                .build());
        Verdict verdict = inspection.verdict();
        if (verdict instanceof Verdict.Block block) {
            return fatal(block.reason());
        }
        if (verdict instanceof Verdict.Rewrite rewrite) {
            return successWith(rewrite.text());
        }
        return success();
    }

    @Override
    public String toString() {
        return "GuardOutputGuardrail[" + guard + "]";
    }
}
