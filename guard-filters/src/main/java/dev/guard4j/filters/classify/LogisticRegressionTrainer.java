package dev.guard4j.filters.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a {@link LinearModel} by stochastic gradient descent on the L2-regularised log loss.
 *
 * <p>Reproducible: the examples are shuffled with a fixed seed every epoch and nothing else is
 * random, so the same data, options and seed give the same weights. The classes are re-weighted
 * to count equally unless told otherwise. Uses Bottou's scaled-weight trick, so an update costs
 * only the example's non-zero features.
 */
public final class LogisticRegressionTrainer {

    private final FeatureSpec spec;
    private final Options options;

    /**
     * How training runs.
     *
     * @param epochs passes over the data, at least 1
     * @param l2 the L2 penalty per example, at least 0
     * @param learningRate the initial step size, greater than 0; it decays as {@code lr / (1 + lr * l2 * t)}
     * @param seed the shuffle seed
     * @param balanceClasses whether to weight the classes so that each counts half
     */
    public record Options(int epochs, double l2, double learningRate, long seed, boolean balanceClasses) {
        /**
         * Checks the ranges.
         *
         * @param epochs passes over the data, at least 1
         * @param l2 the L2 penalty per example, at least 0
         * @param learningRate the initial step size, greater than 0; it decays as {@code lr / (1 + lr * l2 * t)}
         * @param seed the shuffle seed
         * @param balanceClasses whether to weight the classes so that each counts half
         */
        public Options {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
            }
            if (!(l2 >= 0)) {
                throw new IllegalArgumentException("l2 must be >= 0, was " + l2);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
            }
        }

        /**
         * Returns the options the shipped models use: 12 epochs, l2 1e-4, rate 0.5, seed 20240501, balanced.
         *
         * @return the options the shipped models use: 12 epochs, l2 1e-4, rate 0.5, seed 20240501, balanced
         */
        public static Options ofDefaults() {
            return new Options(12, 1e-4, 0.5, 20240501L, true);
        }
    }

    /**
     * Creates a trainer.
     *
     * @param spec the feature layout
     * @param options how to train
     */
    public LogisticRegressionTrainer(FeatureSpec spec, Options options) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Trains a model.
     *
     * @param examples normalised, labelled texts; at least one of each class
     * @return the quantised model
     */
    public LinearModel train(List<LabelledText> examples) {
        long positives = examples.stream().filter(LabelledText::positive).count();
        long negatives = examples.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("training needs both classes, got " + positives + " positive and " + negatives + " negative examples");
        }
        FeatureHasher hasher = new FeatureHasher(spec);
        List<SparseVector> vectors = new ArrayList<>(examples.size());
        for (LabelledText example : examples) {
            vectors.add(hasher.features(example.text()));
        }
        double positiveWeight = options.balanceClasses() ? examples.size() / (2.0 * positives) : 1;
        double negativeWeight = options.balanceClasses() ? examples.size() / (2.0 * negatives) : 1;

        double[] v = new double[spec.dimension()];
        double wScale = 1;
        double bias = 0;
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(options.seed());
        long t = 0;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int index : order) {
                LabelledText example = examples.get(index);
                SparseVector x = vectors.get(index);
                double rate = options.learningRate() / (1 + options.learningRate() * options.l2() * t++);
                double dot = 0;
                for (int k = 0; k < x.size(); k++) {
                    dot += v[x.indices()[k]] * x.values()[k];
                }
                double z = bias + wScale * dot;
                double y = example.positive() ? 1 : 0;
                double gradient = (sigmoid(z) - y) * example.weight() * (example.positive() ? positiveWeight : negativeWeight);
                wScale *= 1 - rate * options.l2();
                if (wScale < 1e-9) {
                    for (int k = 0; k < v.length; k++) {
                        v[k] *= wScale;
                    }
                    wScale = 1;
                }
                double step = rate * gradient / wScale;
                for (int k = 0; k < x.size(); k++) {
                    v[x.indices()[k]] -= step * x.values()[k];
                }
                // the intercept is not regularised and moves slower, so it cannot swamp rare features
                bias -= rate * gradient * 0.1;
            }
        }
        for (int k = 0; k < v.length; k++) {
            v[k] *= wScale;
        }
        return LinearModel.quantise(spec, bias, v);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
