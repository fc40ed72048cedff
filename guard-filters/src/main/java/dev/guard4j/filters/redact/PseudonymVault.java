package dev.guard4j.filters.redact;

import dev.guard4j.CallState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-call map between pseudonyms such as {@code <EMAIL_1>} and the values they replaced.
 *
 * <p>One vault lives in each call's {@link CallState}: the input side fills it while it
 * pseudonymises the prompt, and the output side uses it to put the originals back into the
 * answer. Each distinct value of a category gets the next number, and the same value always
 * gets the same placeholder within the call. Thread-safe.
 *
 * <p>Warning: the vault holds the very values the guard keeps out of logs; its
 * {@code toString} shows only its size, and it must never be put into an audit event.
 */
public final class PseudonymVault {

    /** The key under which the call's vault lives in {@link CallState}. */
    static final CallState.Key<PseudonymVault> KEY = CallState.Key.of("guard4j.pseudonym-vault", PseudonymVault.class);

    /** Placeholders are short, so a restore only looks this far past a {@code '<'}. */
    static final int MAX_PLACEHOLDER_LENGTH = 64;

    private final Map<String, String> placeholderByValue = new HashMap<>();
    private final Map<String, String> valueByPlaceholder = new HashMap<>();
    private final Set<String> originals = new HashSet<>();
    private final Map<String, Integer> countByCategory = new HashMap<>();

    private PseudonymVault() {
    }

    /**
     * Returns the call's vault, creating an empty one on first use.
     *
     * @param state the call's state
     * @return the vault
     */
    public static PseudonymVault of(CallState state) {
        return state.computeIfAbsent(KEY, PseudonymVault::new);
    }

    /**
     * Returns the call's vault if one was made in this call, without making one.
     *
     * @param state the call's state
     * @return the vault, or empty when nothing was pseudonymised in the call
     */
    public static Optional<PseudonymVault> in(CallState state) {
        return state.get(KEY);
    }

    /**
     * Returns the placeholder for a value, assigning the category's next number on first sight.
     *
     * @param category the value's category, such as {@code EMAIL}
     * @param value the value to hide
     * @return a placeholder such as {@code <EMAIL_1>}
     */
    public synchronized String placeholderFor(String category, String value) {
        String key = category + '\u0000' + value;
        String known = placeholderByValue.get(key);
        if (known != null) {
            return known;
        }
        int number = countByCategory.merge(category, 1, Integer::sum);
        String placeholder = "<" + category + "_" + number + ">";
        placeholderByValue.put(key, placeholder);
        valueByPlaceholder.put(placeholder, value);
        originals.add(value);
        return placeholder;
    }

    /**
     * Returns whether the value was pseudonymised in this call (the caller gave it, so the
     * answer may hand it back).
     *
     * @param value a value found in the answer
     * @return whether it is one of the vault's originals
     */
    public synchronized boolean holdsOriginal(String value) {
        return originals.contains(value);
    }

    /**
     * Returns whether the value is one of the vault's originals or a piece of one. A stream window
     * can start inside an original restored in the previous window ({@code "ne.doe@example.com"}):
     * that piece is the caller's own value too.
     *
     * @param value a value found in the answer
     * @return whether some original contains it
     */
    public synchronized boolean holdsOriginalOrPart(String value) {
        if (originals.contains(value)) {
            return true;
        }
        for (String original : originals) {
            if (original.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether nothing has been pseudonymised in this call.
     *
     * @return whether nothing has been pseudonymised in this call
     */
    public synchronized boolean isEmpty() {
        return valueByPlaceholder.isEmpty();
    }

    /**
     * Returns the text with every complete placeholder of this vault replaced by its original.
     *
     * <p>An incomplete placeholder at the end (a stream window ending in {@code "<EMA"}) is left
     * as it is; the streaming guard holds the tail back, so the next window sees it whole.
     *
     * @param text text that may contain placeholders
     * @return the text with the originals restored; the same instance when there was nothing to restore
     */
    public synchronized String restore(String text) {
        if (valueByPlaceholder.isEmpty() || text.indexOf('<') < 0) {
            return text;
        }
        StringBuilder restored = null;
        int copiedUpTo = 0;
        int open = text.indexOf('<');
        while (open >= 0) {
            int limit = Math.min(text.length(), open + MAX_PLACEHOLDER_LENGTH);
            int close = -1;
            for (int i = open + 1; i < limit; i++) {
                char c = text.charAt(i);
                if (c == '>') {
                    close = i;
                    break;
                }
                if (c == '<') {
                    break;
                }
            }
            String original = close < 0 ? null : valueByPlaceholder.get(text.substring(open, close + 1));
            if (original != null) {
                if (restored == null) {
                    restored = new StringBuilder(text.length() + 64);
                }
                restored.append(text, copiedUpTo, open).append(original);
                copiedUpTo = close + 1;
                open = text.indexOf('<', copiedUpTo);
            } else {
                open = text.indexOf('<', open + 1);
            }
        }
        if (restored == null) {
            return text;
        }
        return restored.append(text, copiedUpTo, text.length()).toString();
    }

    @Override
    public synchronized String toString() {
        // sizes only: the values are exactly what must never reach a log
        return "PseudonymVault[" + valueByPlaceholder.size() + " values]";
    }
}
