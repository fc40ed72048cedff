package dev.guard4j.bench.train;

import dev.guard4j.bench.eval.Datasets;
import dev.guard4j.filters.toxicity.ToxicityFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which toxicity rows train the shipped models and which are test.
 *
 * <p>Rule: TweetEval hate and offensive train on their {@code split == train} rows only (val and
 * test are never trained on). Davidson trains on the rows whose tweet's SHA-256 starts with a byte
 * below 205 (about 80%); the rest is test. ToxiGen seeds are test only. HATE positives: TweetEval
 * hate label 1, Davidson class 0. INSULTS positives: TweetEval offensive label 1, Davidson class 0 or 1.
 * Both also get benign assistant requests as negatives: deepset's train negatives (343) and the
 * synthetic benign prompts of {@code SyntheticNegatives}. The {@code val} splits choose each category's MEDIUM threshold.
 */
public final class ToxicityData {

    /** A labelled text. */
    public record Row(String text, boolean positive, String source) {
    }

    private final Datasets data;

    /**
     * Creates the view.
     *
     * @param data the shared data sets
     */
    public ToxicityData(Datasets data) {
        this.data = data;
    }

    /** Returns whether a Davidson tweet belongs to the training part. */
    public static boolean davidsonTrains(String tweet) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tweet.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 0xff) < 205;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the rows of a TweetEval file in one split ({@code train}, {@code val} or {@code test}). */
    public List<Row> tweetEval(String file, String split) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> row : data.csv(file)) {
            if (split.equals(row.get("split"))) {
                rows.add(new Row(row.get("text"), "1".equals(row.get("label")), file + "/" + split));
            }
        }
        return rows;
    }

    /** Returns Davidson rows of the training part or the test part, labelled for one category. */
    public List<Row> davidson(ToxicityFilter.Type type, boolean trainingPart) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> row : data.csv("davidson_hate_offensive/labeled_data.csv")) {
            String tweet = row.get("tweet");
            if (tweet == null || davidsonTrains(tweet) != trainingPart) {
                continue;
            }
            String cls = row.get("class");
            boolean positive = type == ToxicityFilter.Type.HATE ? "0".equals(cls) : "0".equals(cls) || "1".equals(cls);
            rows.add(new Row(tweet, positive, "davidson"));
        }
        return rows;
    }

    /** Returns the training rows of one category's shipped model. */
    public List<Row> trainingRows(ToxicityFilter.Type type) {
        // Davidson's rows count 0.3 each (see TrainToxicityModels): its labels follow other guidelines than TweetEval's
        List<Row> rows = new ArrayList<>(tweetEval(type == ToxicityFilter.Type.HATE
                ? "tweeteval_hate/tweeteval_hate.csv" : "tweeteval_offensive/tweeteval_offensive.csv", "train"));
        rows.addAll(davidson(type, true));
        // tweets are not chat: without ordinary assistant requests as negatives, "what are your opening hours?"
        // scores as an insult, because OLID's offensive tweets are so often addressed to "you"
        for (Map<String, String> row : data.csv("deepset_prompt_injections/deepset_prompt_injections_train.csv")) {
            if ("0".equals(row.get("label"))) {
                rows.add(new Row(row.get("text"), false, "deepset-benign"));
            }
        }
        SyntheticNegatives.generate(InjectionData.SYNTHETIC_NEGATIVES, InjectionData.SYNTHETIC_SEED)
                .forEach(text -> rows.add(new Row(text, false, "synthetic-benign")));
        SyntheticNegatives.assistantRequests().forEach(text -> rows.add(new Row(text, false, "synthetic-benign")));
        return rows;
    }

    /** Returns the ToxiGen seed sentences (test only). */
    public List<Row> toxigen() {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> row : data.csv("toxigen_seed_sentences/toxigen_seed_sentences.csv")) {
            rows.add(new Row(row.get("text"), "1".equals(row.get("label")), "toxigen"));
        }
        return rows;
    }
}
