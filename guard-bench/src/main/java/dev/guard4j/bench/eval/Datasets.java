package dev.guard4j.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads the shared, read-only evaluation data sets ({@code ../shared/datasets}).
 *
 * <p>The data is never copied into the repository: it is read from where it lies, found through
 * the system property {@code guard4j.datasets}, the environment variable {@code GUARD4J_DATASETS},
 * or {@code shared/datasets} beside the working directory or one of its parents.
 */
public final class Datasets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private final Path root;

    private Datasets(Path root) {
        this.root = root;
    }

    /**
     * Returns the data sets if they can be found on this machine.
     *
     * @return the data sets if they can be found on this machine
     */
    public static Optional<Datasets> locate() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("guard4j.datasets");
        if (property != null && !property.isBlank()) {
            candidates.add(Paths.get(property));
        }
        String env = System.getenv("GUARD4J_DATASETS");
        if (env != null && !env.isBlank()) {
            candidates.add(Paths.get(env));
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared/datasets"));
            candidates.add(dir.resolve("../shared/datasets"));
        }
        return candidates.stream()
                .map(Path::normalize)
                .filter(path -> Files.isRegularFile(path.resolve("README.md")))
                .findFirst()
                .map(Datasets::new);
    }

    /**
     * Returns the folder that holds the data sets.
     *
     * @return the folder that holds the data sets
     */
    public Path root() {
        return root;
    }

    /**
     * Returns whether the file exists, relative to the root.
     *
     * @param relativePath the file, relative to the root
     * @return whether the file exists, relative to the root
     */
    public boolean has(String relativePath) {
        return Files.isRegularFile(root.resolve(relativePath));
    }

    /**
     * Reads a CSV file with a header row (quoted fields may span lines).
     *
     * @param relativePath the file, relative to the root
     * @return one map per row, column name to value
     */
    public List<Map<String, String>> csv(String relativePath) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(schema)
                .without(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(root.resolve(relativePath).toFile())) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(relativePath), e);
        }
    }

    /**
     * Reads a JSON-lines file.
     *
     * @param relativePath the file, relative to the root
     * @return one tree per non-blank line
     */
    public List<JsonNode> jsonl(String relativePath) {
        Path file = root.resolve(relativePath);
        try {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
