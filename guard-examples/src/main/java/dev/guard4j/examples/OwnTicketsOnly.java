package dev.guard4j.examples;

import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.Verdict;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blocks a request that mentions a support ticket the caller does not own: a custom filter in twenty lines. */
public final class OwnTicketsOnly implements InputValidator {

    private static final Pattern TICKET = Pattern.compile("\\bT-\\d{5}\\b");
    private final Map<String, String> ownerByTicket;

    /**
     * Creates the filter.
     *
     * @param ownerByTicket each ticket's owner (a principal)
     */
    public OwnTicketsOnly(Map<String, String> ownerByTicket) {
        this.ownerByTicket = Map.copyOf(ownerByTicket);
    }

    @Override
    public Verdict validate(Content input) {
        String caller = input.context().principal().orElse("");
        Matcher ticket = TICKET.matcher(input.text());
        while (ticket.find()) {
            if (!caller.equals(ownerByTicket.get(ticket.group()))) {
                return Verdict.block("the request names a ticket the caller does not own",
                        new Finding("own-tickets-only", "FOREIGN_TICKET", ticket.start(), ticket.end(), 1.0));
            }
        }
        return Verdict.pass();
    }

    @Override
    public boolean memoisable() {
        return false; // the verdict depends on who asks, not only on the text
    }
}
