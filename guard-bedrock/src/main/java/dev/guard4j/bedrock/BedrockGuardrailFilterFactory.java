package dev.guard4j.bedrock;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * Makes a {@link BedrockGuardrailFilter} from a policy, under the name {@code bedrock-guardrail}.
 *
 * <p>Settings: {@code guardrail-id} (required), {@code version} (default {@code DRAFT}),
 * {@code region} (default: the SDK's region chain), {@code endpoint} (an endpoint override, such as
 * a {@code BedrockEmulator}), {@code max-attempts} (1 to 10, default 3) and {@code timeout-ms} (per
 * call, 100 to 120000, default 10000). Credentials come from the SDK's default chain. The client
 * is built with SDK retries off, so {@code max-attempts} is the whole retry budget.
 */
public final class BedrockGuardrailFilterFactory implements FilterFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public BedrockGuardrailFilterFactory() {
    }

    @Override
    public String name() {
        return "bedrock-guardrail";
    }

    @Override
    public Object create(FilterSettings settings) {
        String id = settings.string("guardrail-id")
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> settings.error("guardrail-id", "the Bedrock guardrail's id or ARN is required"));
        String version = settings.string("version", "DRAFT");
        if (version.isBlank()) {
            throw settings.error("version", "must be a version number or DRAFT");
        }
        Optional<String> region = settings.string("region");
        Optional<String> endpoint = settings.string("endpoint");
        int maxAttempts = settings.integer("max-attempts", 3, 1, 10);
        int timeoutMs = settings.integer("timeout-ms", 10_000, 100, 120_000);

        BedrockRuntimeClientBuilder client = BedrockRuntimeClient.builder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofMillis(timeoutMs)));
        if (region.isPresent()) {
            if (region.get().isBlank()) {
                throw settings.error("region", "must be an AWS region such as us-east-1");
            }
            client.region(Region.of(region.get()));
        }
        if (endpoint.isPresent()) {
            URI uri;
            try {
                uri = URI.create(endpoint.get());
            } catch (IllegalArgumentException e) {
                throw settings.error("endpoint", "is not a URI: " + e.getMessage());
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw settings.error("endpoint", "must be an absolute http(s) URI such as http://127.0.0.1:8080");
            }
            client.endpointOverride(uri);
        }
        BedrockRuntimeClient built;
        try {
            built = client.build();
        } catch (SdkClientException e) {
            throw settings.error("region", "no region given and the SDK found none (AWS_REGION, profile): " + e.getMessage());
        }
        return BedrockGuardrailFilter.builder()
                .client(built)
                .guardrail(id, version)
                .maxAttempts(maxAttempts)
                .build();
    }
}
