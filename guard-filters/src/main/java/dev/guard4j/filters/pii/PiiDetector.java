package dev.guard4j.filters.pii;

import dev.guard4j.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the recognizers of the enabled categories over a text, raises scores for context words,
 * and keeps what reaches the threshold, minus allow-listed values, plus deny-listed ones.
 */
final class PiiDetector {

    /** How far before a value context words count; Presidio looks five words back. */
    static final int CONTEXT_BEFORE = 50;
    /** How far after a value context words count ("28-64-66-98 office"). */
    static final int CONTEXT_AFTER = 20;
    static final double CONTEXT_BOOST = 0.35;
    /** A value with a context word nearby scores at least this, so weak formats pass a default threshold with context. */
    static final double CONTEXT_FLOOR = 0.55;
    static final String DENY_LIST = "DENY_LIST";

    private static final List<Recognizer> ALL = all();

    private final List<Recognizer> recognizers;
    private final Set<String> categories;
    private final double threshold;
    private final Set<String> allowed;
    private final List<String> denied;

    PiiDetector(Collection<String> categories, double threshold, Collection<String> allowed, Collection<String> denied) {
        this.categories = Set.copyOf(categories);
        List<Recognizer> enabled = new ArrayList<>();
        for (Recognizer recognizer : ALL) {
            for (String category : recognizer.categories()) {
                if (this.categories.contains(category)) {
                    enabled.add(recognizer);
                    break;
                }
            }
        }
        this.recognizers = List.copyOf(enabled);
        this.threshold = threshold;
        Set<String> folded = new java.util.HashSet<>();
        for (String value : allowed) {
            folded.add(TextScan.asciiLowerCase(value));
        }
        this.allowed = Set.copyOf(folded);
        List<String> deniedFolded = new ArrayList<>();
        for (String value : denied) {
            deniedFolded.add(TextScan.asciiLowerCase(value));
        }
        this.denied = List.copyOf(deniedFolded);
    }

    /** Returns every category some recognizer reports, plus {@code DENY_LIST}. */
    static Set<String> supportedCategories() {
        Set<String> supported = new TreeSet<>();
        for (Recognizer recognizer : ALL) {
            supported.addAll(recognizer.categories());
        }
        supported.add(DENY_LIST);
        return Set.copyOf(supported);
    }

    /** Returns the findings over the threshold, overlapping ones included (the caller resolves them). */
    List<Finding> detect(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        TextScan scan = new TextScan(text);
        List<Candidate> candidates = new ArrayList<>();
        for (Recognizer recognizer : recognizers) {
            recognizer.find(scan, candidates);
        }
        List<Finding> findings = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            if (!categories.contains(candidate.category())) {
                continue;
            }
            double score = candidate.score();
            if (score < 1.0 && hasContext(scan, candidate)) {
                score = Math.min(1.0, Math.max(score + CONTEXT_BOOST, CONTEXT_FLOOR));
            }
            if (score <= 0 || score < threshold) {
                continue;
            }
            if (!allowed.isEmpty() && allowed.contains(TextScan.asciiLowerCase(text.substring(candidate.start(), candidate.end())))) {
                continue;
            }
            findings.add(new Finding(candidate.detector(), candidate.category(), candidate.start(), candidate.end(), score));
        }
        if (!denied.isEmpty()) {
            addDenied(scan, findings);
        }
        return findings;
    }

    /** Looks before and after the value, never inside it ("Dr" inside "Drive" is no context). */
    private static boolean hasContext(TextScan scan, Candidate candidate) {
        return scan.anyWordBetween(candidate.context(), candidate.start() - CONTEXT_BEFORE, candidate.start())
                || scan.anyWordBetween(candidate.context(), candidate.end(), candidate.end() + CONTEXT_AFTER);
    }

    private void addDenied(TextScan scan, List<Finding> findings) {
        String lower = scan.lowerCase();
        for (String value : denied) {
            int at = lower.indexOf(value);
            while (at >= 0) {
                int end = at + value.length();
                boolean wordStart = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
                boolean wordEnd = end >= lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
                if (wordStart && wordEnd) {
                    findings.add(new Finding("pii.deny-list", DENY_LIST, at, end, 1.0));
                }
                at = lower.indexOf(value, at + 1);
            }
        }
    }

    private static List<Recognizer> all() {
        List<Recognizer> all = new ArrayList<>(PatternCatalogue.recognizers());
        all.add(new EmailRecognizer());
        all.add(new UrlRecognizer());
        all.add(new IpAddressRecognizer());
        all.add(new PhoneRecognizer());
        all.add(new DateTimeRecognizer());
        all.add(new AddressRecognizer());
        all.add(new NameRecognizer());
        all.addAll(KeywordRecognizer.catalogue());
        return List.copyOf(all);
    }
}
