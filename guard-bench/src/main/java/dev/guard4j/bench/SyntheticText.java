package dev.guard4j.bench;

import java.util.Random;

/** Deterministic pseudo-English text for benchmarks: words built from syllables, sentences of twelve words. */
final class SyntheticText {

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qu", "do",
        "fe", "gi", "ho", "ja", "be", "cu", "wy", "xo", "ar", "el", "is", "on", "ut"};

    private SyntheticText() {
    }

    /** Returns {@code words} words drawn from a vocabulary of about 400,000 forms, the same for the same random. */
    static String words(Random random, int words) {
        StringBuilder text = new StringBuilder(words * 8);
        for (int i = 0; i < words; i++) {
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                text.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            text.append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString();
    }

    /** Returns text of about {@code chars} characters. */
    static String chars(Random random, int chars) {
        String text = words(random, chars / 6 + 1);
        return text.length() > chars ? text.substring(0, chars) : text;
    }
}
