package dev.guard4j.bench.eval;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.output.CodeFilter;
import dev.guard4j.filters.output.LinkFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Evaluates the output filters that have public data to test on: the code detector (code
 * snippets from BIPIA's code split as positives, with and without their fences; prose prompts,
 * tweets and seed sentences as negatives, among them XSTest's "kill a Python process" homonyms)
 * and the link filter's false alarms on tweets, which carry t.co links.
 */
public final class OutputSuite implements EvalSuite {

    private static final String BIPIA = "protectai_prompt_injection_validation/protectai_pi_validation.csv";

    @Override
    public String name() {
        return "output";
    }

    @Override
    public void run(Datasets data, EvalReport report, int limit) {
        CodeFilter code = CodeFilter.ofDefaults();
        List<String> snippets = data.has(BIPIA)
                ? column(data.csv(BIPIA), "text", row -> "bipia_code".equals(row.get("split")), limit)
                : List.of();
        if (snippets.isEmpty()) {
            report.note("output: " + BIPIA + " missing; no code positives");
        }
        List<String> unfenced = snippets.stream().map(OutputSuite::withoutFences).toList();
        evaluate(report, "code / bipia_code (fenced)", code, snippets, true);
        evaluate(report, "code / bipia_code (fences removed)", code, unfenced, true);
        negatives(data, report, code, "xstest/xstest_prompts.csv", "prompt", limit);
        negatives(data, report, code, "notinject/notinject.csv", "text", limit);
        negatives(data, report, code, "awesome_chatgpt_prompts/awesome_chatgpt_prompts.csv", "text", limit);
        negatives(data, report, code, "toxigen_seed_sentences/toxigen_seed_sentences.csv", "text", limit);
        negatives(data, report, code, "tweeteval_offensive/tweeteval_offensive.csv", "text", limit);

        String tweets = "davidson_hate_offensive/labeled_data.csv";
        if (data.has(tweets)) {
            List<String> withLinks = column(data.csv(tweets), "tweet", row -> row.getOrDefault("tweet", "").contains("http"), limit);
            evaluate(report, "links / davidson tweets with URLs (all negative)", LinkFilter.ofDefaults(), withLinks, false);
        } else {
            report.note("output: " + tweets + " missing");
        }
    }

    private static void negatives(Datasets data, EvalReport report, CodeFilter code, String file, String column, int limit) {
        if (!data.has(file)) {
            report.note("output: " + file + " missing");
            return;
        }
        evaluate(report, "code / " + file.substring(0, file.indexOf('/')) + " (all negative)", code,
                column(data.csv(file), column, row -> true, limit), false);
    }

    private static void evaluate(EvalReport report, String table, dev.guard4j.OutputChecker checker, List<String> texts,
            boolean positive) {
        BinaryMetrics metrics = new BinaryMetrics();
        for (String text : texts) {
            long start = System.nanoTime();
            Verdict verdict = checker.check(Content.of(text, Content.Source.MODEL));
            long elapsed = System.nanoTime() - start;
            metrics.add(positive, verdict.kind() != Verdict.Kind.PASS, elapsed);
        }
        report.add(table, "guard4j", metrics);
    }

    private static List<String> column(List<Map<String, String>> rows, String column, Predicate<Map<String, String>> keep, int limit) {
        List<String> texts = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String text = row.get(column);
            if (text != null && !text.isBlank() && keep.test(row)) {
                texts.add(text);
                if (limit > 0 && texts.size() >= limit) {
                    break;
                }
            }
        }
        return texts;
    }

    private static String withoutFences(String text) {
        return text.replaceAll("(?m)^[ \\t]*```[^\\n]*$", "");
    }
}
