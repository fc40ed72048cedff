package dev.guard4j.bedrock;

import dev.guard4j.FilterOptions;
import dev.guard4j.InputValidator;
import dev.guard4j.OutputChecker;
import java.util.ArrayList;
import java.util.List;

/** Collects the local filters and the report entries while a definition is read. */
final class ImportedFilters {

    final List<ImportedGuardrail.Input> inputs = new ArrayList<>();
    final List<ImportedGuardrail.Output> outputs = new ArrayList<>();
    final List<ImportReport.Entry> entries = new ArrayList<>();

    void input(InputValidator validator, String name) {
        inputs.add(new ImportedGuardrail.Input(validator, FilterOptions.named(name)));
    }

    void output(OutputChecker checker, String name) {
        outputs.add(new ImportedGuardrail.Output(checker, FilterOptions.named(name)));
    }

    void report(String path, String what, ImportReport.Status status, String detail) {
        entries.add(new ImportReport.Entry(path, what, status, detail));
    }
}
