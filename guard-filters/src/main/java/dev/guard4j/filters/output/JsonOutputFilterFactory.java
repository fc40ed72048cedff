package dev.guard4j.filters.output;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes a {@link JsonOutputFilter} from a policy's {@code json-output} entry.
 *
 * <p>Keys: {@code schema} (inline JSON Schema text) or {@code schema-file}, {@code when}
 * ({@code always} or {@code json-requested}), {@code fence} ({@code strip} or {@code block}),
 * {@code max-chars} (default 1,000,000) and {@code max-depth} (default 64).
 */
public final class JsonOutputFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "json-output";
    }

    @Override
    public Object create(FilterSettings settings) {
        JsonOutputFilter.Builder builder = JsonOutputFilter.builder()
                .when(settings.choice("when", JsonOutputFilter.When.class, JsonOutputFilter.When.ALWAYS))
                .fence(settings.choice("fence", JsonOutputFilter.Fence.class, JsonOutputFilter.Fence.STRIP))
                .maxChars(settings.integer("max-chars", 1_000_000, 2, 100_000_000))
                .maxDepth(settings.integer("max-depth", 64, 1, 1000));
        Optional<String> inline = settings.string("schema");
        Optional<Path> file = settings.path("schema-file");
        if (inline.isPresent() && file.isPresent()) {
            throw settings.error("schema-file", "give 'schema' or 'schema-file', not both");
        }
        String key = inline.isPresent() ? "schema" : "schema-file";
        try {
            if (inline.isPresent()) {
                builder.schema(inline.get());
            } else if (file.isPresent()) {
                builder.schema(Files.readString(file.get(), StandardCharsets.UTF_8));
            }
            return builder.build();
        } catch (IllegalArgumentException | IOException e) {
            throw settings.error(key, e.getMessage());
        }
    }
}
