package dev.guard4j.filters.classify;

/**
 * The hashed n-gram features of one text (or one window of it), counted in a reusable table so that
 * scoring needs no sort, no boxing and no allocation per n-gram.
 *
 * <p>A bag is filled by {@link FeatureHasher#fill(FeatureBag, CharSequence, int, int)} and read by
 * {@link LinearModel#score(FeatureBag)}; several models with the same {@link FeatureSpec} can score
 * one fill. Filling again clears the previous text in time proportional to its features, not to the
 * table. The values are those of {@link FeatureHasher#features(String)}: sublinear term frequency,
 * L2-normalised. Not thread-safe: make one per call (or per thread).
 */
public final class FeatureBag {

    private final FeatureSpec spec;
    /** Open-addressing table: bucket + 1 per slot, 0 when the slot is free. */
    private int[] slotBuckets;
    private int[] slotCounts;
    /** Occupied slots in insertion order, for iteration and clearing. */
    private int[] used;
    private int size;
    /** Per occupied slot (parallel to {@code used}): its bucket and its final, normalised value. */
    private int[] buckets = new int[0];
    private float[] values = new float[0];
    private int finished;
    /** Scratch for the whitespace-collapsed text. */
    char[] chars = new char[0];

    /**
     * Creates an empty bag for features of the given layout.
     *
     * @param spec the layout, which every model that scores this bag must share
     */
    public FeatureBag(FeatureSpec spec) {
        this.spec = spec;
        allocate(1 << 10);
    }

    /** Returns the feature layout. */
    public FeatureSpec spec() {
        return spec;
    }

    /** Returns the number of distinct non-zero buckets after the last fill. */
    public int size() {
        return finished;
    }

    /** Empties the bag. */
    void clear() {
        for (int k = 0; k < size; k++) {
            slotBuckets[used[k]] = 0;
            slotCounts[used[k]] = 0;
        }
        size = 0;
        finished = 0;
    }

    private void allocate(int capacity) {
        slotBuckets = new int[capacity];
        slotCounts = new int[capacity];
        used = new int[capacity / 2];
    }

    /** Doubles the table, keeping the load factor at most 1/2 so that probes stay short. */
    private void grow() {
        int[] oldBuckets = slotBuckets;
        int[] oldCounts = slotCounts;
        int[] oldUsed = used;
        int oldSize = size;
        allocate(oldBuckets.length * 2);
        size = 0;
        for (int k = 0; k < oldSize; k++) {
            int slot = slotFor(oldBuckets[oldUsed[k]]);
            slotCounts[slot] = oldCounts[oldUsed[k]];
        }
    }

    /** Counts one n-gram: {@code key} is {@code ±(bucket + 1)}, the sign being the feature's sign. */
    void add(int key) {
        int slot = slotFor(key < 0 ? -key : key);
        slotCounts[slot] += key < 0 ? -1 : 1;
        if (size == used.length) {
            grow();
        }
    }

    /** Returns the slot of a bucket (stored as bucket + 1), claiming a free one if the bucket is new. */
    private int slotFor(int storedBucket) {
        int mask = slotBuckets.length - 1;
        int slot = (storedBucket * 0x9E3779B9) >>> 7 & mask;
        while (true) {
            int occupant = slotBuckets[slot];
            if (occupant == storedBucket) {
                return slot;
            }
            if (occupant == 0) {
                slotBuckets[slot] = storedBucket;
                used[size++] = slot;
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Turns the counts into damped, L2-normalised values, the same arithmetic as {@link FeatureHasher#features(String)}. */
    void finish() {
        if (buckets.length < size) {
            buckets = new int[Math.max(size, buckets.length * 2)];
            values = new float[buckets.length];
        }
        int n = 0;
        double norm = 0;
        for (int k = 0; k < size; k++) {
            int slot = used[k];
            int count = slotCounts[slot];
            // sublinear term frequency: a word said fifty times is not fifty times the evidence
            float damped = count == 1 ? 1f : count == -1 ? -1f : count == 0 ? 0f
                    : (float) (Math.signum((float) count) * (1 + Math.log(Math.abs((float) count))));
            buckets[n] = slotBuckets[slot] - 1;
            values[n] = damped;
            norm += damped * damped;
            n++;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < n; k++) {
            values[k] *= scale;
        }
        finished = n;
    }

    /** Returns the bucket of the k-th feature, in no particular order. */
    int bucket(int k) {
        return buckets[k];
    }

    /** Returns the normalised value of the k-th feature. */
    float value(int k) {
        return values[k];
    }
}
