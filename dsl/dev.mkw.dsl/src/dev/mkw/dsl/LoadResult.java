package dev.mkw.dsl;

import java.util.List;

import dev.mkw.scenario.Scenario;

/** The outcome of loading a scenario file: the scenario (null when there are errors) and every diagnostic, in file order. */
public record LoadResult(Scenario scenario, List<Diagnostic> diagnostics) {
    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
