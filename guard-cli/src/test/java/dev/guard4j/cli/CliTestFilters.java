package dev.guard4j.cli;

import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small test-only filters for the CLI tests. */
public final class CliTestFilters {

    private CliTestFilters() {
    }

    /** Redacts {@code word@word.word} e-mail addresses to {@code <EMAIL>}, on input and output. */
    public static final class EmailRedactor implements InputValidator, OutputChecker {
        private static final Pattern EMAIL = Pattern.compile("[a-z]{1,20}@[a-z]{1,20}\\.[a-z]{2,5}");

        @Override
        public Verdict validate(Content input) {
            return redact(input.text());
        }

        @Override
        public Verdict check(Content output) {
            return redact(output.text());
        }

        private static Verdict redact(String text) {
            Matcher m = EMAIL.matcher(text);
            List<Finding> findings = new ArrayList<>();
            while (m.find()) {
                findings.add(new Finding("test.email", "EMAIL", m.start(), m.end(), 0.9));
            }
            return findings.isEmpty() ? Verdict.pass() : Verdict.rewrite(m.replaceAll("<EMAIL>"), findings);
        }
    }

    /** The {@code cli-email} factory. */
    public static final class EmailFactory implements FilterFactory {
        @Override
        public String name() {
            return "cli-email";
        }

        @Override
        public Object create(FilterSettings settings) {
            return new EmailRedactor();
        }
    }

    /** The {@code cli-word} factory: reports a word (setting {@code word}), blocking when {@code block: true}. */
    public static final class WordFactory implements FilterFactory {
        @Override
        public String name() {
            return "cli-word";
        }

        @Override
        public Object create(FilterSettings settings) {
            String word = settings.string("word", "secret");
            boolean block = settings.flag("block", false);
            return new WordFilter(word, block);
        }
    }

    record WordFilter(String word, boolean block) implements InputValidator, OutputChecker {
        @Override
        public Verdict validate(Content input) {
            return find(input.text());
        }

        @Override
        public Verdict check(Content output) {
            return find(output.text());
        }

        private Verdict find(String text) {
            int at = text.indexOf(word);
            if (at < 0) {
                return Verdict.pass();
            }
            Finding f = new Finding("test.word", "TEST_WORD", at, at + word.length(), 1.0);
            return block ? Verdict.block("word '" + word + "'", f) : Verdict.pass(f);
        }
    }

    /** The {@code cli-stateful} factory: a non-memoisable validator that reports "x" wherever it sees it and counts calls. */
    public static final class StatefulFactory implements FilterFactory {
        static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String name() {
            return "cli-stateful";
        }

        @Override
        public Object create(FilterSettings settings) {
            return new InputValidator() {
                @Override
                public Verdict validate(Content input) {
                    CALLS.incrementAndGet();
                    int at = input.text().indexOf('x');
                    return at < 0 ? Verdict.pass() : Verdict.pass(new Finding("test.x", "TEST_X", at, at + 1, 0.5));
                }

                @Override
                public boolean memoisable() {
                    return false;
                }
            };
        }
    }
}
