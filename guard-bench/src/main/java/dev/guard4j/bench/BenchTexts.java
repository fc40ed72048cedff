package dev.guard4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic texts and word lists for the benchmarks, the same on every run. */
final class BenchTexts {

    private static final String PROSE = "Hello, I ordered a pair of running shoes last week and the parcel arrived today, "
            + "but the box was damaged and one shoe is a size smaller than the other. Could you tell me how to return "
            + "them, and whether I need to print a label myself? I would also like to know if the refund goes back "
            + "to my card or to store credit, because the card expires at the end of next month. The order number is "
            + "in the confirmation e-mail you sent on Tuesday. Thanks for your help, and sorry for the long message; "
            + "it has been a frustrating week with the delivery company losing two other parcels as well. ";

    private static final String[] ENTITIES = {
        "jane.doe@example.com", "+44 20 7946 0958", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32",
        "AKIAIOSFODNN7EXAMPLF", "192.168.10.24"};

    private BenchTexts() {
    }

    /**
     * Returns prose of exactly {@code length} characters with an entity (an e-mail, a phone, a
     * card, an IBAN, an access key, an IP address) after every 700 characters.
     */
    static String proseWithEntities(int length) {
        StringBuilder text = new StringBuilder(length + 64);
        String prose = prose(700);
        for (int entity = 0; text.length() < length; entity++) {
            text.append(prose).append(" contact ").append(ENTITIES[entity % ENTITIES.length]).append(". ");
        }
        return text.substring(0, length);
    }

    /** Returns ordinary English prose of exactly {@code length} characters. */
    static String prose(int length) {
        StringBuilder text = new StringBuilder(length + PROSE.length());
        while (text.length() < length) {
            text.append(PROSE);
        }
        return text.substring(0, length);
    }

    /**
     * Returns {@code size} distinct entries: made-up words and two-word phrases, plus a few words
     * that occur in the prose so that the benchmark also pays for matches.
     */
    static List<String> wordList(int size) {
        Random random = new Random(42);
        List<String> entries = new ArrayList<>(size);
        entries.addAll(List.of("refund", "parcel", "delivery company", "label", "store credit"));
        java.util.Set<String> seen = new java.util.HashSet<>(entries);
        while (entries.size() < size) {
            String entry = word(random);
            if (random.nextInt(5) == 0) {
                entry = entry + " " + word(random);
            }
            if (seen.add(entry)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static String word(Random random) {
        int length = 4 + random.nextInt(7);
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
