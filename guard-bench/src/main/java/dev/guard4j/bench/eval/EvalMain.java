package dev.guard4j.bench.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the quality evaluation and prints a table per suite and data set; also writes
 * {@code guard-bench/target/eval-results.json}.
 *
 * <p>Usage: {@code EvalMain [--limit N] [suite ...]}; no suite names means all of them.
 */
public final class EvalMain {

    private EvalMain() {
    }

    /** Returns every known suite, in the order they run. */
    static List<EvalSuite> suites() {
        List<EvalSuite> suites = new ArrayList<>();
        // each family adds its suite here
        suites.add(new InjectionSuite());
        suites.add(new ToxicitySuite());
        suites.add(new PiiSuite());
        suites.add(new SecretsSuite());
        suites.add(new OutputSuite());
        return suites;
    }

    /**
     * Runs the suites named on the command line, or all of them.
     *
     * @param args {@code [--limit N] [suite ...]}
     * @throws Exception when the report cannot be written
     */
    public static void main(String[] args) throws Exception {
        int limit = 0;
        List<String> names = new ArrayList<>(Arrays.asList(args));
        int limitAt = names.indexOf("--limit");
        if (limitAt >= 0) {
            if (limitAt + 1 >= names.size()) {
                throw new IllegalArgumentException("--limit needs a number");
            }
            limit = Integer.parseInt(names.get(limitAt + 1));
            names.remove(limitAt + 1);
            names.remove(limitAt);
        }
        Set<String> known = suites().stream().map(EvalSuite::name).collect(Collectors.toSet());
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown suite '" + name + "'; known: " + known);
            }
        }
        var data = Datasets.locate();
        if (data.isEmpty()) {
            System.out.println("skipped: the shared data sets were not found; set -Dguard4j.datasets=PATH or GUARD4J_DATASETS");
            return;
        }
        EvalReport report = new EvalReport();
        for (EvalSuite suite : suites()) {
            if (names.isEmpty() || names.contains(suite.name())) {
                long start = System.nanoTime();
                suite.run(data.get(), report, limit);
                report.note(suite.name() + " ran in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        }
        report.print(System.out);
        Path json = Path.of(System.getProperty("guard4j.evalOut", "guard-bench/target/eval-results.json"));
        report.writeJson(json);
        System.out.println("wrote " + json.toAbsolutePath());
    }
}
