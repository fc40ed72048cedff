package dev.guard4j.filters.pii;

import java.util.List;
import java.util.Set;

/**
 * Finds URLs: with a scheme ({@code https://...}), starting with {@code www.}, or bare domains
 * whose last label is a well-known top-level domain (so that {@code e.g.} and {@code file.txt} are not URLs).
 */
final class UrlRecognizer implements Recognizer {

    private static final int MAX_URL = 2048;
    private static final String[] CONTEXT = {"url", "website", "site", "link", "domain", "web"};
    private static final Set<String> SCHEMES = Set.of("http", "https", "ftp", "ftps", "sftp", "ws", "wss");
    /** Top-level domains accepted for a bare domain; file extensions that are also ccTLDs (.py, .sh, .md, .rs) are left out. */
    private static final Set<String> BARE_TLDS = Set.of(
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "me", "us", "uk", "de", "fr",
            "it", "es", "nl", "se", "no", "dk", "fi", "ch", "at", "be", "pl", "cz", "sk", "ru", "cn", "jp", "kr", "in",
            "au", "ca", "br", "mx", "ar", "za", "nz", "ie", "pt", "gr", "hu", "ro", "tr", "il", "ua", "eu", "asia",
            "site", "online", "app", "dev", "tech", "ai", "cloud", "store", "blog", "shop", "xyz", "top", "club",
            "ee", "lt", "lv", "si", "hr", "bg", "cy", "is", "lu", "tv", "cc", "ly", "gl", "news", "live", "page");

    @Override
    public List<String> categories() {
        return List.of("URL");
    }

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        String text = scan.text();
        int consumedUpTo = 0;
        int dot = text.indexOf('.');
        while (dot >= 0) {
            if (dot > consumedUpTo && dot > 0 && dot + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(dot - 1)) && Character.isLetter(text.charAt(dot + 1))) {
                int end = consider(text, dot, consumedUpTo, out);
                if (end > 0) {
                    consumedUpTo = end;
                }
            }
            dot = text.indexOf('.', Math.max(dot + 1, consumedUpTo));
        }
    }

    /** Looks at the token around a dot; returns the end of the URL it added, or -1. */
    private int consider(String text, int dot, int consumedUpTo, List<Candidate> out) {
        int hostStart = dot;
        while (hostStart > consumedUpTo && dot - hostStart < 253 && isHostChar(text.charAt(hostStart - 1))) {
            hostStart--;
        }
        int hostEnd = dot;
        while (hostEnd < text.length() && hostEnd - dot < 253 && isHostChar(text.charAt(hostEnd))) {
            hostEnd++;
        }
        while (hostEnd > dot && (text.charAt(hostEnd - 1) == '.' || text.charAt(hostEnd - 1) == '-')) {
            hostEnd--;
        }
        if (hostStart >= hostEnd || text.charAt(hostStart) == '.' || text.charAt(hostStart) == '-') {
            return -1;
        }
        String host = text.substring(hostStart, hostEnd);
        int lastDot = host.lastIndexOf('.');
        if (lastDot < 0) {
            return -1;
        }
        String tld = TextScan.asciiLowerCase(host.substring(lastDot + 1));
        int start = hostStart;
        double score;
        boolean hasScheme = false;
        if (hostStart >= 3 && text.startsWith("://", hostStart - 3)) {
            int schemeStart = hostStart - 3;
            while (schemeStart > 0 && Character.isLetter(text.charAt(schemeStart - 1))) {
                schemeStart--;
            }
            String scheme = TextScan.asciiLowerCase(text.substring(schemeStart, hostStart - 3));
            if (!SCHEMES.contains(scheme)) {
                return -1;
            }
            start = schemeStart;
            hasScheme = true;
        }
        if (!tldShaped(tld)) {
            return -1;
        }
        if (hasScheme) {
            score = 0.6;
        } else {
            if (hostStart > 0) {
                char before = text.charAt(hostStart - 1);
                if (before == '@' || Character.isLetterOrDigit(before) || before == '_' || before == '/' || before == '\\') {
                    return -1;
                }
            }
            if (TextScan.asciiLowerCase(host).startsWith("www.") && host.indexOf('.', 4) > 0) {
                score = 0.5;
            } else if (BARE_TLDS.contains(tld) && !looksLikeAbbreviation(host)) {
                score = 0.5;
            } else {
                return -1;
            }
        }
        if (hostEnd < text.length() && text.charAt(hostEnd) == '@') {
            return -1;
        }
        int end = hostEnd;
        if (end < text.length() && (text.charAt(end) == '/' || text.charAt(end) == ':' || text.charAt(end) == '?' || text.charAt(end) == '#')) {
            while (end < text.length() && end - start < MAX_URL && isPathChar(text.charAt(end))) {
                end++;
            }
            while (end > hostEnd && ".,;:!?)'\"]".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        out.add(new Candidate("pii.url", "URL", start, end, score, CONTEXT));
        return end;
    }

    private static boolean tldShaped(String tld) {
        if (tld.length() < 2 || tld.length() > 24) {
            return false;
        }
        if (tld.startsWith("xn--")) {
            return true;
        }
        for (int i = 0; i < tld.length(); i++) {
            if (tld.charAt(i) < 'a' || tld.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** Single-letter labels such as {@code U.S.} or {@code i.e.} are abbreviations, not domains. */
    private static boolean looksLikeAbbreviation(String host) {
        int firstDot = host.indexOf('.');
        return firstDot <= 1;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static boolean isPathChar(char c) {
        return c > ' ' && c < 127 && "<>\"'`{}|\\^".indexOf(c) < 0;
    }
}
