package dev.mkw.sim.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.mkw.sim.contrib.Contributions;
import dev.mkw.sim.report.RunReport;

/**
 * The analyses known to this process, by id: built-ins plus contributions (extension point
 * {@value #EXTENSION_POINT} under Equinox, ServiceLoader as plain jars) plus any registered
 * by hand. The first analysis of an id wins; later ones are noted as problems.
 */
public final class Analyses {
    public static final String EXTENSION_POINT = "dev.mkw.sim.analyses";

    private final Map<String, Analysis> byId = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    public static Analyses builtIns() {
        Analyses a = new Analyses();
        a.register(new IpcLatencyAnalysis());
        a.register(new KernelPathsAnalysis());
        a.register(new CacheTlbAnalysis());
        a.register(new IrqLatencyAnalysis());
        return a;
    }

    public static Analyses discover() {
        Analyses a = builtIns();
        Contributions.Found<Analysis> found = Contributions.discover(EXTENSION_POINT, Analysis.class, Analysis::id);
        found.items().forEach(a::register);
        a.problems.addAll(found.problems());
        return a;
    }

    public synchronized boolean register(Analysis analysis) {
        Analysis old = byId.get(analysis.id());
        if (old != null) {
            if (old.getClass() != analysis.getClass()) {
                problems.add("analysis id '" + analysis.id() + "' of " + analysis.getClass().getName()
                        + " is taken by " + old.getClass().getName());
            }
            return false;
        }
        byId.put(analysis.id(), analysis);
        return true;
    }

    public synchronized Optional<Analysis> find(String id) { return Optional.ofNullable(byId.get(id)); }

    public synchronized Analysis get(String id) {
        Analysis a = byId.get(id);
        if (a == null) throw new IllegalArgumentException("no analysis '" + id + "'; known: " + String.join(", ", byId.keySet()));
        return a;
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
    public synchronized List<Analysis> all() { return List.copyOf(byId.values()); }

    public synchronized List<String> problems() { return List.copyOf(problems); }
}
