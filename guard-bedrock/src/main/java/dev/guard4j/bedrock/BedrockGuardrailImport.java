package dev.guard4j.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.guard4j.FilterOptions;
import dev.guard4j.filters.injection.PromptInjectionFilter;
import dev.guard4j.filters.pii.PiiFilter;
import dev.guard4j.filters.words.RegexRule;
import dev.guard4j.filters.words.WordFilter;
import dev.guard4j.filters.words.WordList;
import dev.guard4j.filters.toxicity.Strength;
import dev.guard4j.filters.toxicity.ToxicityFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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

    private static final int MAX_DEFINITION_BYTES = 1 << 20;
    private static final Set<String> METADATA = Set.of("name", "description", "kmsKeyId", "tags", "clientRequestToken",
            "crossRegionConfig");

    private final List<ImportedGuardrail.Input> inputs = new ArrayList<>();
    private final List<ImportedGuardrail.Output> outputs = new ArrayList<>();
    private final List<ImportReport.Entry> entries = new ArrayList<>();
    private final WordRules inputWords = new WordRules();
    private final WordRules outputWords = new WordRules();
    private final Map<String, dev.guard4j.filters.redact.Action> inputPii = new java.util.LinkedHashMap<>();
    private final Map<String, dev.guard4j.filters.redact.Action> outputPii = new java.util.LinkedHashMap<>();

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
            if (Files.size(path) > MAX_DEFINITION_BYTES) {
                throw new IllegalArgumentException(path + " is larger than " + MAX_DEFINITION_BYTES + " bytes: not a guardrail definition");
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
        if (json.length() > MAX_DEFINITION_BYTES) {
            throw new IllegalArgumentException("the guardrail definition is longer than " + MAX_DEFINITION_BYTES + " characters");
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
                    forEach(value, "filtersConfig", key, this::contentFilter);
                    tierNote(value, key);
                    break;
                case "topicPolicyConfig":
                    forEach(value, "topicsConfig", key, this::topic);
                    tierNote(value, key);
                    break;
                case "wordPolicyConfig":
                    forEach(value, "wordsConfig", key, this::word);
                    forEach(value, "managedWordListsConfig", key, this::managedWords);
                    break;
                case "sensitiveInformationPolicyConfig":
                    forEach(value, "piiEntitiesConfig", key, this::piiEntity);
                    forEach(value, "regexesConfig", key, this::regex);
                    break;
                case "contextualGroundingPolicyConfig":
                    forEach(value, "filtersConfig", key, (node, path) -> report(path, "contextual grounding "
                            + text(node, "type"), ImportReport.Status.UNSUPPORTED,
                            "needs a model to judge grounding; use BedrockGuardrailFilter for it"));
                    break;
                case "automatedReasoningPolicyConfig":
                    report(key, "automated reasoning", ImportReport.Status.UNSUPPORTED, "runs only in Bedrock");
                    break;
                case "blockedInputMessaging":
                    inputMessage = value.asText();
                    report(key, "blocked input message", ImportReport.Status.MAPPED, "Guard.Builder.blockedInputMessage");
                    break;
                case "blockedOutputsMessaging":
                    outputMessage = value.asText();
                    report(key, "blocked output message", ImportReport.Status.MAPPED, "Guard.Builder.blockedOutputMessage");
                    break;
                default:
                    if (METADATA.contains(key)) {
                        report(key, key, ImportReport.Status.IGNORED, "metadata: does not change what is blocked");
                    } else {
                        report(key, "unknown key " + key, ImportReport.Status.UNSUPPORTED, "not part of CreateGuardrail as this version knows it");
                    }
            }
        }
        addWordFilters();
        addPiiFilters();
        String name = root.path("name").asText("");
        return new ImportedGuardrail(name, inputs, outputs, blank(inputMessage), blank(outputMessage), new ImportReport(entries));
    }

    /** Reads one side of a Bedrock policy entry: enabled or not, and its action. */
    enum Action {
        BLOCK, ANONYMIZE, NONE, OFF
    }

    private interface EntryReader {
        void read(JsonNode node, String path);
    }

    private void forEach(JsonNode policy, String list, String policyKey, EntryReader reader) {
        JsonNode items = policy.path(list);
        if (items.isMissingNode()) {
            return;
        }
        if (!items.isArray()) {
            throw new IllegalArgumentException(policyKey + "." + list + " must be a list");
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
            report(policyKey + ".tierConfig", "tier " + policy.path("tierConfig").path("tierName").asText("?"),
                    ImportReport.Status.IGNORED, "Bedrock's pricing tier: no local meaning");
        }
    }

    private void contentFilter(JsonNode node, String path) {
        String type = text(node, "type").toUpperCase(Locale.ROOT);
        Action input = action(node, "inputAction", "inputEnabled", null);
        Action output = action(node, "outputAction", "outputEnabled", null);
        String inputStrength = node.path("inputStrength").asText("NONE").toUpperCase(Locale.ROOT);
        String outputStrength = node.path("outputStrength").asText("NONE").toUpperCase(Locale.ROOT);
        switch (type) {
            case "HATE":
            case "INSULTS":
                ToxicityFilter.Type toxicity = ToxicityFilter.Type.valueOf(type);
                List<String> done = new ArrayList<>();
                if (input != Action.OFF && !"NONE".equals(inputStrength)) {
                    ToxicityFilter filter = toxicityFilter(toxicity, strength(inputStrength, path + ".inputStrength"));
                    inputs.add(new ImportedGuardrail.Input(input == Action.NONE ? DetectOnly.input(filter) : filter,
                            FilterOptions.named("bedrock-import:content:" + type + ":input")));
                    done.add("input at " + inputStrength + (input == Action.NONE ? " (detect only)" : ""));
                }
                if (output != Action.OFF && !"NONE".equals(outputStrength)) {
                    ToxicityFilter filter = toxicityFilter(toxicity, strength(outputStrength, path + ".outputStrength"));
                    outputs.add(new ImportedGuardrail.Output(output == Action.NONE ? DetectOnly.output(filter) : filter,
                            FilterOptions.named("bedrock-import:content:" + type + ":output")));
                    done.add("output at " + outputStrength + (output == Action.NONE ? " (detect only)" : ""));
                }
                report(path, "content filter " + type, done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.APPROXIMATED,
                        done.isEmpty() ? "strength NONE or disabled on both sides"
                                : "ToxicityFilter (local classifier, Bedrock's strength names) on " + String.join(" and ", done));
                break;
            case "PROMPT_ATTACK":
                if (input == Action.OFF || "NONE".equals(inputStrength)) {
                    report(path, "content filter PROMPT_ATTACK", ImportReport.Status.IGNORED, "strength NONE or disabled");
                    break;
                }
                double threshold = injectionThreshold(inputStrength, path + ".inputStrength");
                PromptInjectionFilter injection = PromptInjectionFilter.custom().threshold(threshold).build();
                inputs.add(new ImportedGuardrail.Input(input == Action.NONE ? DetectOnly.input(injection) : injection,
                        FilterOptions.named("bedrock-import:content:PROMPT_ATTACK")));
                report(path, "content filter PROMPT_ATTACK", ImportReport.Status.APPROXIMATED,
                        "PromptInjectionFilter on input, threshold " + threshold + " for strength " + inputStrength
                                + " (Bedrock applies PROMPT_ATTACK to input only)" + (input == Action.NONE ? ", detect only" : ""));
                break;
            default:
                boolean active = (input != Action.OFF && !"NONE".equals(inputStrength))
                        || (output != Action.OFF && !"NONE".equals(outputStrength));
                report(path, "content filter " + type, active ? ImportReport.Status.UNSUPPORTED : ImportReport.Status.IGNORED,
                        active ? "no local classifier for " + type + " yet: not enforced locally"
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

    private static Strength strength(String value, String path) {
        try {
            return Strength.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " must be NONE, LOW, MEDIUM or HIGH, was '" + value + "'", e);
        }
    }

    /** Maps Bedrock's PROMPT_ATTACK strength to the local filter's threshold: higher strength, lower threshold. */
    private static double injectionThreshold(String strength, String path) {
        switch (strength) {
            case "LOW":
                return 0.75;
            case "MEDIUM":
                return PromptInjectionFilter.DEFAULT_THRESHOLD;
            case "HIGH":
                return 0.35;
            default:
                throw new IllegalArgumentException(path + " must be NONE, LOW, MEDIUM or HIGH, was '" + strength + "'");
        }
    }

    private void topic(JsonNode node, String path) {
        report(path, "denied topic '" + text(node, "name") + "'", ImportReport.Status.UNSUPPORTED,
                "no local semantic topic filter: not enforced locally; use BedrockGuardrailFilter for topics");
    }

    private void word(JsonNode node, String path) {
        String word = text(node, "text");
        Action[] sides = sides(node);
        List<String> done = new ArrayList<>();
        for (Side side : Side.values()) {
            Action action = sides[side.ordinal()];
            if (action != Action.OFF) {
                side.of(this).words.computeIfAbsent(localAction(action), a -> new ArrayList<>()).add(word);
                done.add(side.label + " " + localAction(action));
            }
        }
        // the word itself stays out of the report: it may be offensive, and the report ends up in logs
        report(path, "custom word", done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.MAPPED,
                done.isEmpty() ? "disabled on both sides"
                        : "WordFilter " + String.join(", ", done) + " (also matches case, accent, leetspeak and stem variants)");
    }

    private void managedWords(JsonNode node, String path) {
        String type = text(node, "type").toUpperCase(Locale.ROOT);
        Action[] sides = sides(node);
        if (!"PROFANITY".equals(type)) {
            report(path, "managed word list " + type, ImportReport.Status.UNSUPPORTED, "no local list " + type + ": not enforced locally");
            return;
        }
        List<String> done = new ArrayList<>();
        for (Side side : Side.values()) {
            Action action = sides[side.ordinal()];
            if (action != Action.OFF) {
                side.of(this).profanity = localAction(action);
                done.add(side.label + " " + localAction(action));
            }
        }
        report(path, "managed word list PROFANITY", done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.APPROXIMATED,
                done.isEmpty() ? "disabled on both sides"
                        : "WordFilter's own profanity list (not Bedrock's) " + String.join(", ", done));
    }

    /** Which way a definition entry applies. */
    private enum Side {
        INPUT("input"), OUTPUT("output");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        WordRules of(BedrockGuardrailImport importer) {
            return this == INPUT ? importer.inputWords : importer.outputWords;
        }
    }

    /** The word lists, profanity action and regexes collected for one side. */
    private static final class WordRules {
        private final Map<dev.guard4j.filters.redact.Action, List<String>> words = new java.util.EnumMap<>(dev.guard4j.filters.redact.Action.class);
        private final List<RegexRule> regexes = new ArrayList<>();
        private dev.guard4j.filters.redact.Action profanity;

        boolean isEmpty() {
            return words.isEmpty() && regexes.isEmpty() && profanity == null;
        }

        WordFilter build() {
            WordFilter.Builder builder = WordFilter.builder();
            words.forEach((action, entries) -> builder.list(WordList.of("bedrock-words-" + action.name().toLowerCase(Locale.ROOT),
                    action, entries)));
            if (profanity != null) {
                builder.profanity(profanity);
            }
            regexes.forEach(builder::regex);
            return builder.build();
        }
    }

    private void addWordFilters() {
        if (!inputWords.isEmpty()) {
            inputs.add(new ImportedGuardrail.Input(inputWords.build(), FilterOptions.named("bedrock-import:words:input")));
        }
        if (!outputWords.isEmpty()) {
            outputs.add(new ImportedGuardrail.Output(outputWords.build(), FilterOptions.named("bedrock-import:words:output")));
        }
    }

    private void piiEntity(JsonNode node, String path) {
        String type = text(node, "type").toUpperCase(Locale.ROOT);
        Action[] sides = sides(node);
        if (!PiiFilter.supportedCategories().contains(type)) {
            boolean active = sides[0] != Action.OFF || sides[1] != Action.OFF;
            report(path, "PII " + type, active ? ImportReport.Status.UNSUPPORTED : ImportReport.Status.IGNORED,
                    active ? "PiiFilter has no detector for " + type + ": not enforced locally" : "disabled on both sides");
            return;
        }
        List<String> done = new ArrayList<>();
        if (sides[0] != Action.OFF) {
            inputPii.put(type, localAction(sides[0]));
            done.add("input " + localAction(sides[0]));
        }
        if (sides[1] != Action.OFF) {
            outputPii.put(type, localAction(sides[1]));
            done.add("output " + localAction(sides[1]));
        }
        report(path, "PII " + type, done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.APPROXIMATED,
                done.isEmpty() ? "disabled on both sides"
                        : "PiiFilter (local recognizers) " + String.join(", ", done)
                                + (sides[0] == Action.ANONYMIZE || sides[1] == Action.ANONYMIZE
                                        ? "; Bedrock masks as {" + type + "}, REDACT writes <" + type + ">" : ""));
    }

    /** Bedrock's ANONYMIZE masks the value with its type: the local REDACT does the same with other brackets. */
    private static dev.guard4j.filters.redact.Action localAction(Action action) {
        switch (action) {
            case BLOCK:
                return dev.guard4j.filters.redact.Action.BLOCK;
            case ANONYMIZE:
                return dev.guard4j.filters.redact.Action.REDACT;
            default:
                return dev.guard4j.filters.redact.Action.REPORT_ONLY;
        }
    }

    private void addPiiFilters() {
        if (!inputPii.isEmpty()) {
            inputs.add(new ImportedGuardrail.Input(piiFilter(inputPii), FilterOptions.named("bedrock-import:pii:input")));
        }
        if (!outputPii.isEmpty()) {
            outputs.add(new ImportedGuardrail.Output(piiFilter(outputPii), FilterOptions.named("bedrock-import:pii:output")));
        }
    }

    private static PiiFilter piiFilter(Map<String, dev.guard4j.filters.redact.Action> actions) {
        PiiFilter.Builder builder = PiiFilter.builder().categories(actions.keySet());
        actions.forEach(builder::action);
        return builder.build();
    }

    private void regex(JsonNode node, String path) {
        String name = text(node, "name");
        String pattern = text(node, "pattern");
        Action[] sides = sides(node);
        Map<Side, RegexRule> rules = new java.util.EnumMap<>(Side.class);
        List<String> done = new ArrayList<>();
        try {
            for (Side side : Side.values()) {
                Action action = sides[side.ordinal()];
                if (action != Action.OFF) {
                    RegexRule rule = RegexRule.of(name, pattern, localAction(action));
                    // building checks the pattern (syntax, length, nested quantifiers) now, not at the first call
                    WordFilter.builder().regex(rule).build();
                    rules.put(side, rule);
                    done.add(side.label + " " + localAction(action));
                }
            }
        } catch (IllegalArgumentException e) {
            report(path, "regex '" + name + "'", ImportReport.Status.UNSUPPORTED,
                    "refused by the local regex engine: " + e.getMessage() + "; not enforced locally");
            return;
        }
        rules.forEach((side, rule) -> side.of(this).regexes.add(rule));
        report(path, "regex '" + name + "'", done.isEmpty() ? ImportReport.Status.IGNORED : ImportReport.Status.MAPPED,
                done.isEmpty() ? "disabled on both sides"
                        : "WordFilter regex rule " + String.join(", ", done) + " (Java regex syntax; masks as [" + name.toUpperCase(Locale.ROOT) + "])");
    }

    /** Returns the input and output actions of an entry whose sides may share one {@code action}. */
    private static Action[] sides(JsonNode node) {
        return new Action[] {action(node, "inputAction", "inputEnabled", "action"), action(node, "outputAction", "outputEnabled", "action")};
    }

    /**
     * Returns one side's action: {@code OFF} when the side is disabled, else its action, falling
     * back to the entry's single {@code action} (PII and regexes) and then to BLOCK.
     */
    static Action action(JsonNode node, String actionKey, String enabledKey, String fallbackKey) {
        if (node.has(enabledKey) && !node.path(enabledKey).asBoolean(true)) {
            return Action.OFF;
        }
        String value = node.has(actionKey) ? node.path(actionKey).asText()
                : fallbackKey != null && node.has(fallbackKey) ? node.path(fallbackKey).asText() : "BLOCK";
        switch (value.toUpperCase(Locale.ROOT)) {
            case "BLOCK":
                return Action.BLOCK;
            case "ANONYMIZE":
                return Action.ANONYMIZE;
            case "NONE":
                return Action.NONE;
            default:
                throw new IllegalArgumentException(actionKey + " must be BLOCK, ANONYMIZE or NONE, was '" + value + "'");
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is missing or empty in " + abbreviate(node.toString()));
        }
        return value.asText();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private void report(String path, String what, ImportReport.Status status, String detail) {
        entries.add(new ImportReport.Entry(path, what, status, detail));
    }
}
