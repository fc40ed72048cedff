package dev.guard4j.bedrock;

import static dev.guard4j.bedrock.DefinitionReading.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Bedrock guardrail definition (the CreateGuardrail request JSON, as given to
 * {@code aws bedrock create-guardrail --cli-input-json}) and builds the equivalent local filters,
 * so the same policy runs offline and free of per-call charges.
 *
 * <p>What is carried over, and how, is in the {@link ImportReport}; parts with no local
 * equivalent (denied topics, contextual grounding, and content categories with no local
 * classifier) are listed there as {@code UNSUPPORTED}, never dropped in silence.
 */
public final class BedrockGuardrailImport {

    private static final int MAX_DEFINITION_CHARS = 1 << 20;
    private static final Set<String> METADATA = Set.of("name", "description", "kmsKeyId", "tags", "clientRequestToken",
            "crossRegionConfig");

    private final ImportedFilters out = new ImportedFilters();
    private final WordRulesImport words = new WordRulesImport();
    private final PiiImport pii = new PiiImport();

    private BedrockGuardrailImport() {
    }

    /**
     * Imports a definition from a file.
     *
     * @param path the JSON file
     * @return the local filters and the report
     * @throws IllegalArgumentException when the file is not a guardrail definition
     */
    public static ImportedGuardrail fromFile(Path path) {
        try {
            if (Files.size(path) > MAX_DEFINITION_CHARS) {
                throw new IllegalArgumentException(path + " is larger than " + MAX_DEFINITION_CHARS + " bytes: not a guardrail definition");
            }
            return fromJson(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the guardrail definition " + path, e);
        }
    }

    /**
     * Imports a definition from JSON text.
     *
     * @param json the CreateGuardrail request JSON
     * @return the local filters and the report
     * @throws IllegalArgumentException when the text is not a guardrail definition
     */
    public static ImportedGuardrail fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("the guardrail definition is empty");
        }
        if (json.length() > MAX_DEFINITION_CHARS) {
            throw new IllegalArgumentException("the guardrail definition is longer than " + MAX_DEFINITION_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = DocumentJson.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the guardrail definition is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : ""), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the guardrail definition must be a JSON object");
        }
        return new BedrockGuardrailImport().read(root);
    }

    private ImportedGuardrail read(JsonNode root) {
        String inputMessage = null;
        String outputMessage = null;
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "contentPolicyConfig":
                    forEach(value, "filtersConfig", key, (node, path) -> ContentFilterImport.read(node, path, out));
                    tierNote(value, key);
                    break;
                case "topicPolicyConfig":
                    forEach(value, "topicsConfig", key, (node, path) -> out.report(path, "denied topic '" + text(node, "name") + "'",
                            ImportReport.Status.UNSUPPORTED,
                            "no local semantic topic filter: not enforced locally; use BedrockGuardrailFilter for topics"));
                    tierNote(value, key);
                    break;
                case "wordPolicyConfig":
                    forEach(value, "wordsConfig", key, (node, path) -> words.word(node, path, out));
                    forEach(value, "managedWordListsConfig", key, (node, path) -> words.managedList(node, path, out));
                    break;
                case "sensitiveInformationPolicyConfig":
                    forEach(value, "piiEntitiesConfig", key, (node, path) -> pii.entity(node, path, out));
                    forEach(value, "regexesConfig", key, (node, path) -> words.regex(node, path, out));
                    break;
                case "contextualGroundingPolicyConfig":
                    forEach(value, "filtersConfig", key, (node, path) -> out.report(path, "contextual grounding " + text(node, "type"),
                            ImportReport.Status.UNSUPPORTED, "needs a model to judge grounding; use BedrockGuardrailFilter for it"));
                    break;
                case "automatedReasoningPolicyConfig":
                    out.report(key, "automated reasoning", ImportReport.Status.UNSUPPORTED, "runs only in Bedrock");
                    break;
                case "blockedInputMessaging":
                    inputMessage = value.asText();
                    out.report(key, "blocked input message", ImportReport.Status.MAPPED, "Guard.Builder.blockedInputMessage");
                    break;
                case "blockedOutputsMessaging":
                    outputMessage = value.asText();
                    out.report(key, "blocked output message", ImportReport.Status.MAPPED, "Guard.Builder.blockedOutputMessage");
                    break;
                default:
                    if (METADATA.contains(key)) {
                        out.report(key, key, ImportReport.Status.IGNORED, "metadata: does not change what is blocked");
                    } else {
                        out.report(key, "unknown key " + key, ImportReport.Status.UNSUPPORTED,
                                "not part of CreateGuardrail as this version knows it");
                    }
            }
        }
        words.addTo(out);
        pii.addTo(out);
        return new ImportedGuardrail(root.path("name").asText(""), out.inputs, out.outputs, blankToNull(inputMessage),
                blankToNull(outputMessage), new ImportReport(out.entries));
    }

    private interface EntryReader {
        void read(JsonNode node, String path);
    }

    private static void forEach(JsonNode policy, String list, String policyKey, EntryReader reader) {
        JsonNode items = policy.path(list);
        if (items.isMissingNode()) {
            return;
        }
        if (!items.isArray()) {
            throw new IllegalArgumentException("guardrail definition: " + policyKey + "." + list + " must be a list");
        }
        for (int i = 0; i < items.size(); i++) {
            String path = policyKey + "." + list + "[" + i + "]";
            try {
                reader.read(items.get(i), path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("guardrail definition, " + path + ": " + e.getMessage(), e);
            }
        }
    }

    private void tierNote(JsonNode policy, String policyKey) {
        if (policy.has("tierConfig")) {
            out.report(policyKey + ".tierConfig", "tier " + policy.path("tierConfig").path("tierName").asText("?"),
                    ImportReport.Status.IGNORED, "Bedrock's pricing tier: no local meaning");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
