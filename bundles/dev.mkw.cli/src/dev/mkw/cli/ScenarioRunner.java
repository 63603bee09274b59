package dev.mkw.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.run.ReportAssembler;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.SimEngine;
import dev.mkw.sim.report.RunReport;

/** Load → apply settings → build the machine → run → report: the steps shared by run, sweep and bench. */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    /** Load a scenario file; print its diagnostics; refuse it (exit 2) if it has errors. */
    public static Scenario load(Path file, CliContext ctx) throws CliException {
        LoadResult r = ScenarioLoader.standalone().load(file);
        for (Diagnostic d : r.diagnostics()) ctx.err().println(d.format());
        if (r.hasErrors()) {
            long n = r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
            throw new CliException(file + " has " + n + " error" + (n == 1 ? "" : "s") + "; nothing was run", ExitCode.BAD_INPUT);
        }
        return r.scenario();
    }

    /** A machine for the scenario: its preset, with the CPU count it asks for. */
    public static SimMachine machine(Scenario s) throws CliException {
        MachinePresets presets = MachinePresets.get();
        if (!presets.exists(s.machine().preset())) {
            throw new CliException("unknown machine preset '" + s.machine().preset() + "'; known: " + String.join(", ", presets.ids()));
        }
        try {
            return presets.machine(s.machine().preset(), s.machine().overrides());
        } catch (IllegalArgumentException e) {
            throw new CliException("impossible machine: " + e.getMessage());
        }
    }

    /** Run to the end under the default host-time limit and assemble the report. */
    public static RunReport run(Scenario s) throws CliException {
        return run(s, null, HostLimits.DEFAULT_TIME_LIMIT);
    }

    /**
     * Run to the end, showing {@code progress} (or nothing, if null), and assemble the report.
     * A run that has not finished after {@code timeLimit} of host time (zero: no limit) is
     * stopped and reported as not finished ({@link ExitCode#RUN_FAILED}).
     */
    public static RunReport run(Scenario s, ProgressBar progress, Duration timeLimit) throws CliException {
        Simulation sim;
        try {
            sim = Simulation.create(s, machine(s));
        } catch (IllegalArgumentException e) {
            throw new CliException("impossible configuration: " + e.getMessage());
        }
        SimEngine.StopReason why = new WatchedRun(sim, progress).run(timeLimit);
        String end = switch (why) {
            case CYCLE_LIMIT -> "cycle limit";
            case NO_MORE_EVENTS -> "no more events";
            default -> sim.inspector().errors().stream().anyMatch(e -> e.fatal()) ? "error" : "all threads done";
        };
        return ReportAssembler.report(sim, VariantSettings.describe(s), end);
    }

    /** Settings (key=value) applied to a scenario, for sweeps. */
    public static Scenario with(Scenario s, Map<String, String> settings) throws CliException {
        for (Map.Entry<String, String> e : settings.entrySet()) s = VariantSettings.apply(s, e.getKey(), e.getValue());
        return s;
    }

    static List<String> errorLines(RunReport r) {
        return r.errorLines();
    }
}
