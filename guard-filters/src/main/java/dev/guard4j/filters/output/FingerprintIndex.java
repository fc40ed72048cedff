package dev.guard4j.filters.output;

import java.util.Arrays;

/**
 * An inverted index from shingle fingerprint to the documents that hold it, in flat primitive
 * arrays (open addressing, chained postings), so that 100,000 documents cost tens of megabytes
 * and a lookup costs a probe, not a scan.
 */
final class FingerprintIndex {

    private final long[] keys;
    private final int[] heads;
    private final int[] frequencies;
    private final int[] next;
    private final int[] documents;
    private final int shift;

    private FingerprintIndex(long[] keys, int[] heads, int[] frequencies, int[] next, int[] documents, int shift) {
        this.keys = keys;
        this.heads = heads;
        this.frequencies = frequencies;
        this.next = next;
        this.documents = documents;
        this.shift = shift;
    }

    /** Receives the documents that hold a fingerprint. */
    @FunctionalInterface
    interface PostingSink {
        void accept(int document);
    }

    /**
     * Builds the index.
     *
     * @param fingerprints per document, its distinct fingerprints
     * @return the index
     */
    static FingerprintIndex build(long[][] fingerprints) {
        int total = 0;
        for (long[] document : fingerprints) {
            total = Math.addExact(total, document.length);
        }
        int capacity = Integer.highestOneBit(Math.max(16, total * 2 - 1)) << 1;
        int shift = 64 - Integer.numberOfTrailingZeros(capacity);
        long[] keys = new long[capacity];
        int[] heads = new int[capacity];
        Arrays.fill(heads, -1);
        int[] frequencies = new int[capacity];
        int[] next = new int[total];
        int[] documents = new int[total];
        int entry = 0;
        for (int doc = 0; doc < fingerprints.length; doc++) {
            for (long fingerprint : fingerprints[doc]) {
                int slot = slot(keys, heads, fingerprint, shift);
                keys[slot] = fingerprint;
                documents[entry] = doc;
                next[entry] = heads[slot];
                heads[slot] = entry;
                frequencies[slot]++;
                entry++;
            }
        }
        return new FingerprintIndex(keys, heads, frequencies, next, documents, shift);
    }

    /** Returns how many documents hold the fingerprint. */
    int frequency(long fingerprint) {
        int slot = slot(keys, heads, fingerprint, shift);
        return heads[slot] < 0 ? 0 : frequencies[slot];
    }

    /** Sends each document that holds the fingerprint to the sink. */
    void forEachDocument(long fingerprint, PostingSink sink) {
        int slot = slot(keys, heads, fingerprint, shift);
        for (int entry = heads[slot]; entry >= 0; entry = next[entry]) {
            sink.accept(documents[entry]);
        }
    }

    private static int slot(long[] keys, int[] heads, long fingerprint, int shift) {
        // the low bits of a fingerprint are fixed by sampling, so the slot comes from the high bits
        int mask = keys.length - 1;
        int slot = (int) (fingerprint >>> shift);
        while (heads[slot] >= 0 && keys[slot] != fingerprint) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
