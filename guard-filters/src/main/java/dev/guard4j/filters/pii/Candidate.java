package dev.guard4j.filters.pii;

/**
 * A value a recognizer found, before context boosting and the threshold.
 *
 * @param detector the rule id, such as {@code pii.us-ssn}
 * @param category the category
 * @param start first character, inclusive
 * @param end last character, exclusive
 * @param score the score before context
 * @param context words that, near the value, make it more likely to be what the rule says
 */
record Candidate(String detector, String category, int start, int end, double score, String[] context) {
}
