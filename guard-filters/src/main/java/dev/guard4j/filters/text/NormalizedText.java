package dev.guard4j.filters.text;

import dev.guard4j.Finding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A normalised view of a text in which every position maps back to a span of the original.
 *
 * <p>Made by {@link TextNormalizer#normalize(String)}. Detectors match on {@link #text()}
 * (lower-cased, NFKC, accents and invisible characters removed, look-alikes, leetspeak and
 * spelled-out words folded) and on the texts of {@link #layers()} (payloads decoded from base64,
 * hex, URL encoding, escapes, ROT13 and tag characters), then report spans of the original with
 * {@link #toOriginal(int, int)}:
 *
 * <pre>{@code
 * NormalizedText normalized = normalizer.normalize(input.text());
 * for (NormalizedText view : normalized.views()) {
 *     int at = view.text().indexOf("ignore previous instructions");
 *     if (at >= 0) {
 *         Span span = view.toOriginal(at, at + 28);   // a span of input.text()
 *     }
 * }
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final List<DecodedLayer> layers;
    private final List<Finding> invisible;
    private final Set<NormalizationLimit> limits;

    NormalizedText(String original, String text, int[] starts, int[] ends, List<DecodedLayer> layers,
                   List<Finding> invisible, Set<NormalizationLimit> limits) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.layers = List.copyOf(layers);
        this.invisible = List.copyOf(invisible);
        this.limits = limits.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(limits));
    }

    /**
     * Returns the text that was normalised: for a decoded layer, the original text that carried it.
     *
     * @return the text that was normalised: for a decoded layer, the original text that carried it
     */
    public String original() {
        return original;
    }

    /**
     * Returns the normalised text.
     *
     * @return the normalised text
     */
    public String text() {
        return text;
    }

    /**
     * Returns the length of the normalised text.
     *
     * @return the length of the normalised text
     */
    public int length() {
        return text.length();
    }

    /**
     * Returns the span of the original text that the normalised range {@code [start, end)} came from.
     *
     * <p>An empty range maps to an empty span at the original position of {@code start}.
     *
     * @param start the first normalised position, inclusive
     * @param end the end, exclusive
     * @return the original span
     * @throws IndexOutOfBoundsException when the range is not within the normalised text
     */
    public Span toOriginal(int start, int end) {
        Objects.checkFromToIndex(start, end, text.length());
        if (start == end) {
            int at = start < text.length() ? starts[start] : (text.isEmpty() ? original.length() : ends[text.length() - 1]);
            return new Span(at, at);
        }
        // folding drops and widens characters but never reorders them, so the ends bound the span
        int from = starts[start];
        return new Span(from, Math.max(ends[end - 1], from));
    }

    /**
     * Returns where the character at normalised position {@code index} starts in the original.
     *
     * @param index the index
     * @return where the character at normalised position {@code index} starts in the original
     */
    public int originalStart(int index) {
        Objects.checkIndex(index, text.length());
        return starts[index];
    }

    /**
     * Returns where the character at normalised position {@code index} ends in the original, exclusive.
     *
     * @param index the index
     * @return where the character at normalised position {@code index} ends in the original, exclusive
     */
    public int originalEnd(int index) {
        Objects.checkIndex(index, text.length());
        return ends[index];
    }

    /**
     * Returns every decoded layer at every depth, outer layers before the layers decoded from them.
     *
     * <p>Each layer's {@link DecodedLayer#text()} has its own {@code layers()} too (its children);
     * scan {@link #views()} to see every text exactly once.
      *
      * @return every decoded layer at every depth, outer layers before the layers decoded from them
     */
    public List<DecodedLayer> layers() {
        return layers;
    }

    /**
     * Returns this text followed by the text of every decoded layer: everything a detector should scan.
      *
      * @return this text followed by the text of every decoded layer: everything a detector should scan
     */
    public List<NormalizedText> views() {
        List<NormalizedText> views = new ArrayList<>(1 + layers.size());
        views.add(this);
        for (DecodedLayer layer : layers) {
            views.add(layer.text());
        }
        return views;
    }

    /**
     * Returns {@code INVISIBLE_TEXT} findings: tag characters that spell hidden text, bidi overrides,
     * and zero-width characters inside words, with spans of the original text.
      *
      * @return {@code INVISIBLE_TEXT} findings: tag characters that spell hidden text, bidi overrides, and zero-width characters inside words, with spans of the original text
     */
    public List<Finding> invisible() {
        return invisible;
    }

    /**
     * Returns the bounds that were reached; empty when the whole text was normalised and decoded.
     *
     * @return the bounds that were reached; empty when the whole text was normalised and decoded
     */
    public Set<NormalizationLimit> limitsReached() {
        return limits;
    }

    @Override
    public String toString() {
        // the text stays out of toString, like Content's: it may be what must stay out of logs
        return "NormalizedText[length=" + text.length() + ", originalLength=" + original.length()
                + ", layers=" + layers.size() + ", invisible=" + invisible.size() + ", limits=" + limits + "]";
    }
}
