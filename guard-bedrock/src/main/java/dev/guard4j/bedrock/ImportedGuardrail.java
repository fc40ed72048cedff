package dev.guard4j.bedrock;

import dev.guard4j.FilterOptions;
import dev.guard4j.Guard;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import java.util.List;
import java.util.Objects;

/**
 * A Bedrock guardrail definition turned into local Guard4j filters, with the report of what could
 * and could not be carried over.
 *
 * <pre>{@code
 * ImportedGuardrail imported = BedrockGuardrailImport.fromFile(Path.of("guardrail.json"));
 * if (!imported.report().unsupported().isEmpty()) {
 *     log.warn("not enforced locally:\n{}", imported.report());
 * }
 * ChatModel safe = imported.applyTo(Guard.builder().audit(auditLog)).build().wrap(model);
 * }</pre>
 *
 * @param name the guardrail's name from the definition, or an empty string
 * @param inputs the input validators, each with its name for audit events
 * @param outputs the output checkers, each with its name for audit events
 * @param blockedInputMessage the refusal text for a blocked prompt, or {@code null}
 * @param blockedOutputMessage the refusal text for a blocked answer, or {@code null}
 * @param report what became of each part of the definition
 */
public record ImportedGuardrail(String name, List<Input> inputs, List<Output> outputs, String blockedInputMessage,
        String blockedOutputMessage, ImportReport report) {

    /**
     * Copies the lists and checks the parts.
     *
     * @param name the guardrail's name from the definition, or an empty string
     * @param inputs the input validators, each with its name for audit events
     * @param outputs the output checkers, each with its name for audit events
     * @param blockedInputMessage the refusal text for a blocked prompt, or {@code null}
     * @param blockedOutputMessage the refusal text for a blocked answer, or {@code null}
     * @param report what became of each part of the definition
     */
    public ImportedGuardrail {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(report, "report");
    }

    /**
     * An input validator and how the guard runs it.
     *
     * @param validator the validator
     * @param options its name and failure mode
     */
    public record Input(InputValidator validator, FilterOptions options) {
    }

    /**
     * An output checker and how the guard runs it.
     *
     * @param checker the checker
     * @param options its name and failure mode
     */
    public record Output(OutputChecker checker, FilterOptions options) {
    }

    /**
     * Adds the filters and the refusal messages to a guard builder, after whatever it already has.
     *
     * @param builder the builder
     * @return the same builder
     */
    public Guard.Builder applyTo(Guard.Builder builder) {
        for (Input input : inputs) {
            builder.input(input.validator(), input.options());
        }
        for (Output output : outputs) {
            builder.output(output.checker(), output.options());
        }
        if (blockedInputMessage != null) {
            builder.blockedInputMessage(blockedInputMessage);
        }
        if (blockedOutputMessage != null) {
            builder.blockedOutputMessage(blockedOutputMessage);
        }
        return builder;
    }

    /**
     * Returns a guard with these filters and messages and nothing else.
     *
     * @return a guard with these filters and messages and nothing else
     */
    public Guard toGuard() {
        return applyTo(Guard.builder()).build();
    }
}
