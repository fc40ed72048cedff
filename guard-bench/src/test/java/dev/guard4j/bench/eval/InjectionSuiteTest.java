package dev.guard4j.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guard4j.bench.train.InjectionData;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the injection and toxicity suites on a small fixed sample (the first 200 rows of each set)
 * and asserts floors well under the measured figures, so that a regression fails the build; the
 * full evaluation runs through {@code EvalMain}.
 */
class InjectionSuiteTest {

    private static Datasets data() {
        Optional<Datasets> data = Datasets.locate();
        assumeTrue(data.isPresent() && data.get().has("notinject/notinject.csv"), "shared data sets not found");
        return data.get();
    }

    private static Map<String, Object> row(EvalReport report, String table, String detector) {
        return report.rows(table).stream().filter(r -> detector.equals(r.get("detector"))).findFirst().orElseThrow();
    }

    @Test
    void noTestRowIsATrainingRow() {
        InjectionData injection = new InjectionData(data());
        Set<String> training = new HashSet<>();
        injection.trainingRows().forEach(r -> training.add(InjectionData.key(r.text())));
        Set<String> reserved = injection.reservedKeys();
        reserved.retainAll(training);
        assertThat(reserved).isEmpty();
    }

    @Test
    void beatsTheLangChain4jGuardrailOnASampleAndKeepsItsFloors() {
        EvalReport report = new EvalReport();
        new InjectionSuite().run(data(), report, 200);

        for (String set : List.of("notinject", "xstest-safe", "awesome_chatgpt_prompts")) {
            assertThat((double) row(report, "injection / " + set, "guard4j").get("FPR")).as(set).isLessThanOrEqualTo(0.10);
        }
        for (String set : List.of("giskard_prompt_injections", "gptfuzz_templates", "verazuo 2023_12_25")) {
            assertThat((double) row(report, "injection / " + set, "guard4j").get("recall")).as(set).isGreaterThanOrEqualTo(0.80);
        }
        double ours = (double) row(report, "injection / protectai-heldout (whole)", "guard4j").get("balancedAcc");
        double theirs = (double) row(report, "injection / protectai-heldout (whole)", "langchain4j-pattern").get("balancedAcc");
        assertThat(ours).isGreaterThan(theirs).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void toxicityKeepsItsFloorsOnASample() {
        EvalReport report = new EvalReport();
        new ToxicitySuite().run(data(), report, 200);

        assertThat((double) row(report, "toxicity / tweeteval offensive (test) macro-F1", "INSULTS@MEDIUM").get("macroF1")).isGreaterThanOrEqualTo(0.6);
        assertThat((double) row(report, "toxicity / davidson held-out (hate or offensive vs neither) macro-F1", "INSULTS@MEDIUM").get("macroF1"))
                .isGreaterThanOrEqualTo(0.75);
    }
}
