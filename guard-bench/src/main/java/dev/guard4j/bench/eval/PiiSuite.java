package dev.guard4j.bench.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guard4j.Finding;
import dev.guard4j.filters.pii.PiiFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates {@link PiiFilter}: span-level precision and recall per category on Presidio's
 * synthetic data set, and pass/fail per case on Presidio's recognizer unit tests.
 *
 * <p>A predicted span is right when it overlaps an expected span whose entity type maps to the
 * same category; an expected span is found when a predicted span of its category overlaps it.
 * Entity types without a mapping are not scored (neither as misses nor as false alarms).
 */
final class PiiSuite implements EvalSuite {

    static final String SYNTH = "presidio_research_synth_v2/synth_dataset_v2.jsonl";
    static final String RECOGNIZER_TESTS = "presidio_recognizer_tests/presidio_recognizer_tests.jsonl";

    /** Presidio synthetic data entity type to Guard4j category. Not covered: GPE, ORGANIZATION, TITLE, NRP, ZIP_CODE. */
    static final Map<String, String> SYNTH_MAPPING = Map.ofEntries(
            Map.entry("PERSON", "NAME"),
            Map.entry("STREET_ADDRESS", "ADDRESS"),
            Map.entry("CREDIT_CARD", "CREDIT_DEBIT_CARD_NUMBER"),
            Map.entry("DATE_TIME", "DATE_TIME"),
            Map.entry("PHONE_NUMBER", "PHONE"),
            Map.entry("AGE", "AGE"),
            Map.entry("EMAIL_ADDRESS", "EMAIL"),
            Map.entry("DOMAIN_NAME", "URL"),
            Map.entry("IBAN_CODE", "INTERNATIONAL_BANK_ACCOUNT_NUMBER"),
            Map.entry("US_SSN", "US_SOCIAL_SECURITY_NUMBER"),
            Map.entry("IP_ADDRESS", "IP_ADDRESS"),
            Map.entry("US_DRIVER_LICENSE", "DRIVER_ID"));

    /** Presidio recognizer entity type to Guard4j category; types not listed are not covered and not scored. */
    static final Map<String, String> RECOGNIZER_MAPPING = Map.ofEntries(
            Map.entry("IP_ADDRESS", "IP_ADDRESS"),
            Map.entry("PHONE_NUMBER", "PHONE"),
            Map.entry("DATE_TIME", "DATE_TIME"),
            Map.entry("CA_SIN", "CA_SOCIAL_INSURANCE_NUMBER"),
            Map.entry("MAC_ADDRESS", "MAC_ADDRESS"),
            Map.entry("CREDIT_CARD", "CREDIT_DEBIT_CARD_NUMBER"),
            Map.entry("URL", "URL"),
            Map.entry("US_SSN", "US_SOCIAL_SECURITY_NUMBER"),
            Map.entry("UK_NINO", "UK_NATIONAL_INSURANCE_NUMBER"),
            Map.entry("EMAIL_ADDRESS", "EMAIL"),
            Map.entry("US_ITIN", "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER"),
            Map.entry("ABA_ROUTING_NUMBER", "US_BANK_ROUTING_NUMBER"),
            Map.entry("IN_AADHAAR", "IN_AADHAAR"),
            Map.entry("UK_NHS", "UK_NATIONAL_HEALTH_SERVICE_NUMBER"),
            Map.entry("CRYPTO", "CRYPTO"),
            Map.entry("ES_NIF", "ES_NIF"),
            Map.entry("IT_FISCAL_CODE", "IT_FISCAL_CODE"),
            Map.entry("SG_NRIC_FIN", "SG_NRIC_FIN"),
            Map.entry("AU_TFN", "AU_TFN"),
            Map.entry("DE_TAX_ID", "DE_TAX_ID"),
            Map.entry("PL_PESEL", "PL_PESEL"),
            Map.entry("IN_PAN", "IN_PAN"),
            Map.entry("US_PASSPORT", "US_PASSPORT_NUMBER"),
            Map.entry("US_BANK_NUMBER", "US_BANK_ACCOUNT_NUMBER"),
            Map.entry("US_DRIVER_LICENSE", "DRIVER_ID"));

