package dev.guard4j.bench.train;

import dev.guard4j.bench.eval.Datasets;
import dev.guard4j.filters.injection.PromptInjectionFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that says which prompt-injection rows train the shipped model and which are test.
 *
 * <p>Rule, applied identically by the trainer and the evaluation:
 * <ol>
 *   <li>Reserved for test, never trained on: every row of notinject, xstest, awesome_chatgpt_prompts,
 *       jailbreakbench_behaviors, jailbreakbench_artifacts, verazuo 2023_12_25, gptfuzz_templates,
 *       giskard_prompt_injections, llm_guard_pi_tests, pint_example and the derived deepset test split.</li>
 *   <li>protectai_pi_validation is split by id: a row trains when the first byte of SHA-256(id) is
 *       below 128 ({@link #protectaiTrains(String)}), and is test otherwise.</li>
 *   <li>Training = deepset train (all 546 rows) + verazuo 2023_05_07 (as positives) + protectai's
 *       training half, minus every row whose normalised text equals the text of a reserved row
 *       (deepset train rows that protectai's test half repeats are not reserved: they stay training).</li>
 *   <li>Positives that open with a plain persona request ("I want you to act as ...") are left out of
 *       training: deepset labels them injections, but role prompts are ordinary use of an assistant.</li>
 *   <li>300 synthetic benign role prompts and 20 benign trigger-word sentences ({@code SyntheticNegatives},
 *       seed 7) are added as negatives.</li>
 *   <li>Test rows whose normalised text equals a training text are dropped from the test sets and counted.</li>
 * </ol>
 */
public final class InjectionData {

    /** A labelled text and the set it came from. */
    public record Row(String text, boolean positive, String source) {
    }

    /**
     * Positives that open with a plain persona request: deepset labels "I want you to act as a
     * Linux terminal" an injection, but in an application such role prompts are ordinary use.
     */
    private static final Pattern PERSONA_REQUEST = Pattern.compile("\\s*[\"']?(?:i want you to act|i want you act|i would like you to act|act as|i want you to be my)\\b");

    /** How many synthetic benign role prompts join the training data, and their seed. */
    static final int SYNTHETIC_NEGATIVES = 300;
    static final long SYNTHETIC_SEED = 7L;

    private final Datasets data;

    /**
     * Creates the data view.
     *
     * @param data the shared data sets
     */
    public InjectionData(Datasets data) {
        this.data = data;
    }

    /** Returns whether a protectai validation row belongs to the training half. */
    public static boolean protectaiTrains(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 0xff) < 128;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the key under which two texts count as the same row. */
    public static String key(String text) {
        return String.join(" ", PromptInjectionFilter.normaliseForModel(text).trim().split("\\s+")).toLowerCase(Locale.ROOT);
    }

    /** Returns the test sets, by name, before removing overlap with training. */
    public Map<String, List<Row>> testSets() {
        Map<String, List<Row>> sets = new LinkedHashMap<>();
        sets.put("deepset-test", labelled("deepset_prompt_injections/deepset_prompt_injections_test_DERIVED.csv", "text", "label", "deepset-test"));
        List<Row> protectai = new ArrayList<>();
        Map<String, List<Row>> perSplit = new LinkedHashMap<>();
        for (Map<String, String> row : data.csv("protectai_prompt_injection_validation/protectai_pi_validation.csv")) {
            if (!protectaiTrains(row.get("id"))) {
                Row r = new Row(row.get("text"), "1".equals(row.get("label")), "protectai/" + row.get("split"));
                protectai.add(r);
                perSplit.computeIfAbsent("protectai-heldout/" + row.get("split"), k -> new ArrayList<>()).add(r);
            }
        }
        sets.put("protectai-heldout (whole)", protectai);
        sets.putAll(perSplit);
        sets.put("notinject", labelled("notinject/notinject.csv", "text", "label", "notinject"));
        List<Row> xstest = new ArrayList<>();
        for (Map<String, String> row : data.csv("xstest/xstest_prompts.csv")) {
            if ("safe".equals(row.get("label"))) {
                xstest.add(new Row(row.get("prompt"), false, "xstest-safe"));
            }
        }
        sets.put("xstest-safe", xstest);
        sets.put("awesome_chatgpt_prompts", labelled("awesome_chatgpt_prompts/awesome_chatgpt_prompts.csv", "text", "label", "awesome"));
        List<Row> jbbBenign = new ArrayList<>();
        for (Map<String, String> row : data.csv("jailbreakbench_behaviors/jbb_behaviors.csv")) {
            if ("0".equals(row.get("label"))) {
                jbbBenign.add(new Row(row.get("text"), false, "jbb-benign"));
            }
        }
        sets.put("jailbreakbench_behaviors (benign)", jbbBenign);
        sets.put("verazuo 2023_12_25", positives("verazuo_jailbreak_llms/jailbreak_prompts_2023_12_25.csv", "prompt", "verazuo-2023_12_25"));
        sets.put("jailbreakbench_artifacts", positives("jailbreakbench_artifacts/jbb_attack_prompts.csv", "text", "jbb-artifacts"));
        sets.put("gptfuzz_templates", positives("gptfuzz_templates/gptfuzzer_templates.csv", "text", "gptfuzz"));
        sets.put("giskard_prompt_injections", positives("giskard_prompt_injections/giskard_prompt_injections.csv", "text", "giskard"));
        sets.put("llm_guard_pi_tests", labelled("llm_guard_pi_tests/llm_guard_prompt_injection_tests.csv", "text", "label", "llm-guard"));
        return sets;
    }

    /** Returns the normalised keys of every reserved (test-only) row, protectai's test half included. */
    public Set<String> reservedKeys() {
        Set<String> deepsetTrain = new HashSet<>();
        labelled("deepset_prompt_injections/deepset_prompt_injections_train.csv", "text", "label", "deepset-train")
                .forEach(row -> deepsetTrain.add(key(row.text())));
        Set<String> keys = new HashSet<>();
        for (Map.Entry<String, List<Row>> set : testSets().entrySet()) {
            // deepset's own train split stays training data even where protectai's test half repeats it;
            // the evaluation drops those repeats from protectai's test half instead
            boolean protectai = set.getKey().startsWith("protectai");
            set.getValue().stream().map(row -> key(row.text()))
                    .filter(key -> !(protectai && deepsetTrain.contains(key)))
                    .forEach(keys::add);
        }
        if (data.has("pint_example/pint_example.csv")) {
            labelled("pint_example/pint_example.csv", "text", "label", "pint").forEach(row -> keys.add(key(row.text())));
        }
        return keys;
    }

    /** Returns the training rows of the shipped model, in a fixed order, with reserved texts removed. */
    public List<Row> trainingRows() {
        Set<String> reserved = reservedKeys();
        List<Row> candidates = new ArrayList<>();
        candidates.addAll(labelled("deepset_prompt_injections/deepset_prompt_injections_train.csv", "text", "label", "deepset-train"));
        candidates.addAll(positives("verazuo_jailbreak_llms/jailbreak_prompts_2023_05_07.csv", "prompt", "verazuo-2023_05_07"));
        for (Map<String, String> row : data.csv("protectai_prompt_injection_validation/protectai_pi_validation.csv")) {
            if (protectaiTrains(row.get("id"))) {
                candidates.add(new Row(row.get("text"), "1".equals(row.get("label")), "protectai-train/" + row.get("split")));
            }
        }
        SyntheticNegatives.generate(SYNTHETIC_NEGATIVES, SYNTHETIC_SEED).forEach(text -> candidates.add(new Row(text, false, "synthetic-benign")));
        List<Row> training = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row row : candidates) {
            String key = key(row.text());
            if (!key.isEmpty() && !reserved.contains(key) && !(row.positive() && PERSONA_REQUEST.matcher(key).lookingAt())
                    && seen.add(key + row.positive())) {
                training.add(row);
            }
        }
        return training;
    }

    private List<Row> labelled(String file, String textColumn, String labelColumn, String source) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> row : data.csv(file)) {
            rows.add(new Row(row.get(textColumn), "1".equals(row.get(labelColumn)), source));
        }
        return rows;
    }

    private List<Row> positives(String file, String textColumn, String source) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> row : data.csv(file)) {
            String text = row.get(textColumn);
            if (text != null && !text.isBlank()) {
                rows.add(new Row(text, true, source));
            }
        }
        return rows;
    }
}
