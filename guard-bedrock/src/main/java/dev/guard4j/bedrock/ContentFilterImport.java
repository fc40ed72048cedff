package dev.guard4j.bedrock;

import static dev.guard4j.bedrock.DefinitionReading.action;
import static dev.guard4j.bedrock.DefinitionReading.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guard4j.bedrock.DefinitionReading.Action;
import dev.guard4j.filters.injection.PromptInjectionFilter;
import dev.guard4j.filters.toxicity.Strength;
import dev.guard4j.filters.toxicity.ToxicityFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps Bedrock content filters to the local toxicity and prompt-injection filters, per side and strength. */
final class ContentFilterImport {

    private ContentFilterImport() {
    }

    static void read(JsonNode node, String path, ImportedFilters out) {
        String type = text(node, "type").toUpperCase(Locale.ROOT);
        Action input = action(node, "inputAction", "inputEnabled", null);
        Action output = action(node, "outputAction", "outputEnabled", null);
        String inputStrength = node.path("inputStrength").asText("NONE").toUpperCase(Locale.ROOT);
        String outputStrength = node.path("outputStrength").asText("NONE").toUpperCase(Locale.ROOT);
        boolean inputOn = input != Action.OFF && !"NONE".equals(inputStrength);
        boolean outputOn = output != Action.OFF && !"NONE".equals(outputStrength);
        ToxicityFilter.Type toxicity = localToxicityType(type);
        if (toxicity != null) {
            toxicity(toxicity, input, output, inputOn ? inputStrength : null, outputOn ? outputStrength : null, path, out);
        } else if ("PROMPT_ATTACK".equals(type)) {
            promptAttack(input, inputOn ? inputStrength : null, path, out);
        } else {
            out.report(path, "content filter " + type, inputOn || outputOn ? ImportReport.Status.UNSUPPORTED : ImportReport.Status.IGNORED,
                    inputOn || outputOn ? "no local classifier for " + type + " yet: not enforced locally"
                            : "strength NONE or disabled on both sides");
        }
    }

    /** Adds one toxicity filter per active side; a null strength means the side is off. */
    private static void toxicity(ToxicityFilter.Type type, Action input, Action output, String inputStrength, String outputStrength,
            String path, ImportedFilters out) {
        String name = type.category();
        List<String> done = new ArrayList<>();
        if (inputStrength != null) {
            ToxicityFilter filter = toxicityFilter(type, strength(inputStrength, "inputStrength"));
            out.input(input == Action.NONE ? DetectOnly.input(filter) : filter, "bedrock-import:content:" + name + ":input");
            done.add("input at " + inputStrength + (input == Action.NONE ? " (detect only)" : ""));
        }
        if (outputStrength != null) {
            ToxicityFilter filter = toxicityFilter(type, strength(outputStrength, "outputStrength"));
            out.output(output == Action.NONE ? DetectOnly.output(filter) : filter, "bedrock-import:content:" + name + ":output");
            done.add("output at " + outputStrength + (output == Action.NONE ? " (detect only)" : ""));
        }
        out.report(path, "content filter " + name, done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.APPROXIMATED,
                done.isEmpty() ? "strength NONE or disabled on both sides"
                        : "ToxicityFilter (local classifier, Bedrock's strength names) on " + String.join(" and ", done));
    }

    /** Adds the prompt-injection filter on input; Bedrock applies PROMPT_ATTACK to input only. */
    private static void promptAttack(Action input, String inputStrength, String path, ImportedFilters out) {
        if (inputStrength == null) {
            out.report(path, "content filter PROMPT_ATTACK", ImportReport.Status.IGNORED, "strength NONE or disabled");
            return;
        }
        double threshold = injectionThreshold(inputStrength);
        PromptInjectionFilter injection = PromptInjectionFilter.builder().threshold(threshold).build();
        out.input(input == Action.NONE ? DetectOnly.input(injection) : injection, "bedrock-import:content:PROMPT_ATTACK");
        out.report(path, "content filter PROMPT_ATTACK", ImportReport.Status.APPROXIMATED,
                "PromptInjectionFilter on input, threshold " + threshold + " for strength " + inputStrength
                        + " (Bedrock applies PROMPT_ATTACK to input only)" + (input == Action.NONE ? ", detect only" : ""));
    }

    /** Returns the local toxicity category of the same name, or null: new local categories are picked up as they ship. */
    private static ToxicityFilter.Type localToxicityType(String type) {
        for (ToxicityFilter.Type local : ToxicityFilter.Type.values()) {
            if (local.category().equals(type)) {
                return local;
            }
        }
        return null;
    }

    private static ToxicityFilter toxicityFilter(ToxicityFilter.Type type, Strength strength) {
        ToxicityFilter.Builder builder = ToxicityFilter.builder();
        for (ToxicityFilter.Type other : ToxicityFilter.Type.values()) {
            builder.strength(other, other == type ? strength : Strength.NONE);
        }
        return builder.build();
    }

    private static Strength strength(String value, String key) {
        try {
            return Strength.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be NONE, LOW, MEDIUM or HIGH, was '" + value + "'", e);
        }
    }

    /** Maps Bedrock's PROMPT_ATTACK strength to the local filter's threshold: higher strength, lower threshold. */
    private static double injectionThreshold(String strength) {
        switch (strength) {
            case "LOW":
                return 0.75;
            case "MEDIUM":
                return PromptInjectionFilter.DEFAULT_THRESHOLD;
            case "HIGH":
                return 0.35;
            default:
                throw new IllegalArgumentException("inputStrength must be NONE, LOW, MEDIUM or HIGH, was '" + strength + "'");
        }
    }
}
