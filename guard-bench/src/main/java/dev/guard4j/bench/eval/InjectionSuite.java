package dev.guard4j.bench.eval;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.bench.train.InjectionData;
import dev.guard4j.filters.injection.PromptInjectionFilter;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.GuardrailResult;
import dev.langchain4j.guardrails.PatternBasedPromptInjectionGuardrail;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prompt injection and jailbreak detection per data set, Guard4j's filter beside LangChain4j's
 * {@code PatternBasedPromptInjectionGuardrail} on the same rows in the same process.
 *
 * <p>Only test rows are scored: {@link InjectionData} says which rows trained the shipped model;
 * test rows whose text also occurs in training are dropped and counted in a note.
 */
public final class InjectionSuite implements EvalSuite {

    @Override
    public String name() {
        return "injection";
    }

    @Override
    public void run(Datasets data, EvalReport report, int limit) {
        InjectionData injection = new InjectionData(data);
        Set<String> training = new HashSet<>();
        injection.trainingRows().forEach(row -> training.add(InjectionData.key(row.text())));
        PromptInjectionFilter guard4j = PromptInjectionFilter.ofDefaults();
        PatternBasedPromptInjectionGuardrail langchain4j = new PatternBasedPromptInjectionGuardrail();
        for (Map.Entry<String, List<InjectionData.Row>> set : injection.testSets().entrySet()) {
            BinaryMetrics ours = new BinaryMetrics();
            BinaryMetrics theirs = new BinaryMetrics();
            int dropped = 0;
            int used = 0;
            for (InjectionData.Row row : set.getValue()) {
                if (limit > 0 && used >= limit) {
                    break;
                }
                if (training.contains(InjectionData.key(row.text()))) {
                    dropped++;
                    continue;
                }
                used++;
                long start = System.nanoTime();
                Verdict verdict = guard4j.validate(Content.of(row.text(), Content.Source.USER));
                ours.add(row.positive(), verdict.kind() == Verdict.Kind.BLOCK, System.nanoTime() - start);
                start = System.nanoTime();
                boolean flagged = flags(langchain4j, row.text());
                theirs.add(row.positive(), flagged, System.nanoTime() - start);
            }
            String table = "injection / " + set.getKey();
            report.add(table, "guard4j", ours);
            report.add(table, "langchain4j-pattern", theirs);
            if (dropped > 0) {
                report.note(table + ": " + dropped + " rows dropped because their text is in the training data");
            }
        }
    }

    private static boolean flags(PatternBasedPromptInjectionGuardrail guardrail, String text) {
        if (text.isBlank()) {
            return false;
        }
        GuardrailResult.Result result = guardrail.validate(UserMessage.from(text)).result();
        return result != GuardrailResult.Result.SUCCESS && result != GuardrailResult.Result.SUCCESS_WITH_RESULT;
    }
}
