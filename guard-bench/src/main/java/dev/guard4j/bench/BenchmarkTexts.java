package dev.guard4j.bench;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.pii.PiiFilter;
import dev.guard4j.filters.secrets.SecretsFilter;
import java.util.Random;

/** Builds the benchmarks' texts, the same on every run. */
final class BenchmarkTexts {

    private static final String ENGLISH = "The quarterly review covers the migration of the billing service to the new cluster. "
            + "Most of the work went into the data pipeline, which now runs every night and reports its progress to the team. "
            + "We still need to agree on the retention policy for old invoices and on who owns the dashboards after the move. "
            + "Please read the attached notes before Thursday and send questions to the channel rather than by private message. ";

    private BenchmarkTexts() {
    }

    /** Returns benign English of exactly {@code length} characters. */
    static String english(int length) {
        return repeatTo(ENGLISH, length);
    }

    /** Returns English of about {@code length} characters with six entities spread through it. */
    static String englishWithEntities(int length) {
        Random random = SensitiveDataBenchmark.seeded();
        String[] entities = {
            "You can reach Maria Gonzalez at maria.gonzalez@example.com for the invoices. ",
            "Her desk phone is +1 415 555 0132 if the matter is urgent. ",
            "The test card 4111 1111 1111 1111 expires next year and must be removed from the fixtures. ",
            // key-shaped values are built at run time, never written out whole
            "The old deploy key AKIA" + randomChars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) + " was revoked. ",
            "Rotate the token ghp_" + randomChars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36)
                    + " before Friday. ",
            "Ask Peter Novak in accounting about the retention rules. "};
        StringBuilder text = new StringBuilder(length + 200);
        int entity = 0;
        while (text.length() < length) {
            text.append(ENGLISH);
            if (entity < entities.length) {
                text.append(entities[entity++]);
            }
        }
        text.setLength(length);
        return text.toString();
    }

    /**
     * Returns a text of the given kind and exact length.
     *
     * @param kind {@code benign}, {@code digits}, {@code a-at} or {@code base64}
     * @param length the number of characters
     * @return the text
     */
    static String ofKind(String kind, int length) {
        switch (kind) {
            case "benign":
                return english(length);
            case "digits":
                return randomChars(SensitiveDataBenchmark.seeded(), "0123456789", length);
            case "a-at":
                return repeatTo("a@", length);
            case "base64":
                return randomChars(SensitiveDataBenchmark.seeded(), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", length);
            default:
                throw new IllegalArgumentException("unknown kind '" + kind + "'; known: benign, digits, a-at, base64");
        }
    }

    /** Runs PII then secrets, feeding a rewrite of the first into the second as the guard does. */
    static Verdict chain(PiiFilter pii, SecretsFilter secrets, Content content) {
        Verdict first = pii.validate(content);
        if (first instanceof Verdict.Block) {
            return first;
        }
        Content next = first instanceof Verdict.Rewrite rewrite ? content.withText(rewrite.text()) : content;
        return secrets.validate(next);
    }

    private static String repeatTo(String unit, int length) {
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        text.setLength(length);
        return text.toString();
    }

    private static String randomChars(Random random, String alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }
}
