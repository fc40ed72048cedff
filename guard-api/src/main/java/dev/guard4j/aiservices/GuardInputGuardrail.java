package dev.guard4j.aiservices;

import dev.guard4j.CallContext;
import dev.guard4j.Content;
import dev.guard4j.Guard;
import dev.guard4j.Inspection;
import dev.guard4j.Stage;
import dev.guard4j.Verdict;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailRequest;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.rag.AugmentationResult;
import java.util.Objects;

/**
 * A LangChain4j {@link InputGuardrail} backed by a guard's input validators, for AI services
 * that use LangChain4j's own guardrail mechanism.
 *
 * <pre>{@code
 * @InputGuardrails(...)   // or AiServices.builder(Assistant.class).inputGuardrails(new GuardInputGuardrail(guard))
 * }</pre>
 *
 * <p>Retrieved documents (the RAG augmentation result) are validated first, as
 * {@code TOOL_RESULT} content with the attribute {@value #RETRIEVED} set, so that indirect
 * injection in a document is caught; then the user message. A rewrite maps to
 * {@code successWith(text)}, a block to {@code fatal(reason)}. Nothing is audited here: wrap the
 * model with {@link Guard#wrap} as well when you need the audit trail.
 */
public final class GuardInputGuardrail implements InputGuardrail {

    /** The call-context attribute set on retrieved documents. */
    public static final String RETRIEVED = "guard4j.retrieved";

    private final Guard guard;

    /**
     * Creates the guardrail.
     *
     * @param guard the guard whose input validators run
     */
    public GuardInputGuardrail(Guard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public InputGuardrailResult validate(InputGuardrailRequest request) {
        CallContext context = CallContext.current();
        AugmentationResult augmentation = request.requestParams().augmentationResult();
        if (augmentation != null && augmentation.contents() != null) {
            CallContext retrieved = withRetrievedMark(context);
            for (dev.langchain4j.rag.content.Content document : augmentation.contents()) {
                if (document.textSegment() == null) {
                    continue;
                }
                Inspection inspection = guard.inspect(Stage.INPUT,
                        Content.builder(document.textSegment().text(), Content.Source.TOOL_RESULT).context(retrieved).build());
                if (inspection.verdict() instanceof Verdict.Block block) {
                    return fatal("retrieved document blocked: " + block.reason());
                }
            }
        }
        UserMessage message = request.userMessage();
        if (!message.contents().stream().allMatch(TextContent.class::isInstance)) {
            return fatal("the message holds content the guard cannot inspect");
        }
        Inspection inspection = guard.inspect(Stage.INPUT, Content.builder(message.singleText(), Content.Source.USER).context(context).build());
        Verdict verdict = inspection.verdict();
        if (verdict instanceof Verdict.Block block) {
            return fatal(block.reason());
        }
        if (verdict instanceof Verdict.Rewrite rewrite) {
            return successWith(rewrite.text());
        }
        return success();
    }

    private static CallContext withRetrievedMark(CallContext context) {
        CallContext.Builder builder = CallContext.builder();
        context.principal().ifPresent(builder::principal);
        context.attributes().forEach(builder::attribute);
        return builder.attribute(RETRIEVED, Boolean.TRUE).build();
    }

    @Override
    public String toString() {
        return "GuardInputGuardrail[" + guard + "]";
    }
}