    /** Categories scored separately because they rest on heuristics rather than formats. */
    static final Set<String> HEURISTIC = Set.of("NAME", "ADDRESS");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "pii";
    }

    @Override
    public void run(Datasets data, EvalReport report, int limit) {
        if (data.has(SYNTH)) {
            synth(data.jsonl(SYNTH), report, limit);
        } else {
            report.note("pii: " + SYNTH + " not found, skipped");
        }
        if (data.has(RECOGNIZER_TESTS)) {
            recognizerTests(data.jsonl(RECOGNIZER_TESTS), report, limit);
        } else {
            report.note("pii: " + RECOGNIZER_TESTS + " not found, skipped");
        }
    }

    private static void synth(List<JsonNode> rows, EvalReport report, int limit) {
        PiiFilter filter = PiiFilter.builder().categories(new LinkedHashSet<>(SYNTH_MAPPING.values())).build();
        Map<String, int[]> counts = new TreeMap<>();
        BinaryMetrics latency = new BinaryMetrics();
        int n = 0;
        for (JsonNode row : rows) {
            if (limit > 0 && n >= limit) {
                break;
            }
            n++;
            String text = row.get("text").asText();
            List<Span> expected = new ArrayList<>();
            for (JsonNode span : array(row.get("spans"))) {
                String category = SYNTH_MAPPING.get(span.get("entity_type").asText());
                if (category != null) {
                    expected.add(new Span(category, span.get("start").asInt(), span.get("end").asInt()));
                }
            }
            long started = System.nanoTime();
            List<Finding> predicted = filter.detect(text);
            latency.addLatency(System.nanoTime() - started);
            score(expected, predicted, counts);
        }
        String table = "pii / presidio_research_synth_v2 (span overlap, threshold " + PiiFilter.DEFAULT_THRESHOLD + ")";
        int[] all = new int[4];
        int[] structured = new int[4];
        int[] heuristic = new int[4];
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            addSpanRow(report, table, entry.getKey(), entry.getValue(), null);
            for (int i = 0; i < 4; i++) {
                all[i] += entry.getValue()[i];
                (HEURISTIC.contains(entry.getKey()) ? heuristic : structured)[i] += entry.getValue()[i];
            }
        }
        addSpanRow(report, table, "ALL covered", all, latency);
        addSpanRow(report, table, "ALL but NAME, ADDRESS", structured, null);
        addSpanRow(report, table, "NAME + ADDRESS", heuristic, null);
        report.note("pii synth: not covered (not scored): GPE, ORGANIZATION, TITLE, NRP, ZIP_CODE; rows " + n);
    }

    /** counts: expected, expected found, predicted, predicted right. */
    private static void score(List<Span> expected, List<Finding> predicted, Map<String, int[]> counts) {
        for (Span span : expected) {
            int[] c = counts.computeIfAbsent(span.category(), k -> new int[4]);
            c[0]++;
            for (Finding finding : predicted) {
                if (finding.category().equals(span.category()) && finding.start() < span.end() && span.start() < finding.end()) {
                    c[1]++;
                    break;
                }
            }
        }
        for (Finding finding : predicted) {
            int[] c = counts.computeIfAbsent(finding.category(), k -> new int[4]);
            c[2]++;
            for (Span span : expected) {
                if (finding.category().equals(span.category()) && finding.start() < span.end() && span.start() < finding.end()) {
                    c[3]++;
                    break;
                }
            }
        }
    }

    private static void addSpanRow(EvalReport report, String table, String category, int[] c, BinaryMetrics latency) {
        double precision = c[2] == 0 ? 0 : (double) c[3] / c[2];
        double recall = c[0] == 0 ? 0 : (double) c[1] / c[0];
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("category", category);
        row.put("expected", c[0]);
        row.put("found", c[1]);
        row.put("predicted", c[2]);
        row.put("right", c[3]);
        row.put("precision", precision);
        row.put("recall", recall);
        row.put("F1", precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        if (latency != null) {
            row.put("p50us", latency.latencyMicros(50));
            row.put("p99us", latency.latencyMicros(99));
        }
        report.addRow(table, row);
    }

    private static void recognizerTests(List<JsonNode> rows, EvalReport report, int limit) {
        Map<String, PiiFilter> filters = new HashMap<>();
        Map<String, int[]> perType = new TreeMap<>();
        Set<String> uncovered = new java.util.TreeSet<>();
        int n = 0;
        for (JsonNode row : rows) {
            if (limit > 0 && n >= limit) {
                break;
            }
            n++;
            List<JsonNode> types = array(row.get("entity_types"));
            if (types.size() != 1) {
                continue;
            }
            String type = types.get(0).asText();
            String category = RECOGNIZER_MAPPING.get(type);
            if (category == null) {
                uncovered.add(type);
                continue;
            }
            // the tests assert what a recognizer reports at any score, as Presidio's own do
            PiiFilter filter = filters.computeIfAbsent(category, c -> PiiFilter.builder().categories(c).threshold(0.0).build());
            List<Finding> found = filter.detect(row.get("text").asText());
            int expectedCount = row.get("expected_count").asInt();
            boolean right = found.size() == expectedCount;
            if (right && row.path("label").asInt() == 1) {
                for (JsonNode span : array(row.get("spans"))) {
                    int start = span.get("start").asInt();
                    int end = span.get("end").asInt();
                    right &= found.stream().anyMatch(f -> f.start() == start && f.end() == end);
                }
            }
            int[] c = perType.computeIfAbsent(type, k -> new int[4]);
            int positive = row.path("label").asInt() == 1 ? 0 : 2;
            c[positive]++;
            if (right) {
                c[positive + 1]++;
            }
        }
        String table = "pii / presidio_recognizer_tests (cases right, detector level: threshold 0)";
        int[] total = new int[4];
        for (Map.Entry<String, int[]> entry : perType.entrySet()) {
            int[] c = entry.getValue();
            addCaseRow(report, table, entry.getKey() + " -> " + RECOGNIZER_MAPPING.get(entry.getKey()), c);
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
        }
        addCaseRow(report, table, "ALL covered", total);
        report.note("pii recognizer tests: types not covered (not scored): " + uncovered);
    }

    private static void addCaseRow(EvalReport report, String table, String type, int[] c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", type);
        row.put("positives", c[0]);
        row.put("positivesRight", c[1]);
        row.put("negatives", c[2]);
        row.put("negativesRight", c[3]);
        row.put("accuracy", c[0] + c[2] == 0 ? 0 : (double) (c[1] + c[3]) / (c[0] + c[2]));
        report.addRow(table, row);
    }

    /** The data stores some lists as JSON text inside a string; accept both. */
    private static List<JsonNode> array(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        JsonNode array = node;
        if (node.isTextual()) {
            try {
                array = JSON.readTree(node.asText());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a JSON list: " + node.asText(), e);
            }
        }
        array.forEach(out::add);
        return out;
    }

    private record Span(String category, int start, int end) {
    }
}
