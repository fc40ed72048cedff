package dev.guard4j.filters.secrets;

/** Computes the Shannon entropy of a string, in bits per character. */
final class ShannonEntropy {

    private ShannonEntropy() {
    }

    /**
     * Returns the entropy of the characters of {@code value}, in bits per character; 0 for an empty string.
     *
     * @param value the string
     * @return the entropy
     */
    static double of(CharSequence value) {
        int n = value.length();
        if (n == 0) {
            return 0;
        }
        int[] ascii = new int[128];
        java.util.Map<Character, Integer> others = null;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 128) {
                ascii[c]++;
            } else {
                if (others == null) {
                    others = new java.util.HashMap<>();
                }
                others.merge(c, 1, Integer::sum);
            }
        }
        double entropy = 0;
        for (int count : ascii) {
            entropy += term(count, n);
        }
        if (others != null) {
            for (int count : others.values()) {
                entropy += term(count, n);
            }
        }
        return entropy;
    }

    private static double term(int count, int n) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / n;
        return -p * (Math.log(p) / Math.log(2));
    }

    /** Returns the number of distinct characters in {@code value}. */
    static int distinct(CharSequence value) {
        return (int) value.chars().distinct().count();
    }
}
