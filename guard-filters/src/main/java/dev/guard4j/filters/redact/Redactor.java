package dev.guard4j.filters.redact;

import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Turns a filter's findings into a verdict by applying the action configured for each category.
 *
 * <p>Overlapping findings are first resolved with {@link Overlaps#resolve(List)}. If any
 * finding's category is set to {@link Action#BLOCK} (whether or not it won its overlap: a
 * security filter fails towards blocking), the verdict is a block. Otherwise each surviving
 * finding is replaced according to its action, and the verdict is a rewrite when the text
 * changed or a pass that reports the findings when it did not.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.builder()
 *         .defaultAction(Action.REDACT)
 *         .action("EMAIL", Action.PSEUDONYMISE)
 *         .build();
 * Verdict verdict = redactor.apply(content, findings, "PII");
 * }</pre>
 *
 * <p>Immutable and thread-safe. The salt for {@link Action#HASH} is never logged; without one
 * the redactor draws a random salt, so its hashes are stable only within the instance.
 */
public final class Redactor {

    /** Hex digits of the salted SHA-256 digest kept in a hash placeholder: 64 bits, enough to correlate. */
    static final int HASH_HEX_DIGITS = 16;
    private static final int MASK_KEEP = 4;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Action defaultAction;
    private final Map<String, Action> actionByCategory;
    private final byte[] salt;

    private Redactor(Builder builder) {
        this.defaultAction = builder.defaultAction;
        this.actionByCategory = Map.copyOf(builder.actionByCategory);
        this.salt = builder.salt != null ? builder.salt.clone() : randomSalt();
    }

    /**
     * Returns a builder whose default action is {@link Action#REDACT}.
     *
     * @return a builder whose default action is {@link Action#REDACT}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the action for a category.
     *
     * @param category a category such as {@code EMAIL}
     * @return the configured action, or the default action
     */
    public Action actionFor(String category) {
        return actionByCategory.getOrDefault(category, defaultAction);
    }

    /**
     * Returns the verdict for the findings over the content's text.
     *
     * @param content the content the findings refer to; its call state holds the pseudonym vault
     * @param findings findings over {@code content.text()}, already past the filter's threshold
     * @param filterLabel a short label for the block reason, such as {@code "PII"}; never the text
     * @return a block, a rewrite, or a pass carrying the findings (a plain pass when there are none)
     */
    public Verdict apply(Content content, List<Finding> findings, String filterLabel) {
        if (findings.isEmpty()) {
            return Verdict.pass();
        }
        String text = content.text();
        TreeSet<String> blocking = new TreeSet<>();
        for (Finding finding : findings) {
            if (finding.end() > text.length()) {
                throw new IllegalArgumentException("finding " + finding + " lies outside a text of length " + text.length());
            }
            if (actionFor(finding.category()) == Action.BLOCK) {
                blocking.add(finding.category());
            }
        }
        List<Finding> resolved = Overlaps.resolve(findings);
        if (!blocking.isEmpty()) {
            return Verdict.block(filterLabel + " found: " + String.join(", ", blocking), resolved);
        }
        StringBuilder rewritten = null;
        int copiedUpTo = 0;
        for (Finding finding : resolved) {
            Action action = actionFor(finding.category());
            if (!action.rewrites()) {
                continue;
            }
            if (rewritten == null) {
                rewritten = new StringBuilder(text.length() + 32);
            }
            rewritten.append(text, copiedUpTo, finding.start());
            String value = text.substring(finding.start(), finding.end());
            rewritten.append(replacement(action, finding.category(), value, content));
            copiedUpTo = finding.end();
        }
        if (rewritten == null) {
            return Verdict.pass(resolved.toArray(new Finding[0]));
        }
        rewritten.append(text, copiedUpTo, text.length());
        return Verdict.rewrite(rewritten.toString(), resolved);
    }

    private String replacement(Action action, String category, String value, Content content) {
        switch (action) {
            case REDACT:
                return "<" + category + ">";
            case MASK:
                return mask(value);
            case HASH:
                return "<" + category + ":sha256=" + saltedDigest(value) + ">";
            case PSEUDONYMISE:
                return PseudonymVault.of(content.state()).placeholderFor(category, value);
            default:
                throw new IllegalStateException("action " + action + " does not rewrite");
        }
    }

    /** Masks letters and digits but the last four, keeping separators; short values are masked whole. */
    static String mask(String value) {
        int alphanumerics = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                alphanumerics++;
            }
        }
        // keeping 4 of a value with fewer than 8 would reveal half of it or more
        int keep = alphanumerics >= 2 * MASK_KEEP ? MASK_KEEP : 0;
        int toMask = alphanumerics - keep;
        StringBuilder masked = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c) && toMask > 0) {
                masked.append('*');
                toMask--;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    private String saltedDigest(String value) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        sha256.update(salt);
        byte[] digest = sha256.digest(value.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[HASH_HEX_DIGITS];
        for (int i = 0; i < HASH_HEX_DIGITS / 2; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(hex);
    }

    private static byte[] randomSalt() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    @Override
    public String toString() {
        // the salt stays out: with it, a hashed value can be confirmed by guessing
        return "Redactor[default=" + defaultAction + ", actions=" + actionByCategory + "]";
    }

    /** Builds a {@link Redactor}. */
    public static final class Builder {
        private Action defaultAction = Action.REDACT;
        private final Map<String, Action> actionByCategory = new HashMap<>();
        private byte[] salt;

        private Builder() {
        }

        /**
         * Sets the action for categories without one of their own.
         *
         * @param action the action, not null
         * @return this builder
         */
        public Builder defaultAction(Action action) {
            this.defaultAction = Objects.requireNonNull(action, "default action");
            return this;
        }

        /**
         * Sets the action for one category.
         *
         * @param category the category, such as {@code EMAIL}; not blank
         * @param action the action, not null
         * @return this builder
         */
        public Builder action(String category, Action action) {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("category must not be blank, was " + (category == null ? "null" : "'" + category + "'"));
            }
            actionByCategory.put(category, Objects.requireNonNull(action, () -> "action for " + category));
            return this;
        }

        /**
         * Sets the actions for several categories.
         *
         * @param actions action per category
         * @return this builder
         */
        public Builder actions(Map<String, Action> actions) {
            actions.forEach(this::action);
            return this;
        }

        /**
         * Sets the salt for {@link Action#HASH}; use the same salt everywhere hashes must match.
         *
         * @param newSalt at least 16 bytes; copied
         * @return this builder
         */
        public Builder salt(byte[] newSalt) {
            Objects.requireNonNull(newSalt, "salt");
            if (newSalt.length < 16) {
                throw new IllegalArgumentException("salt must be at least 16 bytes, was " + newSalt.length);
            }
            this.salt = newSalt.clone();
            return this;
        }

        /**
         * Returns the redactor.
         *
         * @return the redactor
         */
        public Redactor build() {
            return new Redactor(this);
        }
    }
}
