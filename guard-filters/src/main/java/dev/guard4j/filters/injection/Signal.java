package dev.guard4j.filters.injection;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hand-written phrase signal: literal lead words that must occur, then a bounded pattern.
 *
 * <p>The regex runs only where a lead occurs ({@link SignalScanner} finds every lead of every
 * signal in one pass), so text without any lead costs no regex at all. Every gap in the patterns is bounded
 * ({@code {0,40}}), so matching stays linear in the text length.
 */
record Signal(String id, Kind kind, double weight, List<String> leads, Pattern pattern) {

    /** The longest text one match may span; every pattern's gaps are bounded well below it. */
    static final int MAX_MATCH = 1200;

    /** What family a signal belongs to; the family decides the finding's category. */
    enum Kind {
        OVERRIDE(false),
        ROLE_REASSIGNMENT(false),
        CHAT_TEMPLATE(false),
        PROMPT_EXFILTRATION(false),
        PERSONA(true),
        REFUSAL_SUPPRESSION(true),
        MARKDOWN_EXFILTRATION(false),
        TOOL_COERCION(false),
        AIMED_AT_MODEL(false),
        HIDDEN_INSTRUCTION(false);

        /** Whether signals of this kind look at markup and punctuation, which normalisation would fold away. */
        boolean structural() {
            return this == CHAT_TEMPLATE || this == MARKDOWN_EXFILTRATION || this == HIDDEN_INSTRUCTION;
        }

        private final boolean jailbreak;

        Kind(boolean jailbreak) {
            this.jailbreak = jailbreak;
        }

        boolean jailbreak() {
            return jailbreak;
        }
    }

    /**
     * Makes a signal whose regex is the leads (as literals) followed by {@code rest}.
     *
     * @param wordStart whether the leads must start at a word boundary (for alphabetic scripts)
     */
    static Signal of(String id, Kind kind, double weight, boolean wordStart, String leads, String rest) {
        return of(id, kind, weight, wordStart, List.of(leads.split("\\|")), rest);
    }

    /** Makes a signal that matches any of the literals, which may contain {@code |} themselves. */
    static Signal literals(String id, Kind kind, double weight, String... literals) {
        return of(id, kind, weight, false, List.of(literals), "");
    }

    private static Signal of(String id, Kind kind, double weight, boolean wordStart, List<String> rawLeads, String rawRest) {
        // the normaliser strips accents from Latin letters ("précédentes" becomes "precedentes"), so the patterns must too
        List<String> leadList = kind.structural() ? rawLeads : rawLeads.stream().map(Signal::stripLatinAccents).toList();
        String rest = kind.structural() ? rawRest : stripLatinAccents(rawRest);
        StringBuilder regex = new StringBuilder(wordStart ? "\\b(?:" : "(?:");
        for (int i = 0; i < leadList.size(); i++) {
            regex.append(i == 0 ? "" : "|").append(Pattern.quote(leadList.get(i)));
        }
        regex.append(')').append(rest);
        return new Signal(id, kind, weight, leadList, Pattern.compile(regex.toString()));
    }

    static String stripLatinAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            boolean mark = Character.getType(c) == Character.NON_SPACING_MARK;
            if (mark && out.length() > 0 && Character.UnicodeScript.of(out.charAt(out.length() - 1)) == Character.UnicodeScript.LATIN) {
                continue;
            }
            out.append(c);
        }
        return Normalizer.normalize(out.toString(), Normalizer.Form.NFC).replace("ß", "ss");
    }

    /**
     * Returns the earliest match in the folded text, or {@code null}.
     *
     * <p>The regex is tried only where a lead occurs, anchored there and confined to
     * {@link #MAX_MATCH} characters, so the cost grows with the number of lead occurrences, never
     * with the text length times the number of alternatives.
     */
    Matcher find(String folded) {
        Matcher best = null;
        Matcher matcher = null;
        for (String lead : leads) {
            int limit = best == null ? folded.length() : best.start();
            for (int at = folded.indexOf(lead); at >= 0 && at < limit; at = folded.indexOf(lead, at + 1)) {
                if (matcher == null) {
                    matcher = matcher(folded);
                }
                if (matchAt(matcher, folded, at)) {
                    best = matcher;
                    matcher = null;
                    break;
                }
            }
        }
        return best;
    }

    /** Returns a matcher of this signal's pattern over a text, for {@link #matchAt}. */
    Matcher matcher(String folded) {
        return pattern.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /**
     * Tries the pattern anchored at one position, confined to {@link #MAX_MATCH} characters.
     *
     * @return whether it matched; the matcher then holds the match
     */
    boolean matchAt(Matcher matcher, String folded, int at) {
        matcher.region(at, Math.min(folded.length(), at + MAX_MATCH));
        return matcher.lookingAt();
    }
}
