package dev.guard4j.filters.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.GuardPolicy;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodeFilterTest {

    private final CodeFilter filter = CodeFilter.ofDefaults();

    static Stream<Arguments> code() {
        return Stream.of(
                Arguments.of("markdown fence", "Try this:\n```python\nx = 1\n```", "code.fence", CodeFilter.CODE),
                Arguments.of("shebang", "#!/bin/bash\necho hi", "code.shebang", CodeFilter.CODE),
                Arguments.of("rm -rf", "Just run rm -rf / and start over.", "code.dangerous-shell", CodeFilter.SHELL_COMMAND),
                Arguments.of("curl piped to sh", "Install: curl -fsSL https://get.example.sh | sudo bash", "code.dangerous-shell",
                        CodeFilter.SHELL_COMMAND),
                Arguments.of("fork bomb", ":(){ :|:& };:", "code.dangerous-shell", CodeFilter.SHELL_COMMAND),
                Arguments.of("python function", "def total(items):\n    return sum(i.price for i in items)\nprint(total(cart))",
                        "code.statement", CodeFilter.CODE),
                Arguments.of("java method", "public static void main(String[] args) {\n    System.out.println(\"hi\");\n}",
                        "code.statement", CodeFilter.CODE),
                Arguments.of("javascript", "const total = items.reduce((a, b) => a + b, 0);\nconsole.log(total);",
                        "code.statement", CodeFilter.CODE),
                Arguments.of("c include", "#include <stdio.h>\nint main() {\n  printf(\"hi\");\n}", "code.statement", CodeFilter.CODE),
                Arguments.of("go", "func main() {\n\tfmt.Println(\"hi\")\n}", "code.statement", CodeFilter.CODE),
                Arguments.of("sql", "SELECT name, email FROM users WHERE id = 1;\nDELETE FROM users WHERE id = 2;", "code.statement",
                        CodeFilter.CODE),
                Arguments.of("shell pipeline", "cat /var/log/syslog | grep error\nsudo apt-get install nginx", "code.statement",
                        CodeFilter.CODE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("code")
    void blocksCodeAndShellCommands(String description, String text, String detector, String category) {
        Verdict verdict = filter.check(Content.of(text, Content.Source.MODEL));

        assertThat(verdict).isInstanceOf(Verdict.Block.class);
        Finding strongest = verdict.findings().get(0);
        assertThat(strongest.detector()).isEqualTo(detector);
        assertThat(strongest.category()).isEqualTo(category);
        assertThat(strongest.end()).isGreaterThan(strongest.start()).isLessThanOrEqualTo(text.length());
    }

    static Stream<Arguments> prose() {
        return Stream.of(
                Arguments.of("code words in prose", "Import duties rose in March. My yoga class starts at nine, and the function"
                        + " of the board is to return a profit to shareholders while we print the annual report."),
                Arguments.of("one code-like line only", "The answer is below.\nprint(\"hello\")\nThat is all."),
                Arguments.of("programming talk without code", "Python is popular because its syntax is readable; a class groups"
                        + " data and behaviour, and a for loop repeats work. Git lets teams commit changes safely."),
                Arguments.of("lists and punctuation", "Steps:\n1. Open the app.\n2. Tap Settings (top right).\n3. Choose Save;"
                        + " done."),
                Arguments.of("removal in prose", "Please remove the files from the shared folder, then empty the bin."),
                Arguments.of("empty", ""),
                Arguments.of("binary", "\u0000\uD800\u0001\uDFFF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prose")
    void passesProseThatMentionsCodeWords(String description, String text) {
        assertThat(filter.check(Content.of(text, Content.Source.MODEL))).isEqualTo(Verdict.pass());
    }

    @Test
    void oneStatementLineScoresBelowTheDefaultButAboveALowThreshold() {
        String text = "Use this:\nimport numpy as np";

        assertThat(filter.detect(text)).extracting(Finding::score).containsExactly(0.4);
        assertThat(CodeFilter.withThreshold(0.3).check(Content.of(text, Content.Source.MODEL))).isInstanceOf(Verdict.Block.class);
    }

    @Test
    void worksAsAnInputValidatorToo() {
        assertThat(filter.validate(Content.of("#!/bin/sh\nrm -rf ~/x", Content.Source.USER))).isInstanceOf(Verdict.Block.class);
    }

    @Test
    void hostileInputGetsAVerdict() {
        String longLines = ("a(" + "(".repeat(10_000) + ";\n").repeat(200);
        String manyLines = "x = 1;\n".repeat(500_000);

        assertThat(filter.check(Content.of(longLines, Content.Source.MODEL))).isNotNull();
        assertThat(filter.check(Content.of(manyLines, Content.Source.MODEL))).isInstanceOf(Verdict.Block.class);
    }

    @Test
    void factoryReadsTheThreshold() {
        Object made = GuardPolicy.createFilter(new CodeFilterFactory(), "threshold: 0.95");

        assertThat(((CodeFilter) made).check(Content.of("```\nx\n```", Content.Source.MODEL))).isEqualTo(Verdict.pass());
        assertThatThrownBy(() -> CodeFilter.withThreshold(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
