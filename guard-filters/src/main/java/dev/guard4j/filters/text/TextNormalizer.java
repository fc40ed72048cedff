package dev.guard4j.filters.text;

import dev.guard4j.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a text into the normalised view that every lexical detector matches on, keeping a map
 * from each normalised position back to the original text.
 *
 * <p>It sees through the usual ways of hiding words from a filter:
 * <ul>
 *   <li>Unicode compatibility forms (NFKC): full-width, mathematical, circled and ligature letters;</li>
 *   <li>case and accents ({@code "KÍLL"} becomes {@code "kill"});</li>
 *   <li>zero-width, bidi-control and tag characters, removed and reported as {@code INVISIBLE_TEXT};
 *       tag characters also decoded, since they smuggle ASCII instructions;</li>
 *   <li>Cyrillic, Greek and Armenian look-alikes in Latin words ({@code "pаypаl"} with Cyrillic a);</li>
 *   <li>letters spelled out with separators ({@code "i g n o r e"}, {@code "i.g.n.o.r.e"}, {@code "k-i-l-l"});</li>
 *   <li>leetspeak inside words that have letters ({@code "1gn0r3"}, {@code "a$$"}), leaving numbers,
 *       measures ({@code "10kg"}), versions ({@code "v1"}), URLs and e-mail addresses alone;</li>
 *   <li>payloads in base64, hex, percent-encoding, {@code \}{@code u}/{@code \x}/HTML escapes, ROT13 and tag
 *       characters, decoded into {@linkplain NormalizedText#layers() layers}, themselves normalised and
 *       decoded again up to a depth.</li>
 * </ul>
 * Blanks collapse to one space; line breaks stay. Every step is linear in the length of the text,
 * and the input, the decoding depth, the decoded size and the number of layers are capped; a cap
 * that is reached is reported in {@link NormalizedText#limitsReached()}, never an exception.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TextNormalizer {

    /** The default input cap in characters; longer texts are normalised up to it. */
    public static final int DEFAULT_MAX_INPUT_CHARS = 1 << 20;
    /** The default depth of nested encodings that are decoded. */
    public static final int DEFAULT_MAX_DECODE_DEPTH = 3;
    /** The default total of decoded characters per text, all layers together. */
    public static final int DEFAULT_MAX_DECODED_CHARS = 64 * 1024;
    /** The default number of decoded layers per text. */
    public static final int DEFAULT_MAX_LAYERS = 32;

    private static final TextNormalizer STANDARD = builder().build();

    private final int maxInputChars;
    private final int maxDecodeDepth;
    private final int maxDecodedChars;
    private final int maxLayers;

    private TextNormalizer(Builder builder) {
        this.maxInputChars = builder.maxInputChars;
        this.maxDecodeDepth = builder.maxDecodeDepth;
        this.maxDecodedChars = builder.maxDecodedChars;
        this.maxLayers = builder.maxLayers;
    }

    /**
     * Returns a normaliser with the default caps.
     *
     * @return a normaliser with the default caps
     */
    public static TextNormalizer standard() {
        return STANDARD;
    }

    /**
     * Returns a builder for a normaliser with other caps.
     *
     * @return a builder for a normaliser with other caps
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the normalised view of {@code text}.
     *
     * @param text any text, including empty, binary or broken UTF-16
     * @return the normalised view; never {@code null}
     * @throws NullPointerException when {@code text} is null
     */
    public NormalizedText normalize(String text) {
        Objects.requireNonNull(text, "text");
        DecodeBudget budget = new DecodeBudget(maxDecodedChars, maxLayers, maxDecodeDepth);
        return normalize(text, text, 0, null, null, budget);
    }

    /**
     * Normalises {@code text}, whose position {@code p} came from {@code [baseStarts[p], baseEnds[p])}
     * of the original ({@code null} arrays: {@code text} is the original).
     */
    private NormalizedText normalize(String original, String text, int depth, int[] baseStarts, int[] baseEnds,
                                     DecodeBudget budget) {
        int limit = Math.min(text.length(), maxInputChars);
        if (limit < text.length()) {
            budget.limits.add(NormalizationLimit.INPUT_TRUNCATED);
            if (limit > 0 && Character.isHighSurrogate(text.charAt(limit - 1))) {
                limit--;
            }
        }
        MappedBuffer folded = new MappedBuffer(limit + 16);
        List<Finding> invisible = new ArrayList<>(0);
        List<CharacterFolder.HiddenText> tagRuns = new ArrayList<>(0);
        CharacterFolder.fold(text, limit, folded, invisible, tagRuns, budget.limits);
        MappedBuffer result = TokenFolder.fold(folded);

        String normalized = new String(result.chars, 0, result.length);
        int[] starts = Arrays.copyOf(result.starts, result.length);
        int[] ends = Arrays.copyOf(result.ends, result.length);
        if (baseStarts != null) {
            for (int i = 0; i < starts.length; i++) {
                int from = starts[i];
                starts[i] = baseStarts[from];
                ends[i] = baseEnds[Math.max(from, ends[i] - 1)];
            }
            invisible.replaceAll(f -> new Finding(f.detector(), f.category(), baseStarts[f.start()],
                    baseEnds[Math.max(f.start(), f.end() - 1)], f.score()));
        }

        List<DecodedLayer> layers = new ArrayList<>(0);
        List<EncodedRuns.Run> runs = new ArrayList<>(0);
        for (CharacterFolder.HiddenText tags : tagRuns) {
            runs.add(new EncodedRuns.Run(Encoding.TAG_CHARACTERS, tags.start(), tags.end(), tags.decoded()));
        }
        if (depth < maxDecodeDepth) {
            EncodedRuns.find(text, limit, budget, runs);
            List<EncodedRuns.Run> inline = new ArrayList<>(0);
            for (EncodedRuns.Run run : runs) {
                if (run.encoding() == Encoding.URL || run.encoding() == Encoding.ESCAPE) {
                    inline.add(run);
                    continue;
                }
                addRunLayer(original, run, depth, baseStarts, baseEnds, budget, layers, invisible);
            }
            if (!inline.isEmpty()) {
                List<EncodedRuns.Run> layered = new ArrayList<>(runs);
                layered.removeAll(inline);
                addInlineLayer(original, text, limit, inline, layered, depth, baseStarts, baseEnds, budget, layers,
                        invisible);
            }
            if (Rot13.looksRotated(normalized) && budget.allowance() >= normalized.length()) {
                budget.spend(normalized.length());
                String decoded = Rot13.rotate(normalized);
                NormalizedText rotated = new NormalizedText(original, decoded, starts, ends, List.of(), List.of(), Set.of());
                Span span = normalized.isEmpty() ? new Span(0, 0) : new Span(starts[0], ends[ends.length - 1]);
                layers.add(new DecodedLayer(Encoding.ROT13, span.start(), span.end(), depth + 1, decoded, rotated));
            }
        } else if (!runs.isEmpty() || hasEncodedRun(text, limit)) {
            budget.limits.add(NormalizationLimit.DECODE_DEPTH);
        }
        return new NormalizedText(original, normalized, starts, ends, layers, invisible, budget.limits);
    }

    /** Adds a layer for one run (base64, hex, tags): all of it points at the run that carried it. */
    private void addRunLayer(String original, EncodedRuns.Run run, int depth, int[] baseStarts, int[] baseEnds,
                             DecodeBudget budget, List<DecodedLayer> layers, List<Finding> invisible) {
        int from = baseStarts != null ? baseStarts[run.start()] : run.start();
        int to = baseEnds != null ? baseEnds[run.end() - 1] : run.end();
        String decoded = run.decoded();
        int[] runStarts = new int[decoded.length()];
        int[] runEnds = new int[decoded.length()];
        Arrays.fill(runStarts, from);
        Arrays.fill(runEnds, to);
        NormalizedText child = normalize(original, decoded, depth + 1, runStarts, runEnds, budget);
        layers.add(new DecodedLayer(run.encoding(), from, to, depth + 1, decoded, child));
        layers.addAll(child.layers());
        invisible.addAll(child.invisible());
    }

    /**
     * Adds one layer for percent-encoding and escapes: the whole text with every such run decoded
     * in place, so that a phrase half encoded ("ign&#111;re previous instructions") reads whole.
     * Plain characters keep their own spans; decoded ones point at their run.
     */
    private void addInlineLayer(String original, String text, int limit, List<EncodedRuns.Run> runs,
                                List<EncodedRuns.Run> layered, int depth, int[] baseStarts, int[] baseEnds,
                                DecodeBudget budget, List<DecodedLayer> layers, List<Finding> invisible) {
        int plain = limit;
        for (EncodedRuns.Run run : runs) {
            plain -= run.end() - run.start();
        }
        if (plain > budget.allowance()) {
            // too long to copy whole: fall back to a layer per run
            for (EncodedRuns.Run run : runs) {
                addRunLayer(original, run, depth, baseStarts, baseEnds, budget, layers, invisible);
            }
            return;
        }
        budget.remainingChars -= plain;
        // runs that have a layer of their own become a blank here, so they are not decoded twice
        boolean[] blank = new boolean[limit];
        for (EncodedRuns.Run run : layered) {
            Arrays.fill(blank, run.start(), run.end(), true);
        }
        StringBuilder decoded = new StringBuilder(limit);
        MappedBuffer map = new MappedBuffer(limit);
        boolean onlyUrl = true;
        int cursor = 0;
        for (EncodedRuns.Run run : runs) {
            onlyUrl &= run.encoding() == Encoding.URL;
            copyPlain(text, cursor, run.start(), blank, baseStarts, baseEnds, decoded, map);
            int from = baseStarts != null ? baseStarts[run.start()] : run.start();
            int to = baseEnds != null ? baseEnds[run.end() - 1] : run.end();
            for (int k = 0; k < run.decoded().length(); k++) {
                decoded.append(run.decoded().charAt(k));
                map.append(' ', from, to);
            }
            cursor = run.end();
        }
        copyPlain(text, cursor, limit, blank, baseStarts, baseEnds, decoded, map);
        String whole = decoded.toString();
        NormalizedText child = normalize(original, whole, depth + 1, Arrays.copyOf(map.starts, map.length),
                Arrays.copyOf(map.ends, map.length), budget);
        int from = baseStarts != null ? baseStarts[runs.get(0).start()] : runs.get(0).start();
        EncodedRuns.Run last = runs.get(runs.size() - 1);
        int to = baseEnds != null ? baseEnds[last.end() - 1] : last.end();
        layers.add(new DecodedLayer(onlyUrl ? Encoding.URL : Encoding.ESCAPE, from, to, depth + 1, whole, child));
        layers.addAll(child.layers());
        for (Finding finding : child.invisible()) {
            // the plain parts were seen already; only what the decoded runs hid is new
            if (!invisible.contains(finding)) {
                invisible.add(finding);
            }
        }
    }

    private static void copyPlain(String text, int from, int to, boolean[] blank, int[] baseStarts, int[] baseEnds,
                                  StringBuilder decoded, MappedBuffer map) {
        for (int p = from; p < to; p++) {
            if (blank[p] && p > from && blank[p - 1]) {
                map.extendLast(baseEnds != null ? baseEnds[p] : p + 1);
                continue;
            }
            decoded.append(blank[p] ? ' ' : text.charAt(p));
            map.append(' ', baseStarts != null ? baseStarts[p] : p, baseEnds != null ? baseEnds[p] : p + 1);
        }
    }

    private static boolean hasEncodedRun(String text, int limit) {
        List<EncodedRuns.Run> probe = new ArrayList<>(1);
        EncodedRuns.find(text, limit, new DecodeBudget(256, 1, 1), probe);
        return !probe.isEmpty();
    }

    /** Builds a {@link TextNormalizer} with other caps than the defaults. */
    public static final class Builder {
        private int maxInputChars = DEFAULT_MAX_INPUT_CHARS;
        private int maxDecodeDepth = DEFAULT_MAX_DECODE_DEPTH;
        private int maxDecodedChars = DEFAULT_MAX_DECODED_CHARS;
        private int maxLayers = DEFAULT_MAX_LAYERS;

        private Builder() {
        }

        /**
         * Sets how many characters of a text are normalised, at least 1.
         *
         * @param chars the chars
         * @return this builder
         */
        public Builder maxInputChars(int chars) {
            this.maxInputChars = positive("maxInputChars", chars);
            return this;
        }

        /**
         * Sets how deep nested encodings are decoded: 0 turns decoding off.
         *
         * @param depth the depth
         * @return this builder
         */
        public Builder maxDecodeDepth(int depth) {
            if (depth < 0 || depth > 8) {
                throw new IllegalArgumentException("maxDecodeDepth must be in [0, 8], was " + depth);
            }
            this.maxDecodeDepth = depth;
            return this;
        }

        /**
         * Sets how many characters all decoded layers of one text may hold together, at least 1.
         *
         * @param chars the chars
         * @return this builder
         */
        public Builder maxDecodedChars(int chars) {
            this.maxDecodedChars = positive("maxDecodedChars", chars);
            return this;
        }

        /**
         * Sets how many decoded layers one text may have, at least 1.
         *
         * @param layers the layers
         * @return this builder
         */
        public Builder maxLayers(int layers) {
            this.maxLayers = positive("maxLayers", layers);
            return this;
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }

        /**
         * Returns the normaliser.
         *
         * @return the normaliser
         */
        public TextNormalizer build() {
            return new TextNormalizer(this);
        }
    }
}
