package dev.guard4j.filters.pii;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import dev.guard4j.filters.redact.Action;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a {@link PiiFilter} from a policy's {@code pii} section.
 *
 * <pre>
 * pii:
 *   categories: [EMAIL, PHONE, CREDIT_DEBIT_CARD_NUMBER]   # default: all but DATE_TIME
 *   defaultAction: REDACT                                  # BLOCK, REDACT, MASK, HASH, PSEUDONYMISE, REPORT_ONLY
 *   actions: {EMAIL: PSEUDONYMISE, CREDIT_DEBIT_CARD_NUMBER: BLOCK}
 *   threshold: 0.5
 *   allow: [support@example.com]
 *   deny: [Project Falcon]
 *   maxInputLength: 1000000
 *   saltEnv: GUARD4J_PII_SALT                              # environment variable holding the HASH salt
 * </pre>
 */
public final class PiiFilterFactory implements FilterFactory {

    /** Creates the factory; found with {@link java.util.ServiceLoader}. */
    public PiiFilterFactory() {
    }

    @Override
    public String name() {
        return "pii";
    }

    @Override
    public Object create(FilterSettings settings) {
        PiiFilter.Builder builder = PiiFilter.builder();
        List<String> categories = settings.strings("categories");
        if (!categories.isEmpty()) {
            for (String category : categories) {
                if (!PiiFilter.supportedCategories().contains(category)) {
                    throw settings.error("categories", "unknown PII category '" + category + "'; supported: "
                            + new java.util.TreeSet<>(PiiFilter.supportedCategories()));
                }
            }
            builder.categories(categories);
        }
        builder.defaultAction(settings.choice("defaultAction", Action.class, Action.REDACT));
        for (Map.Entry<String, String> entry : settings.stringMap("actions").entrySet()) {
            if (!PiiFilter.supportedCategories().contains(entry.getKey())) {
                throw settings.error("actions", "unknown PII category '" + entry.getKey() + "'; supported: "
                        + new java.util.TreeSet<>(PiiFilter.supportedCategories()));
            }
            builder.action(entry.getKey(), parseAction(settings, entry.getValue()));
        }
        builder.threshold(settings.number("threshold", PiiFilter.DEFAULT_THRESHOLD, 0.0, 1.0));
        List<String> allow = settings.strings("allow");
        List<String> deny = settings.strings("deny");
        if (allow.stream().anyMatch(String::isBlank)) {
            throw settings.error("allow", "allow-list values must not be blank");
        }
        if (deny.stream().anyMatch(String::isBlank)) {
            throw settings.error("deny", "deny-list values must not be blank");
        }
        builder.allow(allow.toArray(new String[0]));
        builder.deny(deny.toArray(new String[0]));
        builder.maxInputLength(settings.integer("maxInputLength", PiiFilter.DEFAULT_MAX_INPUT_LENGTH, 1, Integer.MAX_VALUE));
        settings.string("saltEnv").ifPresent(variable -> {
            String salt = System.getenv(variable);
            if (salt == null || salt.getBytes(StandardCharsets.UTF_8).length < 16) {
                // name the variable, never the value
                throw settings.error("saltEnv", "environment variable " + variable + " must hold a salt of at least 16 bytes");
            }
            builder.salt(salt.getBytes(StandardCharsets.UTF_8));
        });
        return builder.build();
    }

    private static Action parseAction(FilterSettings settings, String value) {
        try {
            return Action.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw settings.error("actions", "unknown action '" + value + "'; allowed: " + java.util.Arrays.toString(Action.values()));
        }
    }
}
