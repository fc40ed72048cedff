package dev.guard4j.filters.policy;

import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test-only filter factories that read every kind of setting and record what they read. */
public final class TestFactories {

    private TestFactories() {
    }

    /** The modes a test setting chooses from. */
    public enum Mode {
        REDACT,
        BLOCK
    }

    /**
     * What {@link Replacing} read from its settings.
     */
    public record Read(String word, String label, double threshold, int maxHits, boolean caseSensitive, List<String> extra,
            Mode mode, Map<String, String> actions, Optional<String> nestedColour, List<String> ruleIds, Optional<Path> list,
            Duration timeout) {
    }

    /** Replaces a word with {@code <WORD>} on input and output; reads one setting of every kind. */
    public static final class Replacing implements InputValidator, OutputChecker {
        final Read read;

        Replacing(Read read) {
            this.read = read;
        }

        @Override
        public Verdict validate(Content input) {
            return apply(input.text());
        }

        @Override
        public Verdict check(Content output) {
            return apply(output.text());
        }

        private Verdict apply(String text) {
            int at = text.indexOf(read.word());
            if (at < 0) {
                return Verdict.pass();
            }
            Finding finding = new Finding("test." + read.word(), "TEST_WORD", at, at + read.word().length(), read.threshold());
            if (read.mode() == Mode.BLOCK) {
                return Verdict.block("test word", finding);
            }
            return Verdict.rewrite(text.replace(read.word(), "<" + read.label() + ">"), finding);
        }
    }

    /** The {@code test-replace} factory. */
    public static final class ReplacingFactory implements FilterFactory {
        @Override
        public String name() {
            return "test-replace";
        }

        @Override
        public Object create(FilterSettings s) {
            String word = s.string("word").orElseThrow(() -> s.error("word", "the word to replace is required"));
            Map<String, String> actions = s.stringMap("actions");
            for (Map.Entry<String, String> e : actions.entrySet()) {
                if (!e.getValue().equals("REDACT") && !e.getValue().equals("BLOCK")) {
                    throw s.error("actions." + e.getKey(), "unknown action '" + e.getValue() + "'");
                }
            }
            Optional<String> colour = s.section("nested").map(n -> n.string("colour", "none"));
            List<String> ruleIds = s.sections("rules").stream().map(r -> r.string("id", "?")).toList();
            return new Replacing(new Read(word, s.string("label", "WORD"), s.number("threshold", 0.5, 0.0, 1.0),
                    s.integer("maxHits", 10, 1, 100), s.flag("caseSensitive", true), s.strings("extra"),
                    s.choice("mode", Mode.class, Mode.REDACT), actions, colour, ruleIds, s.path("list"),
                    s.duration("timeout", Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofSeconds(30))));
        }
    }

    /** The {@code test-input-only} factory: a validator that is not an output checker. */
    public static final class InputOnlyFactory implements FilterFactory {
        @Override
        public String name() {
            return "test-input-only";
        }

        @Override
        public Object create(FilterSettings settings) {
            InputValidator validator = input -> Verdict.pass();
            return validator;
        }
    }

    /** The {@code test-null} factory: returns null, which the loader must refuse. */
    public static final class NullFactory implements FilterFactory {
        @Override
        public String name() {
            return "test-null";
        }

        @Override
        public Object create(FilterSettings settings) {
            return null;
        }
    }

    /** The {@code test-throwing} factory: fails with a plain exception. */
    public static final class ThrowingFactory implements FilterFactory {
        @Override
        public String name() {
            return "test-throwing";
        }

        @Override
        public Object create(FilterSettings settings) {
            throw new IllegalStateException("cannot open the model file");
        }
    }

    /** A custom factory referenced by class name (not registered as a service). */
    public static final class CustomFactory implements FilterFactory {
        @Override
        public String name() {
            return "custom-upper";
        }

        @Override
        public Object create(FilterSettings settings) {
            String suffix = settings.string("suffix", "");
            InputValidator validator = input -> Verdict.rewrite(input.text().toUpperCase(java.util.Locale.ROOT) + suffix);
            return validator;
        }
    }

    /** A factory class without a public no-arg constructor. */
    public static final class NoDefaultConstructorFactory implements FilterFactory {
        /** Needs an argument, so the policy loader cannot make it. */
        public NoDefaultConstructorFactory(String unused) {
        }

        @Override
        public String name() {
            return "no-default";
        }

        @Override
        public Object create(FilterSettings settings) {
            return (InputValidator) input -> Verdict.pass();
        }
    }
}
