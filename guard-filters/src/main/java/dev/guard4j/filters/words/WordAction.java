package dev.guard4j.filters.words;

import java.util.Locale;

/** What a word filter does when a list or rule matches. */
public enum WordAction {
    /** Stop the call. */
    BLOCK,
    /** Replace the match with the list's mask and let the text go on. */
    REDACT,
    /** Let the text go on unchanged, with a finding. */
    REPORT_ONLY;

    /**
     * Returns the action a policy names: {@code block}, {@code redact} or {@code report-only} (any case, {@code -} or {@code _}).
     *
     * @param name the name
     * @return the action
     * @throws IllegalArgumentException naming the allowed values when the name is none of them
     */
    public static WordAction parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (WordAction action : values()) {
            if (action.name().equals(key)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action '" + name + "', expected one of block, redact, report-only");
    }
}
