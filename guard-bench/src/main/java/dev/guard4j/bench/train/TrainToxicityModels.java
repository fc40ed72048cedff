package dev.guard4j.bench.train;

import dev.guard4j.bench.eval.Datasets;
import dev.guard4j.filters.classify.FeatureSpec;
import dev.guard4j.filters.classify.LabelledText;
import dev.guard4j.filters.classify.LinearModel;
import dev.guard4j.filters.classify.LogisticRegressionTrainer;
import dev.guard4j.filters.toxicity.ToxicityFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains the HATE and INSULTS models, reproducibly, and writes them where the filter loads them from.
 *
 * <p>Usage (from the repository root): {@code java -cp ... dev.guard4j.bench.train.TrainToxicityModels}
 * trains both from the rows {@link ToxicityData} defines; {@code --type HATE --input my.csv --out my.lrm}
 * trains one category on your own {@code text,label} CSV or JSONL file.
 */
public final class TrainToxicityModels {

    /** How much one Davidson row counts against one TweetEval row. */
    static final double DAVIDSON_WEIGHT = 0.3;

    private TrainToxicityModels() {
    }

    /**
     * Trains and writes the models.
     *
     * @param args {@code [--type HATE|INSULTS --input FILE --out FILE]}
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = TrainingArgs.parse(args);
        if (options.containsKey("--input")) {
            ToxicityFilter.Type type = ToxicityFilter.Type.valueOf(options.getOrDefault("--type", "HATE"));
            List<LabelledText> examples = new ArrayList<>();
            for (TrainingArgs.Example example : TrainingArgs.read(Path.of(options.get("--input")), "text", "label")) {
                examples.add(LabelledText.of(ToxicityFilter.normaliseForModel(example.text()), example.positive()));
            }
            write(train(examples), Path.of(options.getOrDefault("--out", type.name().toLowerCase() + "-model.lrm")), examples.size());
            return;
        }
        Datasets data = Datasets.locate().orElseThrow(() -> new IllegalStateException(
                "the shared data sets were not found; set -Dguard4j.datasets=PATH or pass --input FILE"));
        ToxicityData toxicity = new ToxicityData(data);
        for (ToxicityFilter.Type type : ToxicityFilter.Type.values()) {
            List<LabelledText> examples = new ArrayList<>();
            long positives = 0;
            for (ToxicityData.Row row : toxicity.trainingRows(type)) {
                double weight = "davidson".equals(row.source()) ? DAVIDSON_WEIGHT : 1.0;
                examples.add(new LabelledText(ToxicityFilter.normaliseForModel(row.text()), row.positive(), weight));
                positives += row.positive() ? 1 : 0;
            }
            System.out.printf("train %s: %d rows, %d positive%n", type, examples.size(), positives);
            LinearModel model = train(examples);
            write(model, Path.of("guard-filters/src/main/resources" + type.resource()), examples.size());
            List<ToxicityData.Row> val = toxicity.tweetEval(type == ToxicityFilter.Type.HATE
                    ? "tweeteval_hate/tweeteval_hate.csv" : "tweeteval_offensive/tweeteval_offensive.csv", "val");
            System.out.printf("%s: the best macro-F1 threshold on the TweetEval val split is %.2f (shipped MEDIUM: %.2f)%n",
                    type, bestThreshold(model, val), type.threshold(dev.guard4j.filters.toxicity.Strength.MEDIUM));
        }
    }

    private static LinearModel train(List<LabelledText> examples) {
        FeatureSpec spec = new FeatureSpec(18, 2, 2, 5, 2000);
        return new LogisticRegressionTrainer(spec, new LogisticRegressionTrainer.Options(8, 1e-6, 0.5, 20240501L, true)).train(examples);
    }

    /** Returns the threshold, in steps of 0.05, with the best macro-F1 on the rows. */
    private static double bestThreshold(LinearModel model, List<ToxicityData.Row> rows) {
        double[] scores = rows.stream().mapToDouble(r -> model.score(ToxicityFilter.normaliseForModel(r.text()))).toArray();
        double best = 0.5;
        double bestF1 = -1;
        for (int step = 2; step <= 19; step++) {
            double threshold = step * 0.05;
            long tp = 0;
            long fp = 0;
            long fn = 0;
            long tn = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean predicted = scores[i] >= threshold;
                boolean actual = rows.get(i).positive();
                tp += predicted && actual ? 1 : 0;
                fp += predicted && !actual ? 1 : 0;
                fn += !predicted && actual ? 1 : 0;
                tn += !predicted && !actual ? 1 : 0;
            }
            double f1 = ((tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn)) + (tn == 0 ? 0 : 2.0 * tn / (2 * tn + fn + fp))) / 2;
            if (f1 > bestF1) {
                bestF1 = f1;
                best = threshold;
            }
        }
        return best;
    }

    private static void write(LinearModel model, Path out, int examples) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.write(stream);
        }
        System.out.println("wrote " + out.toAbsolutePath() + " (" + Files.size(out) + " bytes) from " + examples + " examples");
    }
}
