package dev.guard4j.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guard4j.filters.secrets.SecretsFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the secrets filter: per-rule recall and negatives flagged on gitleaks' rule samples
 * (deduplicated by secret), pass/fail per case on detect-secrets' plugin tests, and LLM Guard's
 * secrets scanner tests.
 *
 * <p>A text counts as flagged when the filter reports any finding in it. The rule names in the
 * tables are the data sets' own; Guard4j's rules were written from provider formats, not from
 * these rows.
 */
public final class SecretsSuite implements EvalSuite {

    static final String GITLEAKS = "gitleaks_rule_samples/gitleaks_rule_samples.jsonl";
    static final String DETECT_SECRETS = "detect_secrets_plugin_tests/detect_secrets_plugin_tests.jsonl";
    static final String LLM_GUARD = "llm_guard_secrets_tests/llm_guard_secrets_tests.jsonl";
    /** detect-secrets plugins outside this filter's job: public IP addresses are PII (IP_ADDRESS), not secrets. */
    private static final List<String> OUT_OF_SCOPE = List.of("ip_public");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_+/.~\\-]+");

    private final SecretsFilter filter = SecretsFilter.ofDefaults();

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public void run(Datasets data, EvalReport report, int limit) {
        if (data.has(GITLEAKS)) {
            gitleaks(rows(data, GITLEAKS, limit), report);
        } else {
            report.note("secrets: skipped " + GITLEAKS + " (missing)");
        }
        if (data.has(DETECT_SECRETS)) {
            detectSecrets(rows(data, DETECT_SECRETS, limit), report);
        } else {
            report.note("secrets: skipped " + DETECT_SECRETS + " (missing)");
        }
        if (data.has(LLM_GUARD)) {
            BinaryMetrics metrics = new BinaryMetrics();
            for (JsonNode row : rows(data, LLM_GUARD, limit)) {
                long start = System.nanoTime();
                boolean flagged = flagged(row.path("text").asText());
                metrics.add(row.path("label").asInt() == 1, flagged, System.nanoTime() - start);
            }
            report.add("secrets / llm_guard_secrets_tests", "guard4j-secrets", metrics);
        } else {
            report.note("secrets: skipped " + LLM_GUARD + " (missing)");
        }
    }

    private static List<JsonNode> rows(Datasets data, String file, int limit) {
        List<JsonNode> rows = data.jsonl(file);
        return limit > 0 && rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    private boolean flagged(String text) {
        return !filter.scan(text).isEmpty();
    }

    private void gitleaks(List<JsonNode> rows, EvalReport report) {
        // per rule: secret -> whether every row holding it was flagged
        Map<String, Map<String, Boolean>> secretsByRule = new TreeMap<>();
        Map<String, int[]> negativesByRule = new TreeMap<>();
        BinaryMetrics rowMetrics = new BinaryMetrics();
        // a negative sample of one rule is sometimes a real secret of another (cloudflare's three key kinds)
        Map<String, java.util.Set<String>> rulesByPositiveText = new java.util.HashMap<>();
        for (JsonNode row : rows) {
            if (row.path("label").asInt() == 1) {
                rulesByPositiveText.computeIfAbsent(row.path("text").asText(), t -> new java.util.HashSet<>()).add(row.path("rule_id").asText());
            }
        }
        int crossRuleNegatives = 0;
        int crossRuleFlagged = 0;
        for (JsonNode row : rows) {
            String rule = row.path("rule_id").asText();
            String text = row.path("text").asText();
            boolean positive = row.path("label").asInt() == 1;
            if (text.isEmpty()) {
                // the pkcs12-file rule's samples are binary files, absent from the text export
                continue;
            }
            long start = System.nanoTime();
            boolean flagged = flagged(text);
            rowMetrics.add(positive, flagged, System.nanoTime() - start);
            if (positive) {
                secretsByRule.computeIfAbsent(rule, r -> new LinkedHashMap<>()).merge(secretOf(text), flagged, Boolean::logicalAnd);
            } else {
                if (rulesByPositiveText.containsKey(text)) {
                    crossRuleNegatives++;
                    if (flagged) {
                        crossRuleFlagged++;
                    }
                }
                int[] counts = negativesByRule.computeIfAbsent(rule, r -> new int[2]);
                counts[0]++;
                if (flagged) {
                    counts[1]++;
                }
            }
        }
        int secrets = 0;
        int found = 0;
        int negatives = 0;
        int negativesFlagged = 0;
        List<String> rules = new ArrayList<>(secretsByRule.keySet());
        negativesByRule.keySet().stream().filter(r -> !secretsByRule.containsKey(r)).forEach(rules::add);
        for (String rule : rules) {
            Map<String, Boolean> bySecret = secretsByRule.getOrDefault(rule, Map.of());
            int ruleFound = (int) bySecret.values().stream().filter(Boolean::booleanValue).count();
            int[] neg = negativesByRule.getOrDefault(rule, new int[2]);
            secrets += bySecret.size();
            found += ruleFound;
            negatives += neg[0];
            negativesFlagged += neg[1];
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("rule", rule);
            line.put("secrets", bySecret.size());
            line.put("found", ruleFound);
            line.put("recall", bySecret.isEmpty() ? Double.NaN : (double) ruleFound / bySecret.size());
            line.put("negatives", neg[0]);
            line.put("negFlagged", neg[1]);
            report.addRow("secrets / gitleaks per rule", line);
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("rules", rules.size());
        total.put("secrets", secrets);
        total.put("found", found);
        total.put("recall", secrets == 0 ? Double.NaN : (double) found / secrets);
        total.put("negatives", negatives);
        total.put("negFlagged", negativesFlagged);
        total.put("negFlaggedRate", negatives == 0 ? Double.NaN : (double) negativesFlagged / negatives);
        total.put("crossRuleNeg", crossRuleNegatives);
        int otherNegatives = negatives - crossRuleNegatives;
        total.put("negFlaggedRateExclCrossRule", otherNegatives == 0 ? Double.NaN : (double) (negativesFlagged - crossRuleFlagged) / otherNegatives);
        report.addRow("secrets / gitleaks (deduplicated by secret; a secret counts when every row holding it is flagged)", total);
        report.add("secrets / gitleaks (per row)", "guard4j-secrets", rowMetrics);
    }

    /** Returns the secret a gitleaks sample holds: its longest token with a digit, else its longest token. */
    static String secretOf(String text) {
        String best = "";
        String bestWithDigit = "";
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            if (token.length() > best.length()) {
                best = token;
            }
            if (token.length() > bestWithDigit.length() && token.chars().anyMatch(Character::isDigit)) {
                bestWithDigit = token;
            }
        }
        return bestWithDigit.length() >= 8 ? bestWithDigit : best;
    }

    private void detectSecrets(List<JsonNode> rows, EvalReport report) {
        Map<String, int[]> byDetector = new TreeMap<>();
        BinaryMetrics metrics = new BinaryMetrics();
        int skipped = 0;
        for (JsonNode row : rows) {
            String detector = row.path("detector").asText();
            if (OUT_OF_SCOPE.contains(detector)) {
                skipped++;
                continue;
            }
            boolean positive = row.path("label").asInt() == 1;
            long start = System.nanoTime();
            boolean flagged = flagged(row.path("text").asText());
            metrics.add(positive, flagged, System.nanoTime() - start);
            int[] counts = byDetector.computeIfAbsent(detector, d -> new int[2]);
            counts[0]++;
            if (flagged == positive) {
                counts[1]++;
            }
        }
        int cases = 0;
        int right = 0;
        for (Map.Entry<String, int[]> entry : byDetector.entrySet()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("plugin", entry.getKey());
            line.put("cases", entry.getValue()[0]);
            line.put("right", entry.getValue()[1]);
            line.put("rightRate", (double) entry.getValue()[1] / entry.getValue()[0]);
            report.addRow("secrets / detect_secrets per plugin", line);
            cases += entry.getValue()[0];
            right += entry.getValue()[1];
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("cases", cases);
        total.put("right", right);
        total.put("rightRate", cases == 0 ? Double.NaN : (double) right / cases);
        total.put("outOfScope", skipped);
        report.addRow("secrets / detect_secrets (pass/fail per case)", total);
        report.add("secrets / detect_secrets", "guard4j-secrets", metrics);
        if (skipped > 0) {
            report.note("secrets: " + skipped + " detect_secrets cases of " + OUT_OF_SCOPE + " left out: IP addresses are PII (IP_ADDRESS), not secrets");
        }
    }
}
