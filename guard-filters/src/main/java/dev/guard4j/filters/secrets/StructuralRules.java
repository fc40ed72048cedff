package dev.guard4j.filters.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secrets recognised by their structure rather than a provider prefix: private keys, JWTs,
 * credentials inside URLs, connection strings and command lines, and authorization headers.
 */
final class StructuralRules {

    /** Passwords that are the documentation's own words, not anyone's secret. */
    private static final Set<String> PLACEHOLDER_WORDS = Set.of("pass", "password", "passwd", "pwd", "secret", "token",
            "test", "xxx", "yyy", "changeme", "example", "user", "username");

    private StructuralRules() {
    }

    static List<SecretRule> rules() {
        return List.of(
                // a BEGIN header is enough: a streamed answer may have released only the start of the key
                rule("private-key", SecretRuleCatalog.SECRET,
                        "-----BEGIN[ A-Z0-9_\\-]{0,40}PRIVATE KEY(?: BLOCK)?-----"
                                + "(?:[A-Za-z0-9+/=\\s:,.\\\\\\-]{0,16000}?-----END[ A-Z0-9_\\-]{0,40}PRIVATE KEY(?: BLOCK)?-----"
                                + "|[A-Za-z0-9+/=\\s:,.\\\\]{0,16000})",
                        0, 16600, 1.0, StructuralRules::privateKeyBody, "-----BEGIN"),
                rule("putty-private-key", SecretRuleCatalog.SECRET,
                        "PuTTY-User-Key-File-\\d{1,2}:[^\\r\\n]{0,100}(?:\\r?\\n[^\\r\\n]{0,200}){0,60}?\\r?\\nPrivate-Lines: \\d{1,3}(?:\\r?\\n[A-Za-z0-9+/=]{1,100}){1,100}",
                        0, 16000, 1.0, SecretRule.ANY, "PuTTY-User-Key-File-"),
                rule("jwt", SecretRuleCatalog.SECRET,
                        "(?<![\\w\\-])eyJ[\\w\\-]{10,4000}\\.[\\w\\-]{2,8000}(?:\\.(?:[\\w\\-]{16,1000}={0,2})?)?(?![\\w\\-.])",
                        0, 13100, 0.95, StructuralRules::validJwt, "eyJ"),
                rule("jwt-shaped-token", SecretRuleCatalog.SECRET,
                        "(?<![A-Za-z0-9])ey[A-Za-z0-9]{17,2000}\\.ey[A-Za-z0-9/\\\\_\\-]{17,4000}\\.[A-Za-z0-9/\\\\_\\-]{10,1000}={0,2}(?![A-Za-z0-9])",
                        0, 7100, 0.7, (text, match, value) -> !value.startsWith("eyJ") || validJwt(text, match, value), "ey").caseSensitive(),
                rule("database-url-password", SecretRuleCatalog.PASSWORD,
                        "(?i)(?<![a-z0-9+.\\-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|couchdb|neo4j(?:\\+s)?|bolt|nats|kafka|ldaps?)"
                                + "://[^\\s:/?#@'\"<>\\[\\]{}]{0,64}:([^\\s/?#@'\"<>\\[\\]{}]{1,128})@[a-z0-9\\[_\\-]",
                        30, 400, 0.95, StructuralRules::notPlaceholder, "://"),
                rule("url-password", SecretRuleCatalog.PASSWORD,
                        "(?i)(?<![a-z0-9+.\\-])[a-z][a-z0-9+.\\-]{1,20}://[^\\s:/?#@'\"<>\\[\\]{}]{1,64}:([^\\s/?#@'\"<>\\[\\]{}]{1,128})@[a-z0-9\\[_\\-]",
                        30, 400, 0.85, StructuralRules::notPlaceholder, "://"),
                rule("jdbc-password", SecretRuleCatalog.PASSWORD,
                        "(?i)jdbc:[a-z0-9]{2,20}:[^\\s'\"]{0,300}?[;?&](?:password|pwd)=([^;&\\s'\"]{1,128})",
                        0, 500, 0.95, StructuralRules::notPlaceholder, "jdbc:"),
                rule("gcp-service-account", SecretRuleCatalog.SECRET,
                        "\"type\"\\s{0,3}:\\s{0,3}\"service_account\"", 30, 60, 0.8, SecretRule.ANY, "service_account"),
                rule("azure-ad-client-secret", SecretRuleCatalog.SECRET,
                        "(?<![A-Za-z0-9_~.\\-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}(?![A-Za-z0-9_~.\\-])",
                        5, 40, 0.9, (text, match, value) -> ShannonEntropy.distinct(value.substring(6)) >= 8, "Q~").caseSensitive(),
                rule("npm-auth-token", SecretRuleCatalog.SECRET,
                        "(?<!/)//[A-Za-z0-9.\\-]{1,100}(?::\\d{1,5})?/[^\\s:]{0,200}:_authToken=\\s?([^\\s$'\"{][^\\s'\"]{4,200})",
                        300, 220, 0.9, SecretRule.ANY, ":_authToken="),
                rule("curl-auth-user", SecretRuleCatalog.PASSWORD,
                        "curl\\b(?:[^\\r\\n\\\\]|\\\\\\r?\\n|\\\\){0,400}?\\s(?:-u|--user)(?:=|[ \\t]{1,5})"
                                + "(\"[^\"\\s]{1,200}\"|'[^'\\s]{1,200}'"
                                + "|(?:\"[^\"\\s]{0,100}\"|'[^'\\s]{0,100}'|[^\\s'\":]{0,100}):(?:\"[^\"\\s]{0,100}\"|'[^'\\s]{0,100}'|[^\\s'\"]{0,100}))(?=\\s|$)",
                        0, 700, 0.9, StructuralRules::curlCredential, "curl"),
                rule("authorization-header", SecretRuleCatalog.SECRET,
                        "(?i)(?<![\\w\\-])(?:Authorization|X-Api-Key|Api-Key|X-Auth-Token|Auth-Token|Private-Token|X-Access-Token|Token)['\"]?[ \\t]{0,3}:[ \\t]{0,3}"
                                + "(?:(?:Bearer|Basic|Token|Bot|Api-Token|ApiKey|Key)[ \\t]{1,3})?([A-Za-z0-9._~+/=\\-]{12,2000})",
                        0, 2100, 0.9, (text, match, value) -> ShannonEntropy.of(value) >= 2.5 && notPlaceholder(text, match, value)
                                && !PlaceholderValues.isFiller(value, 0),
                        "authorization", "x-api-key", "api-key", "x-auth-token", "auth-token", "private-token", "x-access-token", "access-token", "token"),
                rule("nuget-config-password", SecretRuleCatalog.PASSWORD,
                        "(?i)<add\\s{1,5}key=[\"'](?:ClearText)?Password[\"']\\s{1,5}value=[\"']([^\"']{1,200})[\"']",
                        0, 300, 0.9, StructuralRules::notPlaceholder, "<add"));
    }

