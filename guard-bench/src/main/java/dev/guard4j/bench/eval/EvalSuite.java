package dev.guard4j.bench.eval;

/**
 * One family's evaluation (PII, secrets, injection, toxicity) over the shared labelled data.
 *
 * <p>A suite reads its data through {@link Datasets}, notes and skips a data set that is
 * missing, and reports through {@link EvalReport}. The {@code limit} caps the rows read per
 * data set so that the test suite can run a small fixed sample (0 means all rows).
 */
public interface EvalSuite {

    /**
     * Returns the suite's name, as given on the command line ({@code pii}, {@code secrets}, ...).
     *
     * @return the suite's name, as given on the command line ({@code pii}, {@code secrets}, ...)
     */
    String name();

    /**
     * Runs the evaluation.
     *
     * @param data the data sets
     * @param report where the figures go
     * @param limit the most rows to read per data set, 0 for all
     */
    void run(Datasets data, EvalReport report, int limit);
}
