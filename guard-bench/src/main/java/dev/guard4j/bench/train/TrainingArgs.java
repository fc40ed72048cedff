package dev.guard4j.bench.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the trainers' command-line options and a user's own labelled CSV or JSON-lines file. */
final class TrainingArgs {

    private static final Set<String> TRUE_LABELS = Set.of("1", "true", "yes", "injection", "positive", "toxic");

    /** One user-supplied example. */
    record Example(String text, boolean positive) {
    }

    private TrainingArgs() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    /** Reads {@code text} and {@code label} columns from a .csv (header row) or .jsonl file; a label is positive when 1/true/yes. */
    static List<Example> read(Path file, String textColumn, String labelColumn) throws IOException {
        List<Example> examples = new ArrayList<>();
        if (file.toString().endsWith(".jsonl")) {
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    examples.add(new Example(node.path(textColumn).asText(), TRUE_LABELS.contains(node.path(labelColumn).asText().toLowerCase())));
                }
            }
        } else {
            try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
                for (Map<String, String> row : rows.readAll()) {
                    examples.add(new Example(row.getOrDefault(textColumn, ""), TRUE_LABELS.contains(row.getOrDefault(labelColumn, "").toLowerCase())));
                }
            }
        }
        return examples;
    }
}
