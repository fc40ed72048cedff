package dev.guard4j.filters.words;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a rule's pattern after refusing the constructs that make backtracking explode, and
 * gives it a text view that stops the matcher after a budget of steps.
 */
final class SafeRegex {

    /** Character reads allowed per character of text, plus a fixed allowance, per rule and text. */
    static final int STEPS_PER_CHAR = 64;
    static final int BASE_STEPS = 20_000;

    private SafeRegex() {
    }

    /** Thrown by {@link Budgeted} when the matcher has read more characters than its budget. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    /**
     * Returns the compiled pattern.
     *
     * @throws IllegalArgumentException naming the rule and the reason when the pattern is unsafe or invalid
     */
    static Pattern compile(RegexRule rule) {
        String pattern = rule.pattern();
        String prefix = "regex rule '" + rule.name() + "': ";
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException(prefix + "the pattern is empty");
        }
        if (pattern.length() > RegexRule.MAX_PATTERN_LENGTH) {
            throw new IllegalArgumentException(prefix + "the pattern has " + pattern.length()
                    + " characters, more than the limit of " + RegexRule.MAX_PATTERN_LENGTH);
        }
        String problem = unsafeConstruct(pattern);
        if (problem != null) {
            throw new IllegalArgumentException(prefix + problem);
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(prefix + "invalid pattern: " + e.getDescription() + " near index " + e.getIndex(), e);
        }
        if (compiled.matcher("").matches()) {
            throw new IllegalArgumentException(prefix + "the pattern matches the empty text, so it would match everywhere");
        }
        return compiled;
    }

    private static final int NONE = 0;
    private static final int BOUNDED = 1;
    private static final int UNBOUNDED = 2;

    /**
     * Returns why the pattern is unsafe, or {@code null}.
     *
     * <p>A repeated group with something repeated inside is refused when either repetition is
     * unbounded ({@code (a+)+}, {@code (a{1,3})*}, {@code (.*a){12}}); bounded inside bounded
     * ({@code (\d{1,3}\.){3}}) costs at most the product of the bounds and is allowed.
     */
    static String unsafeConstruct(String p) {
        // one frame per open group: the strongest repetition inside it
        Deque<int[]> groups = new ArrayDeque<>();
        groups.push(new int[1]);
        int n = p.length();
        int i = 0;
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                char e = p.charAt(i + 1);
                if (e >= '1' && e <= '9' || e == 'k' && i + 2 < n && p.charAt(i + 2) == '<') {
                    return "backreferences are not allowed (they make matching exponential)";
                }
                if (e == 'Q') {
                    int end = p.indexOf("\\E", i + 2);
                    i = end < 0 ? n : end + 2;
                } else {
                    i += 2;
                }
                continue;
            }
            if (c == '[') {
                i = skipClass(p, i);
                continue;
            }
            if (c == '(') {
                groups.push(new int[1]);
                i++;
                continue;
            }
            if (c == ')') {
                int inner = groups.size() > 1 ? groups.pop()[0] : NONE;
                i++;
                int after = quantifierEnd(p, i);
                int outer = after > i ? repetition(p, i, after) : NONE;
                if (inner != NONE && outer != NONE && (inner == UNBOUNDED || outer == UNBOUNDED)) {
                    return "nested quantifiers such as (a+)+ are not allowed (they make matching exponential)";
                }
                int[] enclosing = groups.peek();
                enclosing[0] = Math.max(enclosing[0], Math.max(inner, outer));
                i = Math.max(i, after);
                continue;
            }
            int after = quantifierEnd(p, i);
            if (after > i) {
                int[] enclosing = groups.peek();
                enclosing[0] = Math.max(enclosing[0], repetition(p, i, after));
                i = after;
                continue;
            }
            i++;
        }
        return null;
    }

    private static int skipClass(String p, int i) {
        int depth = 0;
        int n = p.length();
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                // a ']' right after '[' or '[^' is a literal
                if (i + 1 < n && p.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < n && p.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return n;
    }

    /** Returns where the quantifier at {@code i} ends (including a lazy or possessive mark), or {@code i}. */
    private static int quantifierEnd(String p, int i) {
        int n = p.length();
        if (i >= n) {
            return i;
        }
        char c = p.charAt(i);
        int end;
        if (c == '*' || c == '+' || c == '?') {
            end = i + 1;
        } else if (c == '{') {
            int close = p.indexOf('}', i);
            if (close < 0 || !p.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
                return i;
            }
            end = close + 1;
        } else {
            return i;
        }
        if (end < n && (p.charAt(end) == '?' || p.charAt(end) == '+')) {
            end++;
        }
        return end;
    }

    /** Returns whether the quantifier {@code p[from, to)} repeats: not at all ({@code ?}, {@code {1}}), up to a bound, or without one. */
    private static int repetition(String p, int from, int to) {
        char c = p.charAt(from);
        if (c == '*' || c == '+') {
            return UNBOUNDED;
        }
        if (c == '?') {
            return NONE;
        }
        String body = p.substring(from + 1, p.indexOf('}', from));
        int comma = body.indexOf(',');
        if (comma < 0) {
            return Long.parseLong(body) > 1 ? BOUNDED : NONE;
        }
        String max = body.substring(comma + 1);
        if (max.isEmpty()) {
            return UNBOUNDED;
        }
        return Long.parseLong(max) > 1 ? BOUNDED : NONE;
    }

    /** A read-only view of a text that counts character reads and gives up past a budget. */
    static final class Budgeted implements CharSequence {
        private final CharSequence text;
        private final long[] remaining;

        Budgeted(CharSequence text) {
            this.text = text;
            this.remaining = new long[] {(long) STEPS_PER_CHAR * text.length() + BASE_STEPS};
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--remaining[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            // only group() asks for this, after a match; no further matching happens on it
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
