package dev.guard4j.bench.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the rows of an evaluation run and prints them as tables, one per suite and data set,
 * and as JSON.
 */
public final class EvalReport {

    private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * Adds a row of standard binary-classification figures.
     *
     * @param table the table's title, such as {@code "injection / notinject"}
     * @param detector the detector's name, such as {@code "guard4j"} or {@code "langchain4j-pattern"}
     * @param metrics the counts and latencies
     */
    public void add(String table, String detector, BinaryMetrics metrics) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("detector", detector);
        row.put("n", metrics.n());
        row.put("TP", metrics.tp());
        row.put("FP", metrics.fp());
        row.put("FN", metrics.fn());
        row.put("TN", metrics.tn());
        row.put("precision", metrics.precision());
        row.put("recall", metrics.recall());
        row.put("F1", metrics.f1());
        row.put("FPR", metrics.falsePositiveRate());
        row.put("balancedAcc", metrics.balancedAccuracy());
        row.put("p50us", metrics.latencyMicros(50));
        row.put("p99us", metrics.latencyMicros(99));
        addRow(table, row);
    }

    /**
     * Adds a free-form row (per-rule recall, pass/fail counts, macro-F1).
     *
     * @param table the table's title
     * @param row column name to value, in display order
     */
    public void addRow(String table, Map<String, Object> row) {
        tables.computeIfAbsent(table, t -> new ArrayList<>()).add(new LinkedHashMap<>(row));
    }

    /**
     * Adds a line printed after the tables (a skipped data set, a caveat).
     *
     * @param note the note
     */
    public void note(String note) {
        notes.add(note);
    }

    /**
     * Returns the rows of one table, for tests.
     *
     * @param table the table's title
     * @return the rows of one table, for tests
     */
    public List<Map<String, Object>> rows(String table) {
        return tables.getOrDefault(table, List.of());
    }

    /**
     * Returns the titles of the tables filled so far.
     *
     * @return the titles of the tables filled so far
     */
    public List<String> tables() {
        return List.copyOf(tables.keySet());
    }

    /**
     * Prints every table as aligned text.
     *
     * @param out the out
     */
    public void print(PrintStream out) {
        for (Map.Entry<String, List<Map<String, Object>>> table : tables.entrySet()) {
            out.println();
            out.println("== " + table.getKey());
            List<String> columns = new ArrayList<>();
            for (Map<String, Object> row : table.getValue()) {
                row.keySet().stream().filter(c -> !columns.contains(c)).forEach(columns::add);
            }
            List<List<String>> cells = new ArrayList<>();
            cells.add(columns);
            for (Map<String, Object> row : table.getValue()) {
                cells.add(columns.stream().map(c -> format(row.get(c))).toList());
            }
            int[] widths = new int[columns.size()];
            for (List<String> line : cells) {
                for (int i = 0; i < line.size(); i++) {
                    widths[i] = Math.max(widths[i], line.get(i).length());
                }
            }
            for (List<String> line : cells) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < line.size(); i++) {
                    String cell = line.get(i);
                    text.append(i == 0 ? String.format("%-" + widths[i] + "s", cell) : String.format("  %" + widths[i] + "s", cell));
                }
                out.println(text);
            }
        }
        notes.forEach(note -> out.println("note: " + note));
    }

    /**
     * Writes the tables and notes as one JSON document.
     *
     * @param file the file
     */
    public void writeJson(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tables", tables);
        document.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return d.isNaN() ? "-" : String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(value);
    }
}
