package dev.guard4j.filters.output;

import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Blocks or replaces an answer that reproduces a registered protected document (a trade secret,
 * licensed text, a private record), and reports which document and how much of the answer.
 *
 * <p>Each document is reduced at registration to a bounded sketch: the hashes of its word
 * shingles (after analysis), sampled by hash value (one in {@code sampling}) and, for long
 * documents, only the {@code maxFingerprintsPerDocument} smallest. An inverted index maps each
 * fingerprint to its documents. An answer is shingled and sampled the same way; each sampled
 * fingerprint costs one probe, whatever the number of documents. For each candidate document the
 * filter estimates <em>containment</em>, the fraction of the answer's fingerprints that occur in
 * the document (counting, for a capped document, only the answer fingerprints in its hash
 * range, so the estimate stays unbiased).
 *
 * <p>An answer is caught when it shares at least {@code minMatchingFingerprints} fingerprints
 * with a document and either its containment reaches {@code threshold} or it shares
 * {@code passageFingerprints} of them (a long verbatim passage inside an otherwise new answer).
 * The finding's detector is {@code protected-content/<document id>} and its score the
 * containment; the block reason names the document too.
 *
 * <pre>{@code
 * ProtectedContentFilter filter = ProtectedContentFilter.builder()
 *         .document("roadmap-2027", roadmapText)
 *         .threshold(0.5)
 *         .build();
 * }</pre>
 */
public final class ProtectedContentFilter implements OutputChecker {

    private static final String DETECTOR = "protected-content";

    /** What the filter does with an answer that matches. */
    public enum Action {
        /** Blocks the answer. */
        BLOCK,
        /** Replaces the matching passage with the replacement text. */
        REPLACE
    }

    /**
     * A protected document that an answer reproduces.
     *
     * @param documentId the document's id
     * @param containment the estimated fraction of the answer's fingerprints found in the document, 0 to 1
     * @param matchingFingerprints how many sampled fingerprints the answer and the document share
     * @param start the first character of the matching passage in the answer
     * @param end the end of the matching passage in the answer
     */
    public record Match(String documentId, double containment, int matchingFingerprints, int start, int end) {
    }

    private final String[] ids;
    private final long[] hashCeilings;
    private final FingerprintIndex index;
    private final int shingleSize;
    private final int samplingMask;
    private final double threshold;
    private final int minMatchingFingerprints;
    private final int passageFingerprints;
    private final int maxDocumentFrequency;
    private final Action action;
    private final String replacement;

    private ProtectedContentFilter(Builder builder) {
        int count = builder.ids.size();
        this.ids = builder.ids.toArray(new String[0]);
        this.hashCeilings = new long[count];
        long[][] fingerprints = new long[count][];
        for (int i = 0; i < count; i++) {
            fingerprints[i] = builder.sketches.get(i).fingerprints;
            hashCeilings[i] = builder.sketches.get(i).ceiling;
        }
        this.index = FingerprintIndex.build(fingerprints);
        this.shingleSize = builder.shingleSize;
        this.samplingMask = builder.sampling - 1;
        this.threshold = builder.threshold;
        this.minMatchingFingerprints = builder.minMatchingFingerprints;
        this.passageFingerprints = builder.passageFingerprints;
        this.maxDocumentFrequency = Math.max(builder.maxDocumentFrequency, 1);
        this.action = builder.action;
        this.replacement = builder.replacement;
    }

    /**
     * Returns a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns how many documents are registered.
     *
     * @return how many documents are registered
     */
    public int documentCount() {
        return ids.length;
    }

    @Override
    public Verdict check(Content output) {
        String text = output.text();
        List<Match> matches = matches(text);
        if (matches.isEmpty()) {
            return Verdict.pass();
        }
        Match best = matches.get(0);
        List<Finding> findings = new ArrayList<>(matches.size());
        for (Match match : matches) {
            findings.add(new Finding(DETECTOR + "/" + match.documentId(), Category.PROTECTED_CONTENT,
                    match.start(), match.end(), match.containment()));
        }
        if (action == Action.REPLACE) {
            return Verdict.rewrite(replace(text, matches), findings);
        }
        return Verdict.block(String.format(Locale.ROOT, "answer reproduces protected document '%s' (containment %.2f)",
                best.documentId(), best.containment()), findings);
    }

    /**
     * Returns the protected documents the text reproduces enough to be caught, best first.
     *
     * @param text the text to compare
     * @return the matches; empty when none is caught
     */
    public List<Match> matches(String text) {
        Query query = query(text);
        if (query.fingerprints.length == 0) {
            return List.of();
        }
        Map<Integer, Candidate> candidates = new HashMap<>();
        for (int i = 0; i < query.fingerprints.length; i++) {
            long fingerprint = query.fingerprints[i];
            int start = query.starts[i];
            int end = query.ends[i];
            index.forEachDocument(fingerprint, document -> candidates.computeIfAbsent(document, d -> new Candidate()).add(start, end));
        }
        List<Match> found = new ArrayList<>(1);
        for (Map.Entry<Integer, Candidate> entry : candidates.entrySet()) {
            Candidate candidate = entry.getValue();
            if (candidate.count < minMatchingFingerprints) {
                continue;
            }
            int document = entry.getKey();
            int eligible = eligible(query.sortedFingerprints, hashCeilings[document]);
            double containment = Math.min(1.0, (double) candidate.count / Math.max(eligible, 1));
            if (containment >= threshold || candidate.count >= passageFingerprints) {
                found.add(new Match(ids[document], containment, candidate.count, candidate.start, candidate.end));
            }
        }
        found.sort(Comparator.comparingDouble(Match::containment).reversed().thenComparing(Match::documentId));
        return found;
    }

