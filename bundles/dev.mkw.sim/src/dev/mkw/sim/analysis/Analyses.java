package dev.mkw.sim.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mkw.sim.contrib.ContributionRegistry;
import dev.mkw.sim.contrib.Contributions;
import dev.mkw.sim.report.RunReport;

/**
 * The analyses known to this process, by id: built-ins plus contributions (extension point
 * {@value #EXTENSION_POINT} under Equinox, ServiceLoader as plain jars) plus any registered
 * by hand, in a {@link ContributionRegistry}: the first analysis of an id keeps it; later ones
 * are noted as problems.
 */
public final class Analyses {
    public static final String EXTENSION_POINT = "dev.mkw.sim.analyses";

    private final ContributionRegistry<Analysis> registry = new ContributionRegistry<>("analysis", Analysis::id, true);

    public static Analyses builtIns() {
        Analyses a = new Analyses();
        a.registry.registerAll(List.of(new IpcLatencyAnalysis(), new KernelPathsAnalysis(), new CacheTlbAnalysis(), new IrqLatencyAnalysis()));
        return a;
    }

    public static Analyses discover() {
        Analyses a = builtIns();
        a.registry.discover(EXTENSION_POINT, Analysis.class);
        return a;
    }

    /** Add an analysis; false (and a problem) if another one holds its id. */
    public boolean register(Analysis analysis) { return registry.register(analysis); }

    public Optional<Analysis> find(String id) { return registry.find(id); }

    public Analysis get(String id) {
        return registry.find(id).orElseThrow(() -> new IllegalArgumentException("no analysis '" + id + "'; known: " + String.join(", ", registry.ids())));
    }

    /**
     * What running one analysis gave: its table, or (when the analysis threw) a message naming
     * the analysis and the plugin it came from. Analyses come from plugins; one that throws
     * must not take the others, or the run's report, down with it.
     */
    public record Outcome(String id, String plugin, AnalysisResult result, String failure) {
        public boolean failed() { return failure != null; }
    }

    /** Run one analysis, catching what it throws. */
    public static Outcome run(Analysis analysis, RunReport report) {
        String plugin = Contributions.origin(analysis);
        String id;
        try {
            id = analysis.id();
        } catch (RuntimeException e) {
            id = analysis.getClass().getName();
        }
        try {
            AnalysisResult result = analysis.analyze(report);
            if (result == null) throw new IllegalStateException("it returned no table");
            return new Outcome(id, plugin, result, null);
        } catch (RuntimeException | LinkageError e) {
            return new Outcome(id, plugin, null, "analysis '" + id + "' (plugin " + plugin + ") failed: " + e + "; skipped");
        }
    }

    /** Run every analysis on a finished run, in id order; failures are outcomes, not exceptions. */
    public List<Outcome> runAll(RunReport report) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Analysis a : all()) outcomes.add(run(a, report));
        return outcomes;
    }

    /** All analyses, sorted by id. */
    public List<Analysis> all() { return registry.all(); }

    public List<String> problems() { return registry.problems(); }
}
