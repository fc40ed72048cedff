package dev.guard4j.examples;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;

/**
 * Lets a policy file use {@link OwnTicketsOnly}: reference this class by name and give the
 * owners under {@code settings.owners} (ticket: principal).
 */
public final class OwnTicketsOnlyFactory implements FilterFactory {

    /** Creates the factory; the policy loader calls this public no-arg constructor. */
    public OwnTicketsOnlyFactory() {
    }

    @Override
    public String name() {
        return "own-tickets-only";
    }

    @Override
    public Object create(FilterSettings settings) {
        return new OwnTicketsOnly(settings.stringMap("owners"));
    }
}
