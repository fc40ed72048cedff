package dev.guard4j.filters.output;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;

/**
 * Makes a {@link LinkFilter} from a policy's {@code links} entry.
 *
 * <p>Keys: {@code allow-domains}, {@code deny-domains} (lists of host names; subdomains
 * included), {@code max-query-value-length} (default 48), {@code action} ({@code block} or
 * {@code redact}) and {@code replacement}.
 */
public final class LinkFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "links";
    }

    @Override
    public Object create(FilterSettings settings) {
        LinkFilter.Builder builder = LinkFilter.builder()
                .maxQueryValueLength(settings.integer("max-query-value-length", 48, 8, 4096))
                .action(settings.choice("action", LinkFilter.Action.class, LinkFilter.Action.BLOCK))
                .replacement(settings.string("replacement", "[link removed]"));
        try {
            builder.allow(settings.strings("allow-domains").toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw settings.error("allow-domains", e.getMessage());
        }
        try {
            builder.deny(settings.strings("deny-domains").toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw settings.error("deny-domains", e.getMessage());
        }
        return builder.build();
    }
}
