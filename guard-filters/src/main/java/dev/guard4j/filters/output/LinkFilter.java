package dev.guard4j.filters.output;

import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.OutputChecker;
import dev.guard4j.Verdict;
import java.net.IDN;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags links and images in an answer that point outside the allowed domains, or whose URL can
 * carry data out (the markdown-image exfiltration channel), and blocks the answer or redacts them.
 *
 * <p>What is flagged, in this order:
 * <ul>
 *   <li>{@code DENIED_LINK}: a URL whose host is on the deny list (or a subdomain of an entry),
 *       or, when an allow list is set, not on it;</li>
 *   <li>{@code LINK_EXFILTRATION}: a markdown image (inline or by reference) or HTML image with a query string (a renderer
 *       fetches it without a click, so the query reaches the host unseen), unless its host is
 *       allowed; and any link or bare URL whose query value or path segment is long or encoded
 *       (base64, hex, or a run of percent escapes).</li>
 * </ul>
 * Hosts are compared after removing user info (the {@code https://good.com@evil.com} trick),
 * the port and a trailing dot, lower-cased and in punycode.
 */
public final class LinkFilter implements OutputChecker {

    /** Category of a URL on the deny list or off the allow list. */
    public static final String DENIED_LINK = "DENIED_LINK";
    /** Category of a URL that can carry data out. */
    public static final String LINK_EXFILTRATION = "LINK_EXFILTRATION";

    /** What the filter does with an answer that holds a flagged link. */
    public enum Action {
        /** Blocks the answer. */
        BLOCK,
        /** Replaces each flagged link or image with the replacement text. */
        REDACT
    }

    private static final int MAX_URL = 4096;
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"'`)\\]]{1," + MAX_URL + "}");
    private static final Pattern ENCODED = Pattern.compile(
            "[A-Za-z0-9+/_-]{24,}={0,2}|[0-9a-fA-F]{32,}|(?:%[0-9a-fA-F]{2}){4,}");
    private static final int LOOK_BACK = 1000;

    private final Set<String> allowed;
    private final Set<String> denied;
    private final int maxQueryValueLength;
    private final Action action;
    private final String replacement;

    private LinkFilter(Builder builder) {
        this.allowed = Set.copyOf(builder.allowed);
        this.denied = Set.copyOf(builder.denied);
        this.maxQueryValueLength = builder.maxQueryValueLength;
        this.action = builder.action;
        this.replacement = builder.replacement;
    }

    /**
     * Returns a filter with no allow or deny list that blocks exfiltration-shaped links.
     *
     * @return a filter with no allow or deny list that blocks exfiltration-shaped links
     */
    public static LinkFilter ofDefaults() {
        return builder().build();
    }

    /**
     * Returns a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Verdict check(Content output) {
        String text = output.text();
        if (!mayHoldUrl(text)) {
            return Verdict.pass();
        }
        List<Finding> findings = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            String url = trimTrailingPunctuation(matcher.group());
            int start = matcher.start();
            int end = start + url.length();
            int[] image = imageSpan(text, start, end);
            String category = classify(url, image != null);
            if (category != null) {
                int[] span = image != null ? image : new int[] {start, end};
                findings.add(new Finding(category.equals(DENIED_LINK) ? "links.denied" : "links.exfiltration",
                        category, span[0], span[1], 1.0));
                spans.add(span);
            }
        }
        if (findings.isEmpty()) {
            return Verdict.pass();
        }
        if (action == Action.REDACT) {
            return Verdict.rewrite(redact(text, spans), findings);
        }
        return Verdict.block(findings.size() + " link(s) denied or able to carry data out", findings);
    }

    /** Returns whether the text has a scheme separator or a "www." at all: most answers have neither. */
    private static boolean mayHoldUrl(String text) {
        if (text.contains("://")) {
            return true;
        }
        for (int at = text.indexOf('.'); at >= 3; at = text.indexOf('.', at + 1)) {
            if (text.regionMatches(true, at - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private String classify(String url, boolean isImage) {
        Url parsed = Url.parse(url);
        if (parsed == null) {
            return DENIED_LINK;
        }
        if (matchesAny(parsed.host, denied) || (!allowed.isEmpty() && !matchesAny(parsed.host, allowed))) {
            return DENIED_LINK;
        }
        boolean hostAllowed = !allowed.isEmpty();
        if (isImage && !parsed.query.isEmpty() && !hostAllowed) {
            return LINK_EXFILTRATION;
        }
        // a link needs a click, so only its query is suspect; an image is fetched unseen, path and all
        return queryCarriesData(parsed) || (isImage && pathCarriesData(parsed)) ? LINK_EXFILTRATION : null;
    }

    private boolean queryCarriesData(Url url) {
        for (String pair : url.query.split("&", 64)) {
            int equals = pair.indexOf('=');
            String value = equals >= 0 ? pair.substring(equals + 1) : pair;
            if (value.length() > maxQueryValueLength || looksEncoded(value)) {
                return true;
            }
        }
        return false;
    }

    private boolean pathCarriesData(Url url) {
        for (String segment : url.path.split("/", 64)) {
            if (segment.length() > maxQueryValueLength || looksEncoded(segment)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksEncoded(String segment) {
        // a run of letters only (a slug, a search phrase) is ordinary; encoded data mixes digits and cases
        if (!ENCODED.matcher(segment).find()) {
            return false;
        }
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            digit |= Character.isDigit(c);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        return segment.contains("%") || (digit && (upper || lower) && (upper || segment.length() >= 32));
    }

    private static boolean matchesAny(String host, Set<String> domains) {
        String candidate = host;
        while (true) {
            if (domains.contains(candidate)) {
                return true;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return false;
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    /** Returns the span of the markdown or HTML image around the URL, or null when it is not an image's source. */
    private static int[] imageSpan(String text, int urlStart, int urlEnd) {
        int before = urlStart - 1;
        while (before >= 0 && (text.charAt(before) == '<' || text.charAt(before) == ' ')) {
            before--;
        }
        if (before >= 1 && text.charAt(before) == '(' && text.charAt(before - 1) == ']') {
            int limit = Math.max(0, before - LOOK_BACK);
            for (int i = before - 2; i >= limit; i--) {
                char c = text.charAt(i);
                if (c == '\n') {
                    return null;
                }
                if (c == '[') {
                    if (i >= 1 && text.charAt(i - 1) == '!') {
                        int close = text.indexOf(')', urlEnd);
                        return new int[] {i - 1, close >= 0 && close - urlEnd < 200 ? close + 1 : urlEnd};
                    }
                    return null;
                }
            }
            return null;
        }
        if (before >= 1 && text.charAt(before) == ':' && text.charAt(before - 1) == ']') {
            return referencedByImage(text, before - 1) ? new int[] {lineStart(text, before), urlEnd} : null;
        }
        int open = text.lastIndexOf('<', urlStart);
        if (open >= 0 && urlStart - open <= LOOK_BACK && text.regionMatches(true, open, "<img", 0, 4)
                && text.indexOf('>', open) >= urlStart) {
            int close = text.indexOf('>', urlEnd);
            return new int[] {open, close >= 0 && close - urlEnd < LOOK_BACK ? close + 1 : urlEnd};
        }
        return null;
    }

    /**
     * Returns whether the reference definition whose label closes at {@code close} ({@code [ref]: url})
     * is used by an image ({@code ![alt][ref]} or {@code ![ref]}), which a renderer fetches unseen.
     */
    private static boolean referencedByImage(String text, int close) {
        int open = text.lastIndexOf('[', close);
        if (open < 0 || close - open > 200 || open != lineStart(text, open)) {
            return false;
        }
        String label = text.substring(open, close + 1);
        for (int at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) {
            if (at == open) {
                continue;
            }
            if (at >= 1 && text.charAt(at - 1) == '!') {
                return true;
            }
            if (at >= 1 && text.charAt(at - 1) == ']') {
                int alt = text.lastIndexOf('[', at - 1);
                if (alt >= 1 && at - alt <= LOOK_BACK && text.charAt(alt - 1) == '!') {
                    return true;
                }
            }
        }
        return false;
    }

    private static int lineStart(String text, int at) {
        int from = at;
        while (from > 0 && text.charAt(from - 1) != '\n') {
            from--;
        }
        while (from < at && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 1 && ".,;:!?*_~".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private String redact(String text, List<int[]> spans) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int[] span : spans) {
            if (span[0] < copied) {
                copied = Math.max(copied, span[1]);
                continue;
            }
            out.append(text, copied, span[0]).append(replacement);
            copied = span[1];
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The parts of a URL the filter looks at. */
    private record Url(String host, String path, String query) {
        static Url parse(String url) {
            String rest = url;
            int scheme = rest.indexOf("://");
            if (scheme >= 0) {
                rest = rest.substring(scheme + 3);
            }
            int fragment = rest.indexOf('#');
            if (fragment >= 0) {
                rest = rest.substring(0, fragment);
            }
            int question = rest.indexOf('?');
            String query = question >= 0 ? rest.substring(question + 1) : "";
            String beforeQuery = question >= 0 ? rest.substring(0, question) : rest;
            int slash = beforeQuery.indexOf('/');
            String authority = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
            String path = slash >= 0 ? beforeQuery.substring(slash + 1) : "";
            int at = authority.lastIndexOf('@');
            String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
            String host = hostPort.startsWith("[") ? hostPort : hostPort.replaceFirst(":\\d{0,5}$", "");
            while (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (host.isEmpty()) {
                return null;
            }
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return null;
            }
            return new Url(host, path, query);
        }
    }

    /** Builds a {@link LinkFilter}. */
    public static final class Builder {
        private final Set<String> allowed = new HashSet<>();
        private final Set<String> denied = new HashSet<>();
        private int maxQueryValueLength = 48;
        private Action action = Action.BLOCK;
        private String replacement = "[link removed]";

        private Builder() {
        }

        /**
         * Allows these domains and their subdomains; once any is allowed, every other host is denied.
         *
         * @param domains the domains
         * @return the result
         */
        public Builder allow(String... domains) {
            for (String domain : domains) {
                allowed.add(domain(domain));
            }
            return this;
        }

        /**
         * Denies these domains and their subdomains.
         *
         * @param domains the domains
         * @return the result
         */
        public Builder deny(String... domains) {
            for (String domain : domains) {
                denied.add(domain(domain));
            }
            return this;
        }

        /**
         * Sets the longest query value that is not flagged as data, 8 to 4096 characters (default 48).
         *
         * @param chars the chars
         * @return this builder
         */
        public Builder maxQueryValueLength(int chars) {
            if (chars < 8 || chars > MAX_URL) {
                throw new IllegalArgumentException("maxQueryValueLength must be in [8, " + MAX_URL + "], was " + chars);
            }
            this.maxQueryValueLength = chars;
            return this;
        }

        /**
         * Sets what happens to an answer with a flagged link (default {@link Action#BLOCK}).
         *
         * @param newAction the new action
         * @return this builder
         */
        public Builder action(Action newAction) {
            this.action = Objects.requireNonNull(newAction, "action");
            return this;
        }

        /**
         * Sets the text that replaces a flagged link with {@link Action#REDACT}.
         *
         * @param text the text
         * @return this builder
         */
        public Builder replacement(String text) {
            this.replacement = Objects.requireNonNull(text, "replacement");
            return this;
        }

        /**
         * Returns the filter.
         *
         * @return the filter
         */
        public LinkFilter build() {
            return new LinkFilter(this);
        }

        private static String domain(String domain) {
            if (domain == null || domain.isBlank() || domain.contains("/") || domain.contains(" ")) {
                throw new IllegalArgumentException("a domain must be a host name such as example.com, was "
                        + (domain == null ? "null" : "'" + domain + "'"));
            }
            String trimmed = domain.strip().toLowerCase(Locale.ROOT);
            if (trimmed.startsWith("*.")) {
                trimmed = trimmed.substring(2);
            }
            try {
                return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a valid domain: '" + domain + "'", e);
            }
        }
    }
}
