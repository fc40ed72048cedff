package dev.guard4j.filters.words;

import dev.guard4j.filters.redact.Action;
import java.util.List;
import java.util.Objects;

/**
 * A named list of words and phrases that a {@link WordFilter} looks for, with the category its
 * findings carry and what to do on a match.
 *
 * <p>Entries are matched whole-word on analysed text (lower case, accents, leetspeak, spelled-out
 * letters and look-alikes folded, words stemmed), so {@code "kill"} matches "K1LLS", "kílls" and
 * "k-i-l-l-s" but not "skill". A phrase matches the same words in the same order. An entry that
 * ends in {@code *} matches any word that starts with it ({@code "fuck*"} matches "fuckwit").
 * Duplicate entries are merged.
 *
 * @param name the list's name, used in findings as {@code words.NAME}
 * @param category the findings' category, such as {@code PROFANITY} or {@code COMPETITOR}
 * @param action what to do on a match: {@link Action#BLOCK}, {@link Action#REDACT} (replace by
 *     the mask), {@link Action#MASK} (replace each letter and digit by {@code *}) or {@link Action#REPORT_ONLY}
 * @param mask the text that replaces a match when the action is {@link Action#REDACT}
 * @param entries the words and phrases; at least one
 */
public record WordList(String name, String category, Action action, String mask, List<String> entries) {

    /** The category of custom word lists, as Bedrock names it. */
    public static final String CUSTOM_WORDS = "CUSTOM_WORDS";
    /** The category of competitor and banned-entity lists. */
    public static final String COMPETITOR = "COMPETITOR";

    /**
     * Checks the parts at once, naming what was wrong.
     *
     * @param name the list's name
     * @param category the findings' category, such as {@code PROFANITY} or {@code COMPETITOR}
     * @param action {@link Action#REDACT} to mask the names, {@link Action#BLOCK} to stop the call
     * @param mask the text that replaces a match when the action is {@link Action#REDACT}
      * @param entries the words and phrases
     */
    public WordList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(entries, "entries");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a word list needs a name");
        }
        if (category.isBlank()) {
            throw new IllegalArgumentException("word list '" + name + "' needs a category");
        }
        if (!SupportedActions.supports(action)) {
            throw new IllegalArgumentException("word list '" + name + "': " + SupportedActions.refusal(action));
        }
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("word list '" + name + "' is empty");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).isBlank()) {
                throw new IllegalArgumentException("word list '" + name + "' has a blank entry at index " + i);
            }
        }
    }

    /**
     * Returns a list of custom words with category {@code CUSTOM_WORDS} and mask {@code [CUSTOM_WORDS]}.
     *
     * @param name the list's name
     * @param action what to do on a match
     * @param entries the words and phrases
     * @return the list
     */
    public static WordList of(String name, Action action, List<String> entries) {
        return new WordList(name, CUSTOM_WORDS, action, "[" + CUSTOM_WORDS + "]", entries);
    }

    /**
     * Returns a competitor or banned-entity list with category {@code COMPETITOR} and mask {@code [COMPETITOR]}.
     *
     * @param name the list's name
     * @param action {@link Action#REDACT} to mask the names, {@link Action#BLOCK} to stop the call
     * @param names the names, one entry per name (multi-word names are phrases)
     * @return the list
     */
    public static WordList competitors(String name, Action action, List<String> names) {
        return new WordList(name, COMPETITOR, action, "[" + COMPETITOR + "]", names);
    }
}
