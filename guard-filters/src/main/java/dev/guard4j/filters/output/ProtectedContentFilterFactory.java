package dev.guard4j.filters.output;

import dev.guard4j.filters.policy.FilterFactory;
import dev.guard4j.filters.policy.FilterSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes a {@link ProtectedContentFilter} from a policy's {@code protected-content} entry.
 *
 * <p>Keys: {@code documents} (a list of sections with {@code id} and either {@code text} or
 * {@code file}), {@code directory} (every regular file in it, its name as id, read as UTF-8),
 * {@code shingle-size} (default 5), {@code sampling} (default 4), {@code max-fingerprints-per-document}
 * (default 2048), {@code threshold} (default 0.5), {@code min-matching-fingerprints} (default 3),
 * {@code passage-fingerprints} (default 12), {@code max-document-frequency} (default 1000),
 * {@code action} ({@code block} or {@code replace}) and {@code replacement}.
 */
public final class ProtectedContentFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "protected-content";
    }

    @Override
    public Object create(FilterSettings settings) {
        int sampling = settings.integer("sampling", 4, 1, 64);
        if (Integer.bitCount(sampling) != 1) {
            throw settings.error("sampling", "sampling must be a power of two (1, 2, 4, 8, 16, 32 or 64), was " + sampling);
        }
        ProtectedContentFilter.Builder builder = ProtectedContentFilter.builder()
                .shingleSize(settings.integer("shingle-size", 5, 3, 12))
                .sampling(sampling)
                .maxFingerprintsPerDocument(settings.integer("max-fingerprints-per-document", 2048, 16, 1_000_000))
                .threshold(settings.number("threshold", 0.5, 0.01, 1.0))
                .minMatchingFingerprints(settings.integer("min-matching-fingerprints", 3, 1, 100_000))
                .passageFingerprints(settings.integer("passage-fingerprints", 12, 1, 100_000))
                .maxDocumentFrequency(settings.integer("max-document-frequency", 1000, 1, Integer.MAX_VALUE))
                .action(settings.choice("action", ProtectedContentFilter.Action.class, ProtectedContentFilter.Action.BLOCK))
                .replacement(settings.string("replacement", "[protected content removed]"));
        for (FilterSettings document : settings.sections("documents")) {
            String id = document.string("id").orElseThrow(() -> document.error("id", "a protected document needs an id"));
            Optional<String> text = document.string("text");
            Optional<Path> file = document.path("file");
            if (text.isPresent() == file.isPresent()) {
                throw document.error(text.isPresent() ? "file" : "text", "give a protected document either 'text' or 'file', not both or neither");
            }
            try {
                if (text.isPresent()) {
                    builder.document(id, text.get());
                } else {
                    addFile(builder, id, file.get());
                }
            } catch (IllegalArgumentException | IOException e) {
                throw document.error(text.isPresent() ? "text" : "file", e.getMessage());
            }
        }
        settings.path("directory").ifPresent(directory -> {
            try (Stream<Path> files = Files.list(directory)) {
                List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
                for (Path file : sorted) {
                    addFile(builder, file.getFileName().toString(), file);
                }
            } catch (IllegalArgumentException | IOException e) {
                throw settings.error("directory", "cannot read protected documents: " + e.getMessage());
            }
        });
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw settings.error("documents", e.getMessage() + " (with 'documents' or 'directory')");
        }
    }

    private static void addFile(ProtectedContentFilter.Builder builder, String id, Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            builder.document(id, reader);
        }
    }
}
