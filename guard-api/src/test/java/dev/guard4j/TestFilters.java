package dev.guard4j;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small filters for the guard's own tests. */
final class TestFilters {

    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private TestFilters() {
    }

    /** Replaces e-mail addresses with {@code <EMAIL>}; usable on input and output. */
    static final class RedactEmails implements InputValidator, OutputChecker {
        final List<String> seen = new ArrayList<>();

        @Override
        public Verdict validate(Content input) {
            return redact(input);
        }

        @Override
        public Verdict check(Content output) {
            return redact(output);
        }

        private synchronized Verdict redact(Content content) {
            seen.add(content.text());
            Matcher matcher = EMAIL.matcher(content.text());
            List<Finding> findings = new ArrayList<>();
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (matcher.find()) {
                findings.add(new Finding("test.email", "EMAIL", matcher.start(), matcher.end(), 1.0));
                out.append(content.text(), last, matcher.start()).append("<EMAIL>");
                last = matcher.end();
            }
            if (findings.isEmpty()) {
                return Verdict.pass();
            }
            out.append(content.text().substring(last));
            return Verdict.rewrite(out.toString(), findings);
        }
    }

    /** Blocks text that contains a word. */
    static InputValidator blockWord(String word) {
        return input -> {
            int at = input.text().indexOf(word);
            return at < 0 ? Verdict.pass() : Verdict.block("forbidden word", new Finding("test.word", "WORD", at, at + word.length(), 1.0));
        };
    }

    /** Blocks output that contains a word. */
    static OutputChecker blockOutputWord(String word) {
        return output -> {
            int at = output.text().indexOf(word);
            return at < 0 ? Verdict.pass() : Verdict.block("forbidden word", new Finding("test.word", "WORD", at, at + word.length(), 1.0));
        };
    }
}