    private Query query(String text) {
        Shingles.Shingled shingled = Shingles.of(text, shingleSize);
        int n = shingled.count();
        long[] fingerprints = new long[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        Set<Long> seen = new HashSet<>();
        int kept = 0;
        for (int i = 0; i < n; i++) {
            long hash = shingled.hashes()[i];
            // fingerprints shared by many documents are boilerplate: they neither count nor cost
            if ((hash & samplingMask) != 0 || !seen.add(hash) || index.frequency(hash) > maxDocumentFrequency) {
                continue;
            }
            fingerprints[kept] = hash;
            starts[kept] = shingled.starts()[i];
            ends[kept] = shingled.ends()[i];
            kept++;
        }
        long[] sorted = Arrays.copyOf(fingerprints, kept);
        Arrays.sort(sorted);
        return new Query(Arrays.copyOf(fingerprints, kept), Arrays.copyOf(starts, kept), Arrays.copyOf(ends, kept), sorted);
    }

    private static int eligible(long[] sortedFingerprints, long ceiling) {
        int at = Arrays.binarySearch(sortedFingerprints, ceiling);
        return at >= 0 ? at + 1 : -at - 1;
    }

    private String replace(String text, List<Match> matches) {
        List<Match> bySpan = new ArrayList<>(matches);
        bySpan.sort(Comparator.comparingInt(Match::start));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Match match : bySpan) {
            if (match.start() < copied) {
                // overlaps a passage already replaced: extend it instead of replacing twice
                copied = Math.max(copied, match.end());
                continue;
            }
            out.append(text, copied, match.start()).append(replacement);
            copied = match.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    private record Query(long[] fingerprints, int[] starts, int[] ends, long[] sortedFingerprints) {
    }

    private static final class Candidate {
        int count;
        int start = Integer.MAX_VALUE;
        int end;

        void add(int from, int to) {
            count++;
            start = Math.min(start, from);
            end = Math.max(end, to);
        }
    }

    /** The sketch of one document: its kept fingerprints, sorted, and the largest hash it could keep. */
    private record Sketch(long[] fingerprints, long ceiling) {
    }

    /**
     * Keeps the {@code cap} smallest distinct hashes seen: a uniform sample of a document of any
     * length in memory bounded by {@code 4 * cap} longs.
     */
    private static final class BottomK {
        private final int cap;
        private long[] buffer;
        private int size;
        private boolean dropped;

        BottomK(int cap) {
            this.cap = cap;
            this.buffer = new long[Math.min(cap * 4, 256)];
        }

        void add(long hash) {
            if (size == buffer.length) {
                if (buffer.length < cap * 4) {
                    buffer = Arrays.copyOf(buffer, Math.min(cap * 4, buffer.length * 2));
                } else {
                    compact();
                }
            }
            buffer[size++] = hash;
        }

        private void compact() {
            Arrays.sort(buffer, 0, size);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (distinct == 0 || buffer[distinct - 1] != buffer[i]) {
                    if (distinct == cap) {
                        dropped = true;
                        break;
                    }
                    buffer[distinct++] = buffer[i];
                }
            }
            size = distinct;
        }

        Sketch sketch() {
            compact();
            long[] kept = Arrays.copyOf(buffer, size);
            // a capped sketch only speaks for hashes up to its largest: queries count only those
            return new Sketch(kept, dropped ? kept[size - 1] : Long.MAX_VALUE);
        }
    }

    /** Builds a {@link ProtectedContentFilter}; documents are sketched as they are added, and their text is not kept. */
    public static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private final List<Sketch> sketches = new ArrayList<>();
        private final Set<String> known = new HashSet<>();
        private int shingleSize = 5;
        private int sampling = 4;
        private int maxFingerprintsPerDocument = 2048;
        private double threshold = 0.5;
        private int minMatchingFingerprints = 3;
        private int passageFingerprints = 12;
        private int maxDocumentFrequency = 1000;
        private Action action = Action.BLOCK;
        private String replacement = "[protected content removed]";

        private Builder() {
        }

        /**
         * Registers a protected document.
         *
         * @param id its id, reported in findings; not blank, unique
         * @param text its text; must contain at least one word
         * @return this builder
         */
        public Builder document(String id, String text) {
            Objects.requireNonNull(text, "text");
            return document(id, new StringReader(text));
        }

        /**
         * Registers a protected document read from a reader, in one streaming pass (the reader is not closed).
         *
         * @param id its id, reported in findings; not blank, unique
         * @param text its text; must contain at least one word
         * @return this builder
         */
        public Builder document(String id, Reader text) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("document id must not be blank, was " + (id == null ? "null" : "'" + id + "'"));
            }
            Objects.requireNonNull(text, "text");
            if (!known.add(id)) {
                throw new IllegalArgumentException("document id '" + id + "' is registered twice");
            }
            Sketch sketch = sketch(text);
            if (sketch.fingerprints.length == 0) {
                known.remove(id);
                throw new IllegalArgumentException("document '" + id + "' has no words to protect, or too few to sample:"
                        + " use a lower sampling or a longer document");
            }
            ids.add(id);
            sketches.add(sketch);
            return this;
        }

        private Sketch sketch(Reader text) {
            BottomK bottom = new BottomK(maxFingerprintsPerDocument);
            long mask = sampling - 1;
            Shingles.forEach(text, shingleSize, (hash, start, end) -> {
                if ((hash & mask) == 0) {
                    bottom.add(hash);
                }
            });
            return bottom.sketch();
        }

        /**
         * Sets how many consecutive words make a shingle, 3 to 12 (default 5).
         *
         * @param words the words
         * @return this builder
         */
        public Builder shingleSize(int words) {
            requireNoDocuments("shingleSize");
            if (words < 3 || words > 12) {
                throw new IllegalArgumentException("shingleSize must be in [3, 12], was " + words);
            }
            this.shingleSize = words;
            return this;
        }

        /**
         * Sets the sampling rate: one shingle in this many is kept, a power of two from 1 to 64 (default 4).
         *
         * @param oneIn the one in
         * @return this builder
         */
        public Builder sampling(int oneIn) {
            requireNoDocuments("sampling");
            if (oneIn < 1 || oneIn > 64 || Integer.bitCount(oneIn) != 1) {
                throw new IllegalArgumentException("sampling must be a power of two in [1, 64], was " + oneIn);
            }
            this.sampling = oneIn;
            return this;
        }

        /**
         * Sets how many fingerprints a document keeps at most, 16 to 1,000,000 (default 2048).
         *
         * @param count the count
          * @return this builder
         */
        public Builder maxFingerprintsPerDocument(int count) {
            requireNoDocuments("maxFingerprintsPerDocument");
            if (count < 16 || count > 1_000_000) {
                throw new IllegalArgumentException("maxFingerprintsPerDocument must be in [16, 1000000], was " + count);
            }
            this.maxFingerprintsPerDocument = count;
            return this;
        }

        /**
         * Sets the containment that catches an answer, in (0, 1] (default 0.5).
         *
         * @param containment the estimated fraction of the answer's fingerprints found in the document, 0 to 1
         * @return this builder
         */
        public Builder threshold(double containment) {
            if (!(containment > 0.0 && containment <= 1.0)) {
                throw new IllegalArgumentException("threshold must be in (0, 1], was " + containment);
            }
            this.threshold = containment;
            return this;
        }

        /**
         * Sets how many fingerprints must match at least, 1 or more (default 3).
         *
         * @param count the count
         * @return this builder
         */
        public Builder minMatchingFingerprints(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("minMatchingFingerprints must be at least 1, was " + count);
            }
            this.minMatchingFingerprints = count;
            return this;
        }

        /**
         * Sets how many matching fingerprints catch an answer whatever its containment, 1 or more (default 12).
         *
         * @param count the count
         * @return this builder
         */
        public Builder passageFingerprints(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("passageFingerprints must be at least 1, was " + count);
            }
            this.passageFingerprints = count;
            return this;
        }

        /**
         * Sets in how many documents a fingerprint may occur before it is ignored as boilerplate, 1 or more (default 1000).
         *
         * @param documents the documents
         * @return this builder
         */
        public Builder maxDocumentFrequency(int documents) {
            if (documents < 1) {
                throw new IllegalArgumentException("maxDocumentFrequency must be at least 1, was " + documents);
            }
            this.maxDocumentFrequency = documents;
            return this;
        }

        /**
         * Sets what happens to an answer that matches (default {@link Action#BLOCK}).
         *
         * @param newAction the new action
         * @return this builder
         */
        public Builder action(Action newAction) {
            this.action = Objects.requireNonNull(newAction, "action");
            return this;
        }

        /**
         * Sets the text that replaces a matching passage with {@link Action#REPLACE}.
         *
         * @param text its text; must contain at least one word
         * @return this builder
         */
        public Builder replacement(String text) {
            this.replacement = Objects.requireNonNull(text, "replacement");
            return this;
        }

        /**
         * Returns the filter.
         *
         * @throws IllegalStateException when no document was registered
          *
          * @return the filter
         */
        public ProtectedContentFilter build() {
            if (ids.isEmpty()) {
                throw new IllegalStateException("register at least one protected document");
            }
            return new ProtectedContentFilter(this);
        }

        private void requireNoDocuments(String setting) {
            if (!ids.isEmpty()) {
                throw new IllegalStateException(setting + " must be set before the first document is registered");
            }
        }
    }
}
