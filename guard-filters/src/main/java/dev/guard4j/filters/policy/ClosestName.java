package dev.guard4j.filters.policy;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Finds the known name closest to a misspelt one, for "did you mean" hints. */
final class ClosestName {

    private ClosestName() {
    }

    /**
     * Returns the candidate closest to {@code given} by edit distance (ignoring case), when it is
     * close enough to be a plausible typo: at most 3 edits and less than half the name's length.
     */
    static Optional<String> among(String given, Collection<String> candidates) {
        String lowerGiven = given.toLowerCase(Locale.ROOT);
        int limit = Math.min(3, Math.max(1, lowerGiven.length() / 2));
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance.apply(lowerGiven, candidate.toLowerCase(Locale.ROOT));
            if (d >= 0 && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns "did you mean 'x'?" when a candidate is close, else the list of known names. */
    static String hint(String given, Collection<String> candidates, String what) {
        Optional<String> closest = among(given, candidates);
        if (closest.isPresent()) {
            return "did you mean '" + closest.get() + "'?";
        }
        if (candidates.isEmpty()) {
            return "no " + what + " is allowed here";
        }
        return "known " + what + "s: " + candidates.stream().sorted().collect(Collectors.joining(", "));
    }
}
