package dev.guard4j.filters.text;

import java.util.Objects;

/**
 * A piece of text that was hidden in an encoding (base64, hex, URL, escapes, ROT13, tag
 * characters), decoded and normalised so that detectors can scan it like the visible text.
 *
 * <p>Every position of {@link #text()} maps back to the encoded run in the original text, so a
 * finding in a layer points at the run that carried it.
 *
 * @param encoding how the run was encoded
 * @param start where the encoded run starts in the original text (for nested layers, the outermost run)
 * @param end where the encoded run ends, exclusive
 * @param depth 1 for a run in the original text, 2 for a run inside a decoded layer, and so on
 * @param decoded the decoded text as it came out of the decoder, before normalisation (case kept)
 * @param text the decoded text, normalised; its {@code toOriginal} maps into the original text
 */
public record DecodedLayer(Encoding encoding, int start, int end, int depth, String decoded, NormalizedText text) {

    /**
     * Checks the parts.
     *
     * @param encoding how the run was encoded
     * @param start where the encoded run starts in the original text (for nested layers, the outermost run)
     * @param end where the encoded run ends, exclusive
     * @param depth 1 for a run in the original text, 2 for a run inside a decoded layer, and so on
     * @param decoded the decoded text as it came out of the decoder, before normalisation (case kept)
     * @param text the decoded text, normalised; its {@code toOriginal} maps into the original text
     */
    public DecodedLayer {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(decoded, "decoded");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, was [" + start + ", " + end + ")");
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, was " + depth);
        }
    }

    /**
     * Returns the span of the encoded run in the original text.
     *
     * @return the span of the encoded run in the original text
     */
    public Span span() {
        return new Span(start, end);
    }
}
