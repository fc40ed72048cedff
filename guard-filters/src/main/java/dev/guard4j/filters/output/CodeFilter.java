package dev.guard4j.filters.output;

import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects source code and shell commands in text, for applications that must not emit (or
 * accept) them, and blocks text whose score reaches the threshold.
 *
 * <p>Evidence and its score: a dangerous shell command ({@code rm -rf}, {@code curl ... | sh},
 * {@code mkfs}, {@code dd if=}, a fork bomb) 0.95; a shebang line 0.9; a markdown code fence 0.8;
 * lines that read as statements of a major language (Python, Java, C#, C, JavaScript, Go, Rust,
 * SQL, shell pipelines and package-manager commands) 0.4 for one line, 0.7 for two and 0.9 for
 * three or more. The score is the strongest evidence. Statement patterns need the syntax of code
 * (a lower-case keyword at the start of a line, parentheses, braces, semicolons, a pipe), so
 * prose that merely mentions "import", "class" or "function" does not score.
 */
public final class CodeFilter implements OutputChecker, InputValidator {

    /** Category of source code. */
    public static final String CODE = "CODE";
    /** Category of a shell command. */
    public static final String SHELL_COMMAND = "SHELL_COMMAND";

    private static final int MAX_LINE = 500;

    /**
     * Dangerous commands, each found by a literal it starts with and then matched once, anchored
     * there: a few {@code indexOf} scans instead of a seven-way alternation at every position.
     */
    private static final DangerousCommand[] DANGEROUS = {
        new DangerousCommand("rm", true, "rm\\s+-[a-zA-Z]*[rRf][a-zA-Z]*\\s+\\S"),
        new DangerousCommand("curl", true, "curl\\b[^\\n|]{0,300}\\|\\s*(?:sudo\\s+)?(?:ba|z|k|da)?sh\\b"),
        new DangerousCommand("wget", true, "wget\\b[^\\n|]{0,300}\\|\\s*(?:sudo\\s+)?(?:ba|z|k|da)?sh\\b"),
        new DangerousCommand(":(", false, ":\\(\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*\\}\\s*;\\s*:"),
        new DangerousCommand("mkfs", true, "mkfs(?:\\.\\w+)?\\s+/dev/"),
        new DangerousCommand("dd", true, "dd\\s+if=\\S+\\s+of="),
        new DangerousCommand(">", false, ">\\s*/dev/sd[a-z]\\b"),
        new DangerousCommand("chmod", true, "chmod\\s+(?:-R\\s+)?(?:777|\\+x)\\s+\\S"),
    };
    private static final Pattern SHEBANG = Pattern.compile("(?m)^#!\\s*/[\\w/]+");
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]{0,3}```[ \\t]*[\\w+#.-]*[ \\t]*$");
    private static final Pattern[] STATEMENTS = {
        // Python
        Pattern.compile("^(?:async\\s+)?def\\s+\\w+\\s*\\([^)]*\\)\\s*(?:->\\s*[\\w\\[\\], .]+)?:\\s*$"),
        Pattern.compile("^class\\s+\\w+\\s*(?:\\([\\w., ]*\\))?\\s*:\\s*$"),
        Pattern.compile("^(?:from\\s+[\\w.]+\\s+)?import\\s+[\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+)*\\s*;?\\s*$"),
        Pattern.compile("^(?:if|elif|for|while|with)\\s[^:]{1,200}:\\s*$"),
        Pattern.compile("^print\\(.*\\)\\s*$"),
        // Java, C#, C, C++, JavaScript, Go, Rust
        Pattern.compile("^(?:public|private|protected|internal)\\s+(?:static\\s+|final\\s+|abstract\\s+|async\\s+)*[\\w<>\\[\\],.?]+(?:\\s+\\w+)?\\s*\\(.*\\)\\s*(?:throws\\s+[\\w., ]+)?\\s*\\{?\\s*$"),
        Pattern.compile("^(?:public\\s+|abstract\\s+|final\\s+|export\\s+)*(?:class|interface|enum|record|struct)\\s+\\w+.*\\{\\s*$"),
        Pattern.compile("^(?:package\\s+[\\w.]+|import\\s+(?:static\\s+)?[\\w.*]+|using\\s+[\\w.]+)\\s*;\\s*$"),
        Pattern.compile("^#\\s*(?:include\\s*[<\"]|define\\s+\\w+|ifndef\\s+\\w+)"),
        Pattern.compile("^(?:const|let|var)\\s+[\\w{}\\[\\], ]+\\s*=\\s*\\S.*$"),
        Pattern.compile("^(?:async\\s+)?function\\s*\\w*\\s*\\([^)]*\\)\\s*\\{"),
        Pattern.compile("^(?:pub\\s+)?(?:fn|func)\\s+(?:\\([^)]*\\)\\s*)?\\w+\\s*[(<]"),
        Pattern.compile("^(?:if|for|while|switch|catch)\\s*\\(.*\\)\\s*\\{?\\s*$"),
        Pattern.compile("^\\}\\s*(?:else(?:\\s+if\\s*\\(.*\\))?\\s*\\{|catch\\s*\\(.*\\)\\s*\\{|finally\\s*\\{)?\\s*;?\\s*$"),
        Pattern.compile("^return\\b.*;\\s*$"),
        Pattern.compile("^[\\w.\\[\\]]+\\s*(?:[+\\-*/]?=|\\+\\+|--)\\s*.*;\\s*$"),
        Pattern.compile("^[\\w.]+(?:<[\\w<>, ]*>)?\\s*\\(.*\\)\\s*;\\s*$"),
        Pattern.compile("(?:console\\.log|System\\.out\\.print\\w*|printf|fmt\\.Print\\w*|println!)\\s*\\("),
        // SQL
        Pattern.compile("^(?:SELECT\\s.+\\sFROM\\s|INSERT\\s+INTO\\s|UPDATE\\s+\\w+\\s+SET\\s|DELETE\\s+FROM\\s|CREATE\\s+(?:TABLE|INDEX|VIEW)\\s|DROP\\s+(?:TABLE|DATABASE)\\s)"),
        // shell
        Pattern.compile("^\\$\\s+[a-z][\\w.-]*(?:\\s|$)"),
        Pattern.compile("^(?:sudo\\s+)?(?:(?:apt(?:-get)?|yum|dnf|brew|pip3?|npm|yarn|cargo)\\s+(?:install|remove|uninstall|update|upgrade|add|run|build)"
                + "|docker\\s+(?:run|build|exec|pull|push|compose|ps|rm|stop)|kubectl\\s+(?:apply|get|delete|describe|exec|logs|create)"
                + "|git\\s+(?:clone|commit|push|pull|checkout|add|status|log|diff|merge|rebase|reset|init|remote|fetch|branch|stash)"
                + "|systemctl\\s+(?:start|stop|restart|enable|status)|export\\s+[A-Z_][A-Z0-9_]*=\\S*)(?:\\b|$)"),
        Pattern.compile("^[a-z][\\w.-]*(?:\\s+[^|\\s]+)*\\s*\\|\\s*(?:grep|awk|sed|xargs|sort|uniq|head|tail|wc|tr|cut|tee|jq)\\b"),
    };

    private final double threshold;

    private CodeFilter(double threshold) {
        this.threshold = threshold;
    }

    /**
     * Returns a filter that blocks at score 0.5: a fence, a shebang, a dangerous command, or two lines of code.
     *
     * @return a filter that blocks at score 0.5: a fence, a shebang, a dangerous command, or two lines of code
     */
    public static CodeFilter ofDefaults() {
        return new CodeFilter(0.5);
    }

    /**
     * Returns a filter that blocks text scoring at least {@code threshold}.
     *
     * @param threshold in (0, 1]
     * @return the filter
     */
    public static CodeFilter withThreshold(double threshold) {
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        return new CodeFilter(threshold);
    }

    @Override
    public Verdict check(Content output) {
        return verdict(output.text());
    }

    @Override
    public Verdict validate(Content input) {
        return verdict(input.text());
    }

    /**
     * Returns the evidence of code in the text, strongest first; each finding's score is the evidence's own.
     *
     * @param text the text
     * @return the findings; empty when there is no evidence
     */
    public List<Finding> detect(String text) {
        List<Finding> findings = new ArrayList<>();
        for (DangerousCommand command : DANGEROUS) {
            command.findAll(text, findings);
        }
        addAll(findings, SHEBANG.matcher(text), "code.shebang", CODE, 0.9);
        addAll(findings, FENCE.matcher(text), "code.fence", CODE, 0.8);
        List<int[]> codeLines = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            int from = lineStart;
            while (from < lineEnd && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            if (from < lineEnd && isStatement(text.substring(from, Math.min(lineEnd, from + MAX_LINE)).stripTrailing())) {
                codeLines.add(new int[] {from, lineEnd});
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        if (!codeLines.isEmpty()) {
            double score = codeLines.size() >= 3 ? 0.9 : codeLines.size() == 2 ? 0.7 : 0.4;
            for (int[] line : codeLines) {
                findings.add(new Finding("code.statement", CODE, line[0], line[1], score));
            }
        }
        findings.sort(Comparator.comparingDouble(Finding::score).reversed().thenComparingInt(Finding::start));
        return findings;
    }

    private Verdict verdict(String text) {
        List<Finding> findings = detect(text);
        if (findings.isEmpty() || findings.get(0).score() < threshold) {
            return Verdict.pass();
        }
        Finding strongest = findings.get(0);
        return Verdict.block(String.format(Locale.ROOT, "text contains %s (score %.2f)",
                strongest.category().equals(SHELL_COMMAND) ? "a shell command" : "source code", strongest.score()), findings);
    }

    private static boolean isStatement(String line) {
        for (Pattern statement : STATEMENTS) {
            Matcher matcher = statement.matcher(line);
            // anchored patterns need one attempt at the start, not a search along the line
            if (statement.pattern().startsWith("^") ? matcher.lookingAt() : matcher.find()) {
                return true;
            }
        }
        return false;
    }

    /** A dangerous command: the literal it starts with, whether that literal must start a word, and the pattern from there. */
    private record DangerousCommand(String literal, boolean wordStart, Pattern pattern) {
        DangerousCommand(String literal, boolean wordStart, String regex) {
            this(literal, wordStart, Pattern.compile(regex));
        }

        void findAll(String text, List<Finding> findings) {
            Matcher matcher = pattern.matcher(text);
            int from = 0;
            for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, from)) {
                from = at + 1;
                if (wordStart && at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
                    continue;
                }
                matcher.region(at, text.length());
                if (matcher.lookingAt()) {
                    findings.add(new Finding("code.dangerous-shell", SHELL_COMMAND, at, matcher.end(), 0.95));
                    from = matcher.end();
                }
            }
        }
    }

    private static void addAll(List<Finding> findings, Matcher matcher, String detector, String category, double score) {
        while (matcher.find()) {
            findings.add(new Finding(detector, category, matcher.start(), matcher.end(), score));
        }
    }
}
