package dev.guard4j.filters.limits;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import java.time.Duration;

/**
 * Makes {@link ConsumptionLimits} from a policy's {@code limits} entry.
 *
 * <p>Keys: {@code max-message-chars}, {@code max-request-chars}, {@code max-messages},
 * {@code max-tool-results}, {@code max-principals}, and a {@code rate} section with
 * {@code requests}, {@code characters} and {@code window-seconds}.
 */
public final class ConsumptionLimitsFactory implements FilterFactory {

    @Override
    public String name() {
        return "limits";
    }

    @Override
    public Object create(FilterSettings settings) {
        ConsumptionLimits.Builder builder = ConsumptionLimits.builder();
        int unset = Integer.MAX_VALUE;
        int messageChars = settings.integer("max-message-chars", unset, 1, unset);
        if (messageChars != unset) {
            builder.maxMessageChars(messageChars);
        }
        int requestChars = settings.integer("max-request-chars", unset, 1, unset);
        if (requestChars != unset) {
            builder.maxRequestChars(requestChars);
        }
        int messages = settings.integer("max-messages", unset, 1, unset);
        if (messages != unset) {
            builder.maxMessages(messages);
        }
        int toolResults = settings.integer("max-tool-results", unset, 0, unset);
        if (toolResults != unset) {
            builder.maxToolResults(toolResults);
        }
        builder.maxPrincipals(settings.integer("max-principals", 100_000, 1, 10_000_000));
        settings.section("rate").ifPresent(rate -> builder.rateLimit(
                rate.integer("requests", 60, 1, unset),
                rate.integer("characters", unset, 1, unset),
                Duration.ofSeconds(rate.integer("window-seconds", 60, 1, 31_536_000))));
        return builder.build();
    }
}
