package dev.guard4j;

import java.util.List;
import java.util.Objects;

/**
 * What a filter decided about one piece of text: let it pass, rewrite it, or block the call.
 *
 * <p>Every verdict may carry {@link Finding}s, so a filter can report what it saw without
 * acting on it (a pass with findings is "report only").
 *
 * <pre>{@code
 * return findings.isEmpty() ? Verdict.pass() : Verdict.block("card number in prompt", findings);
 * }</pre>
 */
public sealed interface Verdict permits Verdict.Pass, Verdict.Rewrite, Verdict.Block {

    /**
     * Returns what the filter found, in no particular order; empty when it found nothing.
     *
     * @return what the filter found, in no particular order; empty when it found nothing
     */
    List<Finding> findings();

    /**
     * Returns which of the three verdicts this is, for use in a {@code switch}.
     *
     * @return which of the three verdicts this is, for use in a {@code switch}
     */
    Kind kind();

    /**
     * Returns a verdict that lets the text through unchanged and reports nothing.
     *
     * @return a verdict that lets the text through unchanged and reports nothing
     */
    static Pass pass() {
        return Pass.EMPTY;
    }

    /**
     * Returns a verdict that lets the text through unchanged but reports findings.
     *
     * @param findings what the filter saw
     * @return the verdict
     */
    static Pass pass(Finding... findings) {
        return findings.length == 0 ? Pass.EMPTY : new Pass(List.of(findings));
    }

    /**
     * Returns a verdict that replaces the text, for instance with a redacted version.
     *
     * @param newText the text that the next filter, the model or the caller receives instead
     * @param findings what was found and replaced
     * @return the verdict
     */
    static Rewrite rewrite(String newText, Finding... findings) {
        return new Rewrite(newText, List.of(findings));
    }

    /**
     * Same as {@link #rewrite(String, Finding...)}, with the findings in a list.
     *
     * @param newText the text that the next filter, the model or the caller receives instead
     * @param findings what caused the block
     * @return the result
     */
    static Rewrite rewrite(String newText, List<Finding> findings) {
        return new Rewrite(newText, findings);
    }

    /**
     * Returns a verdict that stops the call: the model is never called (input), or the answer
     * never reaches the caller (output).
     *
     * @param reason a short explanation without the offending text, for logs and the exception message
     * @param findings what caused the block
     * @return the verdict
     */
    static Block block(String reason, Finding... findings) {
        return new Block(reason, List.of(findings));
    }

    /**
     * Same as {@link #block(String, Finding...)}, with the findings in a list.
     *
     * @param reason why, without the offending text
     * @param findings what caused the block
     * @return the result
     */
    static Block block(String reason, List<Finding> findings) {
        return new Block(reason, findings);
    }

    /** The three kinds of verdict. */
    enum Kind {
        /** The text goes on unchanged. */
        PASS,
        /** The text goes on replaced. */
        REWRITE,
        /** The call stops. */
        BLOCK
    }

    /**
     * The text goes on unchanged.
     *
     * @param findings what the filter saw without acting on it
     */
    record Pass(List<Finding> findings) implements Verdict {
        private static final Pass EMPTY = new Pass(List.of());

        /**
         * Copies the findings into an immutable list.
         *
         * @param findings what caused the block
         */
        public Pass {
            findings = List.copyOf(findings);
        }

        @Override
        public Kind kind() {
            return Kind.PASS;
        }
    }

    /**
     * The text goes on replaced by {@code text}.
     *
     * @param text the replacement
     * @param findings what was found and replaced
     */
    record Rewrite(String text, List<Finding> findings) implements Verdict {
        /**
         * Checks the replacement and copies the findings into an immutable list.
         *
         * @param text the replacement
         * @param findings what caused the block
         */
        public Rewrite {
            Objects.requireNonNull(text, "a rewrite needs the new text");
            findings = List.copyOf(findings);
        }

        @Override
        public Kind kind() {
            return Kind.REWRITE;
        }

        @Override
        public String toString() {
            // never print the text: it may still hold what a later filter has to remove
            return "Rewrite[length=" + text.length() + ", findings=" + findings + "]";
        }
    }

    /**
     * The call stops.
     *
     * @param reason why, without the offending text
     * @param findings what caused the block
     */
    record Block(String reason, List<Finding> findings) implements Verdict {
        /**
         * Checks the reason and copies the findings into an immutable list.
         *
         * @param reason why, without the offending text
         * @param findings what caused the block
         */
        public Block {
            Objects.requireNonNull(reason, "a block needs a reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a block needs a non-blank reason");
            }
            findings = List.copyOf(findings);
        }

        @Override
        public Kind kind() {
            return Kind.BLOCK;
        }
    }
}
