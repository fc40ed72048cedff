package dev.guard4j.bedrock;

import static dev.guard4j.bedrock.DefinitionReading.localAction;
import static dev.guard4j.bedrock.DefinitionReading.sides;
import static dev.guard4j.bedrock.DefinitionReading.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guard4j.bedrock.DefinitionReading.Action;
import dev.guard4j.filters.pii.PiiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects Bedrock PII entity settings into one local {@link PiiFilter} per side. */
final class PiiImport {

    private final Map<String, dev.guard4j.filters.redact.Action> input = new LinkedHashMap<>();
    private final Map<String, dev.guard4j.filters.redact.Action> output = new LinkedHashMap<>();

    void entity(JsonNode node, String path, ImportedFilters out) {
        String type = text(node, "type").toUpperCase(Locale.ROOT);
        Action[] sides = sides(node);
        if (!PiiFilter.supportedCategories().contains(type)) {
            boolean active = sides[0] != Action.OFF || sides[1] != Action.OFF;
            out.report(path, "PII " + type, active ? ImportReport.Status.UNSUPPORTED : ImportReport.Status.IGNORED,
                    active ? "PiiFilter has no detector for " + type + ": not enforced locally" : "disabled on both sides");
            return;
        }
        List<String> done = new ArrayList<>();
        if (sides[0] != Action.OFF) {
            input.put(type, localAction(sides[0]));
            done.add("input " + localAction(sides[0]));
        }
        if (sides[1] != Action.OFF) {
            output.put(type, localAction(sides[1]));
            done.add("output " + localAction(sides[1]));
        }
        boolean anonymizes = sides[0] == Action.ANONYMIZE || sides[1] == Action.ANONYMIZE;
        out.report(path, "PII " + type, done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.APPROXIMATED,
                done.isEmpty() ? "disabled on both sides"
                        : "PiiFilter (local recognizers) " + String.join(", ", done)
                                + (anonymizes ? "; Bedrock masks as {" + type + "}, REDACT writes <" + type + ">" : ""));
    }

    void addTo(ImportedFilters out) {
        if (!input.isEmpty()) {
            out.input(filter(input), "bedrock-import:pii:input");
        }
        if (!output.isEmpty()) {
            out.output(filter(output), "bedrock-import:pii:output");
        }
    }

    private static PiiFilter filter(Map<String, dev.guard4j.filters.redact.Action> actions) {
        PiiFilter.Builder builder = PiiFilter.builder().categories(actions.keySet());
        actions.forEach(builder::action);
        return builder.build();
    }
}
