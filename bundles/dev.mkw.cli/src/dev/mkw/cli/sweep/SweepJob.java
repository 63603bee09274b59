package dev.mkw.cli.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.mkw.cli.CliException;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.run.VariantSettings;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.sweep.Metric;
import dev.mkw.sim.sweep.Metrics;
import dev.mkw.sim.sweep.Sweep;
import dev.mkw.sim.sweep.SweepRunner;
import dev.mkw.sim.sweep.SweepTable;

/**
 * A sweep as the command line states it: the scenario, the varied settings ({@code --vary}
 * specs) and the metric columns. Every engine makes a point's row with {@link #row(int)}
 * (or, many at a time, through {@link #runner()} and {@link SweepRunner}), so a point's row
 * is the same wherever it ran. The specs and metric names are plain strings, so an engine
 * that runs points in other processes (Spark's executors) ships them and rebuilds the job
 * there with {@link #of}.
 */
public final class SweepJob {
    private final Path scenarioFile;
    private final Scenario scenario;
    private final List<String> varySpecs;
    private final List<String> metricNames;
    private final Sweep sweep;
    private final SweepTable table;
    private final Loader loader;
    /** The scenario loaded with each combination of parameter values a point asked for. */
    private final Map<Map<String, String>, Scenario> withParams = new ConcurrentHashMap<>();

    /**
     * How the scenario is loaded with parameter values ({@code param.NAME} settings: NAME →
     * value): from its file here, from shipped texts on a Spark executor.
     */
    @FunctionalInterface
    public interface Loader {
        /** @throws CliException with the load's first error (an undeclared parameter, a value past a limit) */
        Scenario load(Map<String, String> params) throws CliException;
    }

    private SweepJob(Path scenarioFile, Scenario scenario, Loader loader, List<String> varySpecs, List<String> metricNames, Sweep sweep, List<Metric> metrics) {
        this.scenarioFile = scenarioFile;
        this.scenario = scenario;
        this.loader = loader;
        this.varySpecs = List.copyOf(varySpecs);
        this.metricNames = List.copyOf(metricNames);
        this.sweep = sweep;
        this.table = new SweepTable(sweep.keys(), metrics);
    }

    /**
     * The job of {@code scenario} (loaded from {@code scenarioFile}) over {@code varySpecs}
     * ({@code KEY=V1,V2}); {@code metricNames} empty means the standard columns.
     *
     * @throws CliException naming the bad axis, setting or metric
     */
    public static SweepJob of(Path scenarioFile, Scenario scenario, List<String> varySpecs, List<String> metricNames) throws CliException {
        return of(scenarioFile, scenario, fileLoader(scenarioFile), varySpecs, metricNames);
    }

    /** The loader of {@code file} with parameter values. */
    public static Loader fileLoader(Path file) {
        return params -> {
            LoadResult r = ScenarioLoader.standalone().withParams(params).load(file);
            if (r.hasErrors()) throw new CliException(firstError(r));
            return r.scenario();
        };
    }

