package dev.guard4j.bench.eval;

import java.util.Arrays;

/**
 * A confusion matrix and latency sample for one detector on one data set, with the usual
 * figures derived from it. Not thread-safe: fill it from one thread.
 */
public final class BinaryMetrics {

    private long truePositives;
    private long falsePositives;
    private long falseNegatives;
    private long trueNegatives;
    private long[] latenciesNanos = new long[256];
    private int latencyCount;

    /**
     * Adds one labelled case.
     *
     * @param expectedPositive the label
     * @param predictedPositive the detector's answer
     * @param latencyNanos how long the detector took
     */
    public void add(boolean expectedPositive, boolean predictedPositive, long latencyNanos) {
        if (expectedPositive) {
            if (predictedPositive) {
                truePositives++;
            } else {
                falseNegatives++;
            }
        } else if (predictedPositive) {
            falsePositives++;
        } else {
            trueNegatives++;
        }
        addLatency(latencyNanos);
    }

    /**
     * Adds counts that were scored elsewhere (span-level scoring, say), without a latency.
     *
     * @param tp the tp
     * @param fp the fp
     * @param fn the fn
     * @param tn the tn
     */
    public void addCounts(long tp, long fp, long fn, long tn) {
        truePositives += tp;
        falsePositives += fp;
        falseNegatives += fn;
        trueNegatives += tn;
    }

    /**
     * Adds one latency sample.
     *
     * @param latencyNanos how long the detector took
     */
    public void addLatency(long latencyNanos) {
        if (latencyCount == latenciesNanos.length) {
            latenciesNanos = Arrays.copyOf(latenciesNanos, latencyCount * 2);
        }
        latenciesNanos[latencyCount++] = latencyNanos;
    }

    public long tp() {
        return truePositives;
    }

    public long fp() {
        return falsePositives;
    }

    public long fn() {
        return falseNegatives;
    }

    public long tn() {
        return trueNegatives;
    }

    /**
     * Returns the number of labelled cases.
     *
     * @return the number of labelled cases
     */
    public long n() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /**
     * Returns TP / (TP + FP), or NaN when nothing was predicted positive.
     *
     * @return TP / (TP + FP), or NaN when nothing was predicted positive
     */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /**
     * Returns TP / (TP + FN), or NaN when there are no positives.
     *
     * @return TP / (TP + FN), or NaN when there are no positives
     */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /**
     * Returns the harmonic mean of precision and recall, or NaN when either is undefined.
     *
     * @return the harmonic mean of precision and recall, or NaN when either is undefined
     */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * Returns FP / (FP + TN), or NaN when there are no negatives.
     *
     * @return FP / (FP + TN), or NaN when there are no negatives
     */
    public double falsePositiveRate() {
        return ratio(falsePositives, falsePositives + trueNegatives);
    }

    /**
     * Returns (TP + TN) / n, or NaN when empty.
     *
     * @return (TP + TN) / n, or NaN when empty
     */
    public double accuracy() {
        return ratio(truePositives + trueNegatives, n());
    }

    /**
     * Returns the mean of recall and specificity; the defined one alone when only one class is present.
     *
     * @return the mean of recall and specificity; the defined one alone when only one class is present
     */
    public double balancedAccuracy() {
        double recall = recall();
        double specificity = ratio(trueNegatives, trueNegatives + falsePositives);
        if (Double.isNaN(recall)) {
            return specificity;
        }
        if (Double.isNaN(specificity)) {
            return recall;
        }
        return (recall + specificity) / 2;
    }

    /**
     * Returns the given percentile (0 to 100) of the latencies in microseconds, or NaN when none.
     *
     * @param percentile the percentile
     * @return the given percentile (0 to 100) of the latencies in microseconds, or NaN when none
     */
    public double latencyMicros(double percentile) {
        if (latencyCount == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(latenciesNanos, latencyCount);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * latencyCount) - 1;
        return sorted[Math.max(0, Math.min(latencyCount - 1, index))] / 1000.0;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
