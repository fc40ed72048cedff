package dev.guard4j.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Reads the parts every entry of a Bedrock guardrail definition shares: required text and per-side actions. */
final class DefinitionReading {

    private DefinitionReading() {
    }

    /** What a definition entry does on one side: block, anonymize, detect only, or nothing (disabled). */
    enum Action {
        BLOCK, ANONYMIZE, NONE, OFF
    }

    /** Which way a definition entry applies. */
    enum Side {
        INPUT("input"), OUTPUT("output");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Returns the input and output actions of an entry whose sides may share one {@code action}. */
    static Action[] sides(JsonNode node) {
        return new Action[] {action(node, "inputAction", "inputEnabled", "action"), action(node, "outputAction", "outputEnabled", "action")};
    }

    /**
     * Returns one side's action: {@code OFF} when the side is disabled, else its action, falling
     * back to the entry's single {@code action} key (PII and regexes) and then to BLOCK.
     */
    static Action action(JsonNode node, String actionKey, String enabledKey, String fallbackKey) {
        if (node.has(enabledKey) && !node.path(enabledKey).asBoolean(true)) {
            return Action.OFF;
        }
        String value = node.has(actionKey) ? node.path(actionKey).asText()
                : fallbackKey != null && node.has(fallbackKey) ? node.path(fallbackKey).asText() : "BLOCK";
        switch (value.toUpperCase(Locale.ROOT)) {
            case "BLOCK":
                return Action.BLOCK;
            case "ANONYMIZE":
                return Action.ANONYMIZE;
            case "NONE":
                return Action.NONE;
            default:
                throw new IllegalArgumentException(actionKey + " must be BLOCK, ANONYMIZE or NONE, was '" + value + "'");
        }
    }

    /** Bedrock's ANONYMIZE masks the value with its type: the local REDACT does the same with other brackets. */
    static dev.guard4j.filters.redact.Action localAction(Action action) {
        switch (action) {
            case BLOCK:
                return dev.guard4j.filters.redact.Action.BLOCK;
            case ANONYMIZE:
                return dev.guard4j.filters.redact.Action.REDACT;
            default:
                return dev.guard4j.filters.redact.Action.REPORT_ONLY;
        }
    }

    /** Returns a required, non-blank text value; the error names the key, not the entry's text (a word list may be offensive). */
    static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is missing or empty");
        }
        return value.asText();
    }
}