    /** The first error of a load, FILE:LINE:COL first. */
    public static String firstError(LoadResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).findFirst().map(Diagnostic::format).orElse("the scenario did not load");
    }

    /**
     * As {@link #of(Path, Scenario, List, List)}, loading the scenario with a point's parameter
     * values through {@code loader}. Every axis is checked before anything runs: an unknown
     * setting, a machine field the preset does not have or a value it cannot take, a parameter
     * the scenario does not declare or a value that is not a number.
     */
    public static SweepJob of(Path scenarioFile, Scenario scenario, Loader loader, List<String> varySpecs, List<String> metricNames) throws CliException {
        return of(scenarioFile, scenario, loader, List.of(), varySpecs, metricNames);
    }

    /**
     * As {@link #of(Path, Scenario, List, List)} with fixed settings ({@code mkw sweep --set
     * KEY=VALUE}, as {@code mkw run --set} takes them): each is an axis of one value, first, so
     * every engine applies it to every point and each row shows it; a key may not be both set and varied.
     */
    public static SweepJob of(Path scenarioFile, Scenario scenario, List<String> setSpecs, List<String> varySpecs, List<String> metricNames) throws CliException {
        return of(scenarioFile, scenario, fileLoader(scenarioFile), setSpecs, varySpecs, metricNames);
    }

    private static SweepJob of(Path scenarioFile, Scenario scenario, Loader loader, List<String> setSpecs, List<String> varySpecs, List<String> metricNames)
            throws CliException {
        java.util.Set<String> fixed = new java.util.LinkedHashSet<>();
        for (String kv : setSpecs) {
            int eq = kv.indexOf('=');
            if (eq <= 0 || eq == kv.length() - 1 || kv.indexOf(',') >= 0) {
                throw new CliException("--set takes KEY=VALUE (one value; --vary KEY=V1,V2 varies it), got '" + kv + "'");
            }
            if (!fixed.add(kv.substring(0, eq).trim())) throw new CliException("--set " + kv.substring(0, eq).trim() + " is given twice");
        }
        for (String kv : varySpecs) {
            int eq = kv.indexOf('=');
            String key = eq < 0 ? kv.trim() : kv.substring(0, eq).trim();
            if (fixed.contains(key)) throw new CliException(key + " is given with both --set and --vary: set it to one value or vary it");
        }
        List<String> specs = new ArrayList<>(setSpecs);
        specs.addAll(varySpecs);
        varySpecs = specs;
        Sweep sweep;
        List<Metric> metrics = new ArrayList<>();
        try {
            sweep = Sweep.parse(varySpecs);
            if (metricNames.isEmpty()) metrics.addAll(Metrics.standard());
            for (String m : metricNames) metrics.add(Metrics.parse(m));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        for (String key : sweep.keys()) {
            if (!VariantSettings.isKnown(key)) throw new CliException("unknown setting '" + key + "'; known: " + String.join(", ", VariantSettings.KEYS.keySet())
                    + ", " + VariantSettings.MACHINE_FIELD_HELP + ", and " + VariantSettings.PARAM_HELP);
        }
        if (scenario != null) SweepChecks.check(scenarioFile, scenario, loader, sweep, fixed);
        return new SweepJob(scenarioFile, scenario, loader, varySpecs, metricNames, sweep, metrics);
    }

    public Path scenarioFile() { return scenarioFile; }

    public Scenario scenario() { return scenario; }

    /** The {@code --vary} specs as given. */
    public List<String> varySpecs() { return varySpecs; }

    /** The {@code --metric} names as given (empty: the standard set). */
    public List<String> metricNames() { return metricNames; }

    public Sweep sweep() { return sweep; }

    public SweepTable table() { return table; }

    /** How one point runs: the scenario with the point's settings, run to its end by {@link ScenarioRunner}. */
    public Function<Map<String, String>, RunReport> runner() {
        return settings -> {
            try {
                return ScenarioRunner.run(scenario(settings));
            } catch (CliException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        };
    }

    /**
     * The scenario of a point: loaded with the point's parameters (once per combination), then
     * the point's other settings applied in the order of the axes.
     */
    public Scenario scenario(Map<String, String> settings) throws CliException {
        Map<String, String> params = VariantSettings.params(settings);
        Scenario s = scenario;
        if (!params.isEmpty()) {
            s = withParams.get(params);
            if (s == null) {
                s = loader.load(params);
                withParams.putIfAbsent(params, s);
            }
        }
        Map<String, String> rest = new LinkedHashMap<>(settings);
        rest.keySet().removeIf(VariantSettings::isParam);
        return ScenarioRunner.with(s, rest);
    }

    /** Run point {@code index} and give its row; a run that fails is a row with its error, never an exception. */
    public List<String> row(int index) {
        return table.row(SweepRunner.outcome(sweep.point(index), runner()));
    }
}
