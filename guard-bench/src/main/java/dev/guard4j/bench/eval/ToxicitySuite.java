package dev.guard4j.bench.eval;

import dev.guard4j.bench.train.ToxicityData;
import dev.guard4j.filters.toxicity.Strength;
import dev.guard4j.filters.toxicity.ToxicityFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Toxicity per data set and strength: TweetEval hate and offensive test splits (macro-F1, the
 * TweetEval leaderboard's metric), Davidson's held-out part and the ToxiGen seed sentences.
 */
public final class ToxicitySuite implements EvalSuite {

    @Override
    public String name() {
        return "toxicity";
    }

    @Override
    public void run(Datasets data, EvalReport report, int limit) {
        ToxicityData toxicity = new ToxicityData(data);
        ToxicityFilter filter = ToxicityFilter.builder().strength(ToxicityFilter.Type.HATE, Strength.HIGH)
                .strength(ToxicityFilter.Type.INSULTS, Strength.HIGH).build();
        evaluate(report, "toxicity / tweeteval hate (test)", filter, ToxicityFilter.Type.HATE,
                toxicity.tweetEval("tweeteval_hate/tweeteval_hate.csv", "test"), limit);
        evaluate(report, "toxicity / tweeteval offensive (test)", filter, ToxicityFilter.Type.INSULTS,
                toxicity.tweetEval("tweeteval_offensive/tweeteval_offensive.csv", "test"), limit);
        evaluate(report, "toxicity / davidson held-out (hate vs rest)", filter, ToxicityFilter.Type.HATE,
                toxicity.davidson(ToxicityFilter.Type.HATE, false), limit);
        evaluate(report, "toxicity / davidson held-out (hate or offensive vs neither)", filter, ToxicityFilter.Type.INSULTS,
                toxicity.davidson(ToxicityFilter.Type.INSULTS, false), limit);
        evaluate(report, "toxicity / toxigen seeds (hate)", filter, ToxicityFilter.Type.HATE, toxicity.toxigen(), limit);
    }

    private static void evaluate(EvalReport report, String table, ToxicityFilter filter, ToxicityFilter.Type type,
            List<ToxicityData.Row> rows, int limit) {
        List<ToxicityData.Row> used = limit > 0 && rows.size() > limit ? rows.subList(0, limit) : rows;
        double[] scores = new double[used.size()];
        long[] nanos = new long[used.size()];
        for (int i = 0; i < used.size(); i++) {
            long start = System.nanoTime();
            scores[i] = filter.scores(used.get(i).text()).get(type);
            nanos[i] = System.nanoTime() - start;
        }
        for (Strength strength : List.of(Strength.LOW, Strength.MEDIUM, Strength.HIGH)) {
            BinaryMetrics metrics = new BinaryMetrics();
            for (int i = 0; i < used.size(); i++) {
                metrics.add(used.get(i).positive(), scores[i] >= type.threshold(strength), nanos[i]);
            }
            report.add(table, type + "@" + strength, metrics);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("detector", type + "@" + strength);
            row.put("macroF1", macroF1(metrics));
            row.put("accuracy", metrics.accuracy());
            report.addRow(table + " macro-F1", row);
        }
    }

    /** Returns the mean of the F1 of the positive class and the F1 of the negative class. */
    static double macroF1(BinaryMetrics m) {
        double positive = f1(m.tp(), m.fp(), m.fn());
        double negative = f1(m.tn(), m.fn(), m.fp());
        return (positive + negative) / 2;
    }

    private static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