    private static SecretRule rule(String id, String category, String regex, int lookBehind, int maxSpan, double score,
                                   SecretRule.Check check, String... keywords) {
        return new SecretRule(id, category, Pattern.compile(regex), List.of(keywords), false, lookBehind, maxSpan, 0, score, check);
    }

    /** Returns whether a value is an actual value rather than a template variable, a mask or a format string. */
    static boolean notPlaceholder(CharSequence text, java.util.regex.MatchResult match, String value) {
        String v = value.strip();
        if (v.isEmpty() || v.startsWith("$") || v.startsWith("<") || v.startsWith("{") || v.startsWith("%") || v.startsWith("[")) {
            return false;
        }
        if (v.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X' || c == '.')) {
            return false;
        }
        return !(v.startsWith("%") && v.endsWith("%"));
    }

    private static boolean curlCredential(CharSequence text, java.util.regex.MatchResult match, String value) {
        if (value.contains("${") || value.contains("$(") || value.contains("{{") || value.startsWith("<") || value.startsWith("[")) {
            return false;
        }
        String plain = value.replace("\"", "").replace("'", "");
        int colon = plain.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String password = plain.substring(colon + 1);
        if (password.isEmpty()) {
            password = plain.substring(0, colon);
        }
        if (password.startsWith("{") && password.endsWith("}")) {
            password = password.substring(1, password.length() - 1);
        }
        if (password.length() < 3 || password.startsWith("$") || password.startsWith("[") || password.startsWith("<")
                || PLACEHOLDER_WORDS.contains(password.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return ShannonEntropy.of(password) >= 2.0;
    }

    /** Returns whether a complete key block has a body (a lone BEGIN line counts: the rest may still be streaming). */
    private static boolean privateKeyBody(CharSequence text, java.util.regex.MatchResult match, String value) {
        int header = value.indexOf("-----", 5) + 5;
        int footer = value.indexOf("-----END", header);
        if (footer < 0) {
            return true;
        }
        return value.substring(header, footer).replaceAll("\\s", "").length() >= 16;
    }

    /** Returns whether a JWT's header and payload decode to JSON objects and its signature, if any, is long enough. */
    private static boolean validJwt(CharSequence text, java.util.regex.MatchResult match, String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length < 2) {
            return false;
        }
        return looksLikeJsonObject(parts[0], true) && looksLikeJsonObject(parts[1], false)
                && (decoded(parts[0]).contains("\"alg\"") || decoded(parts[0]).contains("\"typ\""));
    }

    private static String decoded(String part) {
        try {
            String padded = part.replace('-', '+').replace('_', '/');
            while (padded.length() % 4 != 0) {
                padded += "=";
            }
            return new String(Base64.getDecoder().decode(padded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean looksLikeJsonObject(String part, boolean complete) {
        try {
            String padded = part.replace('-', '+').replace('_', '/');
            while (padded.length() % 4 != 0) {
                padded += "=";
            }
            String json = new String(Base64.getDecoder().decode(padded), StandardCharsets.UTF_8).strip();
            if (!json.startsWith("{") || !json.contains("\"")) {
                return false;
            }
            return !complete || json.endsWith("}");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
