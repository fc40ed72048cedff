package dev.guard4j.filters.pii;

/**
 * What the first character of a pattern's match can be, read from the pattern's source, so that
 * a pattern is not even tried at a place where it cannot start (a card number at a word of prose).
 *
 * <p>The reading is deliberately shallow: anything it does not recognise is {@link #ANY}, which
 * tries every place, so a wrong guess can only cost time, never a match.
 */
enum FirstChar {
    /** An ASCII digit. */
    DIGIT,
    /** An upper-case ASCII letter. */
    UPPER,
    /** An ASCII digit or an upper-case ASCII letter. */
    DIGIT_OR_UPPER,
    /** Anything. */
    ANY;

    private static final String[] LOOKAROUNDS = {"(?<=", "(?<!", "(?=", "(?!"};

    /** Returns whether a match can start with {@code c}. */
    boolean admits(char c) {
        switch (this) {
            case DIGIT:
                return c >= '0' && c <= '9';
            case UPPER:
                return c >= 'A' && c <= 'Z';
            case DIGIT_OR_UPPER:
                return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
            default:
                return true;
        }
    }

    /** Reads the first character's kind from a regular expression's source. */
    static FirstChar of(String regex) {
        String rest = regex;
        boolean stripped = true;
        while (stripped) {
            // zero-width assertions consume nothing, so the first character comes after them
            stripped = false;
            if (rest.startsWith("\\b")) {
                rest = rest.substring(2);
                stripped = true;
            }
            for (String lookaround : LOOKAROUNDS) {
                if (rest.startsWith(lookaround)) {
                    int close = closingParen(rest);
                    if (close < 0) {
                        return ANY;
                    }
                    rest = rest.substring(close + 1);
                    stripped = true;
                }
            }
        }
        boolean capturing = rest.startsWith("(") && !rest.startsWith("(?");
        if (!rest.startsWith("(?:") && !capturing) {
            return single(rest);
        }
        int close = closingParen(rest);
        if (close < 0) {
            return ANY;
        }
        FirstChar kind = null;
        for (String alternative : alternatives(rest.substring(capturing ? 1 : 3, close))) {
            kind = join(kind, of(alternative));
        }
        if (close + 1 < rest.length() && rest.charAt(close + 1) == '?') {
            // an optional group: the match starts with the group or with what follows it
            return join(kind, of(rest.substring(close + 2)));
        }
        return optional(rest, close + 1) ? ANY : kind;
    }

    private static FirstChar single(String atom) {
        if (atom.startsWith("\\d")) {
            return optional(atom, 2) ? ANY : DIGIT;
        }
        if (!atom.isEmpty() && atom.charAt(0) >= '0' && atom.charAt(0) <= '9') {
            return optional(atom, 1) ? ANY : DIGIT;
        }
        if (!atom.isEmpty() && atom.charAt(0) >= 'A' && atom.charAt(0) <= 'Z') {
            return optional(atom, 1) ? ANY : UPPER;
        }
        if (atom.startsWith("[") && !atom.startsWith("[^")) {
            int end = atom.indexOf(']');
            if (end < 0 || optional(atom, end + 1)) {
                return ANY;
            }
            boolean digits = true;
            boolean upper = true;
            for (int i = 1; i < end; i++) {
                char c = atom.charAt(i);
                digits &= c >= '0' && c <= '9' || c == '-';
                upper &= c >= 'A' && c <= 'Z' || c == '-';
            }
            return digits ? DIGIT : upper ? UPPER : ANY;
        }
        return ANY;
    }

    private static FirstChar join(FirstChar a, FirstChar b) {
        if (a == null || a == b) {
            return b;
        }
        if (a == ANY || b == ANY) {
            return ANY;
        }
        return DIGIT_OR_UPPER;
    }

    /** Returns whether the quantifier at {@code at} lets the preceding atom be absent. */
    private static boolean optional(String regex, int at) {
        return at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '*' || regex.startsWith("{0", at));
    }

    private static int closingParen(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = regex.indexOf(']', i + 1);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static java.util.List<String> alternatives(String body) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = Math.max(i, body.indexOf(']', i + 1));
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(body.substring(from, i));
                from = i + 1;
            }
        }
        out.add(body.substring(from));
        return out;
    }
}
