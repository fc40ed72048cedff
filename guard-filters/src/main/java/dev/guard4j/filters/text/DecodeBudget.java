package dev.guard4j.filters.text;

import java.util.EnumSet;
import java.util.Set;

/** What is left of the decoding allowance for one call of the normaliser, shared by every depth. */
final class DecodeBudget {

    int remainingChars;
    int remainingLayers;
    final int maxDepth;
    final Set<NormalizationLimit> limits = EnumSet.noneOf(NormalizationLimit.class);

    DecodeBudget(int maxChars, int maxLayers, int maxDepth) {
        this.remainingChars = maxChars;
        this.remainingLayers = maxLayers;
        this.maxDepth = maxDepth;
    }

    /** Returns how many characters a run may still decode to, noting when the allowance is gone. */
    int allowance() {
        if (remainingLayers <= 0) {
            limits.add(NormalizationLimit.DECODE_COUNT);
            return 0;
        }
        if (remainingChars <= 0) {
            limits.add(NormalizationLimit.DECODE_SIZE);
            return 0;
        }
        return remainingChars;
    }

    void spend(int chars) {
        remainingChars -= chars;
        remainingLayers--;
    }
}
