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
        switch (type) {
            case "HATE":
            case "INSULTS":
                ToxicityFilter.Type toxicity = ToxicityFilter.Type.valueOf(type);
                List<String> done = new ArrayList<>();
                if (inputOn) {
                    ToxicityFilter filter = toxicityFilter(toxicity, strength(inputStrength, "inputStrength"));
                    out.input(input == Action.NONE ? DetectOnly.input(filter) : filter, "bedrock-import:content:" + type + ":input");
                    done.add("input at " + inputStrength + (input == Action.NONE ? " (detect only)" : ""));
                }
                if (outputOn) {
                    ToxicityFilter filter = toxicityFilter(toxicity, strength(outputStrength, "outputStrength"));
                    out.output(output == Action.NONE ? DetectOnly.output(filter) : filter, "bedrock-import:content:" + type + ":output");
                    done.add("output at " + outputStrength + (output == Action.NONE ? " (detect only)" : ""));
                }
                out.report(path, "content filter " + type, done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.APPROXIMATED,
                        done.isEmpty() ? "strength NONE or disabled on both sides"
                                : "ToxicityFilter (local classifier, Bedrock's strength names) on " + String.join(" and ", done));
                break;
            case "PROMPT_ATTACK":
                if (!inputOn) {
                    out.report(path, "content filter PROMPT_ATTACK", ImportReport.Status.IGNORED, "strength NONE or disabled");
                    break;
                }
                double threshold = injectionThreshold(inputStrength);
                PromptInjectionFilter injection = PromptInjectionFilter.custom().threshold(threshold).build();
                out.input(input == Action.NONE ? DetectOnly.input(injection) : injection, "bedrock-import:content:PROMPT_ATTACK");
                out.report(path, "content filter PROMPT_ATTACK", ImportReport.Status.APPROXIMATED,
                        "PromptInjectionFilter on input, threshold " + threshold + " for strength " + inputStrength
                                + " (Bedrock applies PROMPT_ATTACK to input only)" + (input == Action.NONE ? ", detect only" : ""));
                break;
            default:
                out.report(path, "content filter " + type, inputOn || outputOn ? ImportReport.Status.UNSUPPORTED : ImportReport.Status.IGNORED,
                        inputOn || outputOn ? "no local classifier for " + type + " yet: not enforced locally"
                                : "strength NONE or disabled on both sides");
        }
    }

    private static ToxicityFilter toxicityFilter(ToxicityFilter.Type type, Strength strength) {
        ToxicityFilter.Builder builder = ToxicityFilter.custom();
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
