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

    private static final int DAMPED_LIMIT = 255;
    /** {@link #damp(int)} for counts in [-255, 255]: prose repeats n-grams, and a logarithm per repeat adds up. */
    private static final float[] DAMPED = new float[2 * DAMPED_LIMIT + 1];

    static {
        for (int count = -DAMPED_LIMIT; count <= DAMPED_LIMIT; count++) {
            DAMPED[count + DAMPED_LIMIT] = damp(count);
        }
    }

    private final FeatureSpec spec;
    /**
     * Open-addressing table, two ints per slot so that a probe touches one cache line: at
     * {@code 2 * slot} the bucket + 1 (0 when the slot is free), at {@code 2 * slot + 1} its count.
     */
    private int[] table;
    private int mask;
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

    /**
     * Returns the feature layout.
     *
     * @return the layout this bag counts features of
     */
    public FeatureSpec spec() {
        return spec;
    }

    /**
     * Returns the number of distinct buckets after the last fill.
     *
     * @return the number of features, 0 before the first fill
     */
    public int size() {
        return finished;
    }

    /** Empties the bag and, if needed, makes room for about {@code expectedDistinct} buckets without regrowing. */
    void clear(int expectedDistinct) {
        for (int k = 0; k < size; k++) {
            table[2 * used[k]] = 0;
            table[2 * used[k] + 1] = 0;
        }
        size = 0;
        finished = 0;
        int wanted = Math.min(expectedDistinct, spec.dimension());
        if (used.length < wanted) {
            allocate(Integer.highestOneBit(wanted - 1) << 2);
        }
    }

    private void allocate(int slots) {
        table = new int[2 * slots];
        mask = slots - 1;
        used = new int[slots / 2];
    }

    /** Doubles the table, keeping the load factor at most 1/2 so that probes stay short. */
    private void grow() {
        int[] oldTable = table;
        int[] oldUsed = used;
        int oldSize = size;
        allocate(2 * (mask + 1));
        size = 0;
        for (int k = 0; k < oldSize; k++) {
            int slot = slotFor(oldTable[2 * oldUsed[k]]);
            table[2 * slot + 1] = oldTable[2 * oldUsed[k] + 1];
        }
    }

    /** Counts one n-gram: {@code key} is {@code ±(bucket + 1)}, the sign being the feature's sign. */
    void add(int key) {
        int slot = slotFor(key < 0 ? -key : key);
        table[2 * slot + 1] += key < 0 ? -1 : 1;
        if (size == used.length) {
            grow();
        }
    }

    /** Returns the slot of a bucket (stored as bucket + 1), claiming a free one if the bucket is new. */
    private int slotFor(int storedBucket) {
        // buckets are the low bits of a well-mixed hash, so they need no further scrambling
        int slot = storedBucket & mask;
        while (true) {
            int occupant = table[2 * slot];
            if (occupant == storedBucket) {
                return slot;
            }
            if (occupant == 0) {
                table[2 * slot] = storedBucket;
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
            int count = table[2 * slot + 1];
            // sublinear term frequency: a word said fifty times is not fifty times the evidence
            float damped = count >= -DAMPED_LIMIT && count <= DAMPED_LIMIT ? DAMPED[count + DAMPED_LIMIT] : damp(count);
            buckets[n] = table[2 * slot] - 1;
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

    /** Returns the sublinear term frequency of a count: its sign times 1 + ln |count|, 0 for 0. */
    private static float damp(int count) {
        return count == 0 ? 0f : (float) (Math.signum((float) count) * (1 + Math.log(Math.abs((float) count))));
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
