package dev.guard4j.filters.secrets;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import dev.guard4j.filters.redact.Action;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a {@link SecretsFilter} from a policy's {@code secrets} section.
 *
 * <p>Keys: {@code action} (default action), {@code actions} (category to action),
 * {@code rule-actions} (rule id to BLOCK or REPORT_ONLY), {@code disabled-rules},
 * {@code allow}, {@code deny}, {@code max-input-length}, {@code min-score}.
 */
public final class SecretsFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public Object create(FilterSettings settings) {
        SecretsFilter.Builder builder = SecretsFilter.builder()
                .defaultAction(settings.choice("action", Action.class, Action.REDACT))
                .maxInputLength(settings.integer("max-input-length", SecretsFilter.DEFAULT_MAX_INPUT_LENGTH, 1, Integer.MAX_VALUE))
                .minScore(settings.number("min-score", 0, 0, 1));
        for (Map.Entry<String, String> entry : settings.stringMap("actions").entrySet()) {
            builder.action(entry.getKey(), action(settings, "actions", entry.getValue()));
        }
        for (Map.Entry<String, String> entry : settings.stringMap("rule-actions").entrySet()) {
            try {
                builder.ruleAction(entry.getKey(), action(settings, "rule-actions", entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw settings.error("rule-actions", e.getMessage());
            }
        }
        try {
            builder.disableRules(settings.strings("disabled-rules").toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw settings.error("disabled-rules", e.getMessage());
        }
        try {
            builder.allow(settings.strings("allow").toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw settings.error("allow", e.getMessage());
        }
        try {
            builder.deny(settings.strings("deny").toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw settings.error("deny", e.getMessage());
        }
        return builder.build();
    }

    private static Action action(FilterSettings settings, String key, String value) {
        try {
            return Action.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw settings.error(key, "unknown action '" + value + "'; allowed: BLOCK, REDACT, MASK, HASH, PSEUDONYMISE, REPORT_ONLY");
        }
    }
}
