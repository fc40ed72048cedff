package dev.guard4j.filters.classify;

import java.util.Objects;

/**
 * A sparse feature vector: sorted, distinct bucket indices and their values.
 *
 * @param indices bucket indices in ascending order, without repeats
 * @param values the value of each bucket, parallel to {@code indices}
 */
public record SparseVector(int[] indices, float[] values) {

    /**
     * Checks that both arrays are present and of the same length.
     *
     * @param indices bucket indices in ascending order, without repeats
     * @param values the value of each bucket, parallel to {@code indices}
     */
    public SparseVector {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(values, "values");
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length + " vs " + values.length);
        }
    }

    /**
     * Returns the number of non-zero buckets.
     *
     * @return the number of non-zero buckets
     */
    public int size() {
        return indices.length;
    }
}
