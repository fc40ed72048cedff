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
                examples.add(LabelledText.of(ToxicityFilter.normaliseForModel(row.text()), row.positive()));
                positives += row.positive() ? 1 : 0;
            }
            System.out.printf("train %s: %d rows, %d positive%n", type, examples.size(), positives);
            write(train(examples), Path.of("guard-filters/src/main/resources" + type.resource()), examples.size());
        }
    }

    private static LinearModel train(List<LabelledText> examples) {
        FeatureSpec spec = new FeatureSpec(18, 2, 2, 5, 2000);
        return new LogisticRegressionTrainer(spec, new LogisticRegressionTrainer.Options(8, 1e-5, 0.5, 20240501L, true)).train(examples);
    }

    private static void write(LinearModel model, Path out, int examples) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.write(stream);
        }
        System.out.println("wrote " + out.toAbsolutePath() + " (" + Files.size(out) + " bytes) from " + examples + " examples");
    }
}
