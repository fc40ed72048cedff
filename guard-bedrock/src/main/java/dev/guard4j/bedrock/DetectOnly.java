package dev.guard4j.bedrock;

import dev.guard4j.Content;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import java.util.Objects;

/**
 * Runs a filter in Bedrock's detect mode (action {@code NONE}): its findings are reported, but it
 * never blocks nor rewrites.
 */
final class DetectOnly implements InputValidator, OutputChecker {

    private final InputValidator input;
    private final OutputChecker output;

    private DetectOnly(InputValidator input, OutputChecker output) {
        this.input = input;
        this.output = output;
    }

    static DetectOnly input(InputValidator validator) {
        return new DetectOnly(Objects.requireNonNull(validator, "validator"), null);
    }

    static DetectOnly output(OutputChecker checker) {
        return new DetectOnly(null, Objects.requireNonNull(checker, "checker"));
    }

    @Override
    public Verdict validate(Content content) {
        return reportOnly(input.validate(content));
    }

    @Override
    public Verdict check(Content content) {
        return reportOnly(output.check(content));
    }

    @Override
    public boolean memoisable() {
        return input == null || input.memoisable();
    }

    private static Verdict reportOnly(Verdict verdict) {
        Objects.requireNonNull(verdict, "the wrapped filter returned null");
        return verdict.findings().isEmpty() ? Verdict.pass() : new Verdict.Pass(verdict.findings());
    }
}
