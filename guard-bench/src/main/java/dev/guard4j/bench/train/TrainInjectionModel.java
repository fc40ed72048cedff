package dev.guard4j.bench.train;

import dev.guard4j.bench.eval.Datasets;
import dev.guard4j.filters.classify.FeatureSpec;
import dev.guard4j.filters.classify.LabelledText;
import dev.guard4j.filters.classify.LinearModel;
import dev.guard4j.filters.classify.LogisticRegressionTrainer;
import dev.guard4j.filters.injection.PromptInjectionFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains the prompt-injection model, reproducibly, and writes it where the filter loads it from.
 *
 * <p>Usage (from the repository root):
 * <pre>
 * mvn -q -o -pl guard-bench -am compile exec:java -Dexec.mainClass=dev.guard4j.bench.train.TrainInjectionModel
 * mvn ... -Dexec.args="--input my-data.csv --out my-model.lrm"     # your own data: text,label columns (CSV or JSONL)
 * </pre>
 * Without {@code --input} it trains on the rows {@link InjectionData} defines from the shared data
 * sets, with {@link FeatureSpec#ofDefaults()} and {@link LogisticRegressionTrainer.Options#ofDefaults()}
 * (seed 20240501), and writes {@code guard-filters/src/main/resources/dev/guard4j/filters/injection/injection-model.lrm}.
 */
public final class TrainInjectionModel {

    private TrainInjectionModel() {
    }

    /**
     * Trains and writes the model.
     *
     * @param args {@code [--input FILE] [--out FILE] [--epochs N] [--l2 X] [--seed N]}
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = TrainingArgs.parse(args);
        Path out = Path.of(options.getOrDefault("--out",
                "guard-filters/src/main/resources" + PromptInjectionFilter.MODEL_RESOURCE));
        List<LabelledText> examples = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        if (options.containsKey("--input")) {
            for (TrainingArgs.Example example : TrainingArgs.read(Path.of(options.get("--input")), "text", "label")) {
                examples.add(LabelledText.of(PromptInjectionFilter.normaliseForModel(example.text()), example.positive()));
                counts.computeIfAbsent("input", k -> new int[2])[example.positive() ? 1 : 0]++;
            }
        } else {
            Datasets data = Datasets.locate().orElseThrow(() -> new IllegalStateException(
                    "the shared data sets were not found; set -Dguard4j.datasets=PATH or pass --input FILE"));
            for (InjectionData.Row row : new InjectionData(data).trainingRows()) {
                examples.add(LabelledText.of(PromptInjectionFilter.normaliseForModel(row.text()), row.positive()));
                counts.computeIfAbsent(row.source(), k -> new int[2])[row.positive() ? 1 : 0]++;
            }
        }
        counts.forEach((source, n) -> System.out.printf("train %-40s negatives %5d positives %5d%n", source, n[0], n[1]));
        LogisticRegressionTrainer.Options defaults = LogisticRegressionTrainer.Options.ofDefaults();
        LogisticRegressionTrainer.Options training = new LogisticRegressionTrainer.Options(
                Integer.parseInt(options.getOrDefault("--epochs", String.valueOf(defaults.epochs()))),
                Double.parseDouble(options.getOrDefault("--l2", String.valueOf(defaults.l2()))),
                defaults.learningRate(),
                Long.parseLong(options.getOrDefault("--seed", String.valueOf(defaults.seed()))),
                true);
        LinearModel model = new LogisticRegressionTrainer(FeatureSpec.ofDefaults(), training).train(examples);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.write(stream);
        }
        System.out.println("wrote " + out.toAbsolutePath() + " (" + Files.size(out) + " bytes) from " + examples.size() + " examples");
    }
}
