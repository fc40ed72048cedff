package dev.guard4j.filters.words;

import dev.guard4j.filters.redact.Action;

/** The actions that make sense for a word or a regex match: hashing or pseudonymising a swear word does not. */
final class SupportedActions {

    private SupportedActions() {
    }

    static boolean supports(Action action) {
        return action == Action.BLOCK || action == Action.REDACT || action == Action.MASK || action == Action.REPORT_ONLY;
    }

    static String refusal(Action action) {
        return "action " + action + " is not supported here; use BLOCK, REDACT, MASK or REPORT_ONLY";
    }
}
