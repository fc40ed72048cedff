package dev.guard4j.bench;

/** Deterministic English-like texts for the benchmarks, built once, with a few entities where asked. */
final class BenchTexts {

    private static final String[] WORDS = ("the customer asked about the status of an order that was shipped last week and "
            + "wanted to know whether the delivery could be moved to another address because they will be travelling "
            + "for work during the next few days and nobody will be at home to receive the parcel from the courier").split(" ");

    private static final String[] ENTITIES = {
        "jane.doe@example.com", "+44 20 7946 0958", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32",
        "AKIAIOSFODNN7EXAMPLF", "192.168.10.24"};

    private BenchTexts() {
    }

    /** Returns {@code chars} characters of plain prose without any entity. */
    static String prose(int chars) {
        StringBuilder text = new StringBuilder(chars + 32);
        for (int i = 0; text.length() < chars; i++) {
            text.append(WORDS[i % WORDS.length]).append(i % 17 == 16 ? ". " : " ");
        }
        text.setLength(chars);
        return text.toString();
    }

    /** Returns {@code chars} characters of prose with one entity (an e-mail, a phone, a card, an IBAN, a key, an IP) every 700 characters. */
    static String proseWithEntities(int chars) {
        StringBuilder text = new StringBuilder(chars + 64);
        int entity = 0;
        for (int i = 0; text.length() < chars; i++) {
            text.append(WORDS[i % WORDS.length]).append(' ');
            if (text.length() / 700 > entity && entity < 1_000_000) {
                text.append("contact ").append(ENTITIES[entity % ENTITIES.length]).append(' ');
                entity++;
            }
        }
        text.setLength(chars);
        return text.toString();
    }
}
