package dev.guard4j.filters.classify;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A logistic-regression model over hashed n-gram features, kept as int8 weights with one scale.
 *
 * <p>File format ({@code .lrm}, gzip-compressed, big-endian): the magic {@code "G4LR"}, a format
 * version (1), the {@link FeatureSpec} as five ints, the bias and the weight scale as floats, then
 * one signed byte per bucket; a weight is {@code byte * scale}. A model of 2^18 buckets takes
 * 256 KB before compression. Immutable and thread-safe.
 */
public final class LinearModel {

    private static final int MAGIC = 0x47344c52; // "G4LR"
    private static final int VERSION = 1;

    private final FeatureHasher hasher;
    private final float bias;
    private final float scale;
    private final byte[] weights;

    private LinearModel(FeatureSpec spec, float bias, float scale, byte[] weights) {
        if (weights.length != spec.dimension()) {
            throw new IllegalArgumentException("expected " + spec.dimension() + " weights, got " + weights.length);
        }
        this.hasher = new FeatureHasher(spec);
        this.bias = bias;
        this.scale = scale;
        this.weights = weights;
    }

    /**
     * Returns a model with the given real-valued weights, quantised to int8.
     *
     * @param spec the feature layout the weights were trained with
     * @param bias the intercept
     * @param realWeights one weight per bucket
     * @return the quantised model
     */
    public static LinearModel quantise(FeatureSpec spec, double bias, double[] realWeights) {
        double max = 0;
        for (double w : realWeights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max == 0 ? 1f : (float) (max / 127.0);
        byte[] q = new byte[realWeights.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = (byte) Math.max(-127, Math.min(127, Math.round(realWeights[i] / scale)));
        }
        return new LinearModel(spec, (float) bias, scale, q);
    }

    /**
     * Loads a model from the class path.
     *
     * @param resource the absolute resource name, such as {@code "/dev/guard4j/filters/injection/injection.lrm"}
     * @return the model
     * @throws IllegalStateException when the resource is missing or not a model: security code must not run without it
     */
    public static LinearModel fromResource(String resource) {
        try (InputStream in = LinearModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model resource " + resource + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("model resource " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model in the {@code .lrm} format.
     *
     * @param in the stream, not closed
     * @return the model
     * @throws IOException when the stream is not a model of a supported version
     */
    public static LinearModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)));
        int magic = data.readInt();
        if (magic != MAGIC) {
            throw new IOException("not a Guard4j linear model (bad magic " + Integer.toHexString(magic) + ")");
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported model format version " + version + ", expected " + VERSION);
        }
        FeatureSpec spec = new FeatureSpec(data.readInt(), data.readInt(), data.readInt(), data.readInt(), data.readInt());
        float bias = data.readFloat();
        float scale = data.readFloat();
        byte[] weights = new byte[spec.dimension()];
        data.readFully(weights);
        return new LinearModel(spec, bias, scale, weights);
    }

    /**
     * Writes this model in the {@code .lrm} format.
     *
     * @param out the stream, not closed
     */
    public void write(OutputStream out) {
        Objects.requireNonNull(out, "out");
        try {
            GZIPOutputStream gzip = new GZIPOutputStream(out);
            DataOutputStream data = new DataOutputStream(gzip);
            FeatureSpec spec = hasher.spec();
            data.writeInt(MAGIC);
            data.writeInt(VERSION);
            data.writeInt(spec.bits());
            data.writeInt(spec.maxWordNgram());
            data.writeInt(spec.minCharNgram());
            data.writeInt(spec.maxCharNgram());
            data.writeInt(spec.maxChars());
            data.writeFloat(bias);
            data.writeFloat(scale);
            data.write(weights);
            data.flush();
            gzip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the feature layout.
     *
     * @return the feature layout
     */
    public FeatureSpec spec() {
        return hasher.spec();
    }

    /**
     * Returns the hasher that makes this model's features.
     *
     * @return the hasher that makes this model's features
     */
    public FeatureHasher hasher() {
        return hasher;
    }

    /**
     * Returns the probability that a normalised text is positive.
     *
     * @param normalisedText the text, normalised as in training
     * @return a probability in [0, 1]
     */
    public double score(String normalisedText) {
        return score(hasher.fill(new FeatureBag(hasher.spec()), normalisedText, 0, normalisedText.length()));
    }

    /**
     * Returns the probability that a feature vector is positive.
     *
     * @param features features made by {@link #hasher()}
     * @return a probability in [0, 1]
     */
    public double score(SparseVector features) {
        double z = bias;
        int[] indices = features.indices();
        float[] values = features.values();
        for (int k = 0; k < indices.length; k++) {
            z += weights[indices[k]] * scale * values[k];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Returns the probability that the text counted in a bag is positive.
     *
     * @param features a bag filled by a hasher of this model's spec
     * @return a probability in [0, 1]
     * @throws IllegalArgumentException when the bag was made for another feature layout
     */
    public double score(FeatureBag features) {
        if (!features.spec().equals(hasher.spec())) {
            throw new IllegalArgumentException("features are for " + features.spec() + ", the model for " + hasher.spec());
        }
        double z = bias;
        for (int k = 0, n = features.size(); k < n; k++) {
            z += weights[features.bucket(k)] * scale * features.value(k);
        }
        return 1 / (1 + Math.exp(-z));
    }
}
