package dev.guard4j.filters.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The generic detector: a value assigned to (or compared with) a secret-like name such as
 * {@code password}, {@code api_key} or {@code client_secret}, and "my password is ..." in prose.
 *
 * <p>Names are judged whole ({@code credentialsId} and {@code publicToken} are not secrets);
 * values must not be placeholders, and values of token- and key-like names need a Shannon
 * entropy of at least {@value #TOKEN_MIN_ENTROPY} bits per character. Password-like names
 * take any real value, since people choose passwords with little entropy.
 */
final class GenericSecretRules {

    static final double TOKEN_MIN_ENTROPY = 3.0;

    private static final String KEYWORDS = "pass|pwd|secret|token|api_key|apikey|api-key|auth|cred|private_key|privatekey|private-key"
            + "|access_key|accesskey|access-key|encryption_key|signing_key|master_key";
    private static final String NAME_WORD = "(?:pass|pwd|secret|token|api[_\\-]?key|auth|cred|private[_\\-]?key|access[_\\-]?key"
            + "|encryption_key|signing_key|master_key)";
    private static final String VALUE = "(?:\"([^\"\\r\\n]{1,200})\"|'([^'\\r\\n]{1,200})'|`([^`\\r\\n]{1,200})`|([^\\s'\"`,;<]{1,200}))";

    /** Name segments that make a name about a secret rather than the secret itself. */
    private static final Set<String> STOP_SEGMENTS = Set.of("id", "ids", "name", "names", "url", "uri", "urls", "path", "file", "filename", "dir", "length", "len",
            "size", "type", "types", "version", "public", "pub", "format", "hash", "event", "field", "fields", "label",
            "placeholder", "prompt", "policy", "mode", "count", "hint", "regex", "pattern", "expiry", "expires",
            "expiration", "timeout", "ttl", "endpoint", "header", "prefix", "suffix", "csrf", "xsrf", "source",
            "template", "provider", "method", "store", "ref", "arn", "location", "env", "var", "variable", "enabled",
            "required", "strength", "reset", "confirm", "confirmation", "min", "max", "rule", "rules", "validator",
            "error", "message", "input", "button", "class", "style", "icon", "manager", "service", "key_id", "keyid",
            "usage", "limit", "status", "state", "changed", "chars", "characters", "retry", "attempts");
    /** Whole words that hold a secret word but are not about secrets. */
    private static final Set<String> FALSE_FRIENDS = Set.of("compass", "bypass", "surpass", "encompass", "passenger", "passage",
            "passive", "passport", "tokenizer", "tokenizers", "tokenize", "tokenized", "tokenization", "author", "authors",
            "authority", "authored", "authorize", "authorized", "authorization", "authentication", "authenticate",
            "authenticated", "authenticator", "credit", "credits", "secretary", "passthrough", "passes", "passed", "passing");
    private static final Pattern SECRET_WORD = Pattern.compile(
            "password|passwd|passphrase|passcode|pass|pwd|secrete?|token|apikey|privatekey|accesskey|secretkey|authkey|encryptionkey"
                    + "|signingkey|masterkey|credentials?|creds?|auth");
    private static final Pattern PASSWORD_WORD = Pattern.compile("password|passwd|passphrase|passcode|pass|pwd");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[_.\\-\\s\\[\\]$@]+");
    /** Words that say a value is an example. */
    private static final Pattern DUMMY = Pattern.compile("(?i)fake|example|dummy|sample|placeholder|your[_\\-]|insert|redacted|changeme|xxxx|\\*\\*\\*\\*");
    private static final Pattern VERSION = Pattern.compile("(?<![\\w.])\\d{1,4}\\.\\d{1,4}\\.\\d{1,6}(?![\\w.])");
    private static final Set<String> NON_VALUES = Set.of("true", "false", "null", "nil", "none", "undefined", "empty", "required",
            "optional", "string", "str", "int", "bool", "password", "secret", "token", "hidden", "self", "this", "new", "function",
            "return", "is", "not", "and", "or", "if", "the", "a", "an", "of", "to", "for", "from", "with", "in");

    private GenericSecretRules() {
    }

    static List<SecretRule> rules() {
        List<String> keywords = List.of(KEYWORDS.split("\\|"));
        List<SecretRule> rules = new ArrayList<>();
        rules.add(new SecretRule("generic-secret", SecretRuleCatalog.SECRET,
                Pattern.compile("(?i)" + NAME_WORD + "[\\w.\\-]{0,40}(?:\\[\\d{0,4}\\])?(?:[ \\t]{1,3}[A-Za-z]{1,20}(?=[ \\t]{0,3}:?=))?['\"]?[ \\t]{0,12}"
                        + "(?:>\\s{0,6}|(?:=>|:{1,3}=|\\?=|\\.=|!==?|===?|=|:)[ \\t]{0,6}@?|(?<=['\"])[ \\t]{0,3},[ \\t]{0,3}(?=[\"'])"
                        + "|[ \\t]{1,3}@?(?=[\"'`]))" + VALUE),
                keywords, false, 0, 320, 0, 0.7, (text, match, value) -> acceptAssignment(text, match.start(), match, value)));
        rules.add(new SecretRule("generic-secret", SecretRuleCatalog.SECRET,
                Pattern.compile("(?i)(?:\"([^\"\\r\\n]{1,200})\"|'([^'\\r\\n]{1,200})')[ \\t]{0,3}[!=]==?[ \\t]{0,3}[\\w.\\-]{0,40}?" + NAME_WORD),
                keywords, false, 260, 60, 0, 0.7, (text, match, value) -> acceptAssignment(text, match.end() - 1, match, value)));
        rules.add(new SecretRule("password-in-prose", SecretRuleCatalog.PASSWORD,
                Pattern.compile("(?i)(?<![\\w])(?:password|passwd|passcode|passphrase|pwd)[ \\t]{1,3}(?:is|was|:)[ \\t]{1,3}[\"'`]?([^\\s\"'`]{4,64}?)[\"'`.,;!?]?(?=\\s|$)"),
                List.of("password", "passwd", "passcode", "passphrase", "pwd"), false, 0, 100, 0, 0.75,
                (text, match, value) -> proseSecret(value)));
        return rules;
    }

    /** Returns whether the name around {@code at} is secret-like and the value a real one. */
    private static boolean acceptAssignment(CharSequence text, int at, MatchResult match, String value) {
        String name = nameAround(text, at);
        if (!secretName(name)) {
            return false;
        }
        if (xmlElementWithoutTag(text, at, match)) {
            return false;
        }
        boolean quoted = match.groupCount() < 4 || match.start(4) < 0;
        boolean passwordLike = PASSWORD_WORD.matcher(name.toLowerCase(Locale.ROOT)).find();
        return realValue(value, quoted, passwordLike);
    }

    /** Returns whether a "name>value" match lacks the "<" that would make the name an XML element. */
    private static boolean xmlElementWithoutTag(CharSequence text, int at, MatchResult match) {
        int valueStart = match.end();
        for (int g = 1; g <= match.groupCount(); g++) {
            if (match.start(g) >= 0) {
                valueStart = match.start(g);
                break;
            }
        }
        int operator = -1;
        for (int i = match.start(); i < valueStart; i++) {
            char c = text.charAt(i);
            if (c == '>' || c == '=' || c == ':' || c == ',') {
                operator = i;
                break;
            }
        }
        if (operator < 0 || text.charAt(operator) != '>' || operator > 0 && "=-".indexOf(text.charAt(operator - 1)) >= 0) {
            return false;
        }
        int nameStart = at;
        while (nameStart > 0 && nameChar(text.charAt(nameStart - 1))) {
            nameStart--;
        }
        return nameStart == 0 || text.charAt(nameStart - 1) != '<';
    }

    /** Returns the identifier that surrounds position {@code at}. */
    static String nameAround(CharSequence text, int at) {
        int start = at;
        while (start > 0 && nameChar(text.charAt(start - 1)) && at - start < 80) {
            start--;
        }
        int end = at;
        while (end < text.length() && nameChar(text.charAt(end)) && end - at < 80) {
            end++;
        }
        return text.subSequence(start, end).toString();
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** Returns whether a name speaks of a secret value itself (not its id, length, file or policy). */
    static boolean secretName(String name) {
        String[] segments = CAMEL.split(name);
        StringBuilder flat = new StringBuilder();
        for (String segment : segments) {
            String lower = segment.toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                continue;
            }
            if (STOP_SEGMENTS.contains(lower) || FALSE_FRIENDS.contains(lower)) {
                return false;
            }
            flat.append(lower);
        }
        var matcher = SECRET_WORD.matcher(flat);
        while (matcher.find()) {
            // "auth" must not be the start of "author" or "authentication"
            if (matcher.group().equals("auth") && matcher.end() < flat.length() && "eo".indexOf(flat.charAt(matcher.end())) >= 0) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** Returns whether a value is a real one: not empty, a placeholder, a code reference or an example. */
    static boolean realValue(String value, boolean quoted, boolean passwordLike) {
        String v = value.strip();
        if (v.length() < (quoted ? 4 : 6) || NON_VALUES.contains(v.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (v.chars().noneMatch(Character::isLetterOrDigit) || ShannonEntropy.distinct(v) < 3 || DUMMY.matcher(v).find()) {
            return false;
        }
        if (v.matches("\\{[A-Za-z_][\\w.\\-]*}|\\$\\{[^}]*}|\\$\\(?[A-Za-z_][\\w.]*\\)?|\\{\\{.*}}|%\\(?\\w*\\)?[sd]|<[^>]*>|\\[[A-Za-z_ \\-]+]|%[A-Za-z_]+%")) {
            return false;
        }
        // an environment variable's name or a SOPS-encrypted value is not the secret itself
        if (v.matches("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+") || v.startsWith("ENC[")) {
            return false;
        }
        if (!quoted) {
            if (v.contains("${") || v.contains("{{") || v.startsWith("$") || v.startsWith("@")) {
                return false;
            }
            // an unquoted dotted name or call is code (config.password, getenv("X")), not a value
            if (v.matches("[A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)+|[\\w.]+\\(.*")) {
                return false;
            }
        }
        if (passwordLike) {
            return true;
        }
        // a version or artifact coordinate (jjwt-jackson-0.11.2) is not a token
        if (VERSION.matcher(v).find()) {
            return false;
        }
        return !v.contains(" ") && v.length() >= 8 && ShannonEntropy.of(v) >= TOKEN_MIN_ENTROPY;
    }

    /** Returns whether a word after "password is" is a password rather than ordinary prose. */
    private static boolean proseSecret(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (NON_VALUES.contains(v) || DUMMY.matcher(v).find() || v.startsWith("$") || v.startsWith("{")) {
            return false;
        }
        // prose goes on with words; a password carries digits, symbols or mixed case
        boolean digit = value.chars().anyMatch(Character::isDigit);
        boolean symbol = value.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        boolean mixed = value.chars().anyMatch(Character::isUpperCase) && value.chars().skip(1).anyMatch(Character::isLowerCase)
                && value.chars().skip(1).anyMatch(Character::isUpperCase);
        return digit || symbol || mixed;
    }
}
