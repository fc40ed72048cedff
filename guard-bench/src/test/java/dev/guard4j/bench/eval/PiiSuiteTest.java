package dev.guard4j.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs the PII evaluation on a small fixed sample (the first 300 rows of each set) and asserts
 * floors under the full run's figures, so that a regression fails the build; the full
 * evaluation runs through its own command.
 */
class PiiSuiteTest {

    @Test
    void keepsItsFloorsOnASample() {
        Optional<Datasets> data = Datasets.locate();
        assumeTrue(data.isPresent() && data.get().has(PiiSuite.SYNTH), "shared data sets not found");
        EvalReport report = new EvalReport();

        new PiiSuite().run(data.get(), report, 300);

        Map<String, Object> synth = row(report, "pii / presidio_research_synth_v2", "ALL covered");
        assertThat((double) synth.get("precision")).isGreaterThanOrEqualTo(0.90);
        assertThat((double) synth.get("recall")).isGreaterThanOrEqualTo(0.75);
        Map<String, Object> structured = row(report, "pii / presidio_research_synth_v2", "ALL but NAME, ADDRESS");
        assertThat((double) structured.get("recall")).isGreaterThanOrEqualTo(0.90);
        assertThat((double) row(report, "pii / presidio_recognizer_tests", "ALL covered").get("accuracy")).isGreaterThanOrEqualTo(0.90);
    }

    private static Map<String, Object> row(EvalReport report, String tablePrefix, String first) {
        String table = report.tables().stream().filter(t -> t.startsWith(tablePrefix)).findFirst().orElseThrow();
        return report.rows(table).stream().filter(r -> r.containsValue(first)).findFirst().orElseThrow();
    }
}
