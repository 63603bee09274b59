package dev.mkw.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.run.RunPipeline;
import dev.mkw.run.RunRefused;
import dev.mkw.run.Simulation;
import dev.mkw.run.VariantSettings;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.SimEngine;
import dev.mkw.sim.report.RunReport;

/**
 * The command line's side of the {@link RunPipeline}: load a file printing its diagnostics,
 * apply settings, and run under the host-time watchdog ({@link WatchedRun}); run, sweep and
 * fidelity use it, so their reports are made exactly as the workbench's are.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    /** Load a scenario file; print its diagnostics; refuse it (exit 2) if it has errors. */
    public static Scenario load(Path file, CliContext ctx) throws CliException {
        return load(file, ctx, Map.of());
    }

    /**
     * Load a scenario file with its parameters given these values ({@code --set param.NAME=V}:
     * NAME → value as typed); print its diagnostics; refuse it (exit 2) if it has errors, an
     * undeclared parameter among them.
     */
    public static Scenario load(Path file, CliContext ctx, Map<String, String> params) throws CliException {
        LoadResult r = ScenarioLoader.standalone().withParams(params).load(file);
        for (Diagnostic d : r.diagnostics()) ctx.err().println(d.format());
        if (r.hasErrors()) {
            long n = r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
            throw new CliException(file + " has " + n + " error" + (n == 1 ? "" : "s") + "; nothing was run", ExitCode.BAD_INPUT);
        }
        return r.scenario();
    }

    /** Run to the end under the default host-time limit and assemble the report. */
    public static RunReport run(Scenario s) throws CliException {
        return run(s, null, HostLimits.DEFAULT_TIME_LIMIT);
    }

    /**
     * Run to the end through the {@link RunPipeline}, showing {@code progress} (or nothing, if
     * null), and assemble the report. A run that has not finished after {@code timeLimit} of
     * host time (zero: no limit) is stopped and reported as not finished ({@link ExitCode#RUN_FAILED}).
     */
    public static RunReport run(Scenario s, ProgressBar progress, Duration timeLimit) throws CliException {
        Simulation sim;
        try {
            sim = RunPipeline.prepare(s);
        } catch (RunRefused e) {
            throw new CliException(e.getMessage());
        }
        SimEngine.StopReason why = new WatchedRun(sim, progress).run(timeLimit);
        return RunPipeline.report(sim, RunPipeline.endReason(sim, why));
    }

    /** Settings (key=value) applied to a scenario, for sweeps. */
    public static Scenario with(Scenario s, Map<String, String> settings) throws CliException {
        try {
            for (Map.Entry<String, String> e : settings.entrySet()) s = VariantSettings.apply(s, e.getKey(), e.getValue());
        } catch (RunRefused e) {
            throw new CliException(e.getMessage());
        }
        return s;
    }

    /** {@code key=value} settings ({@code --set}) applied in order. */
    public static Scenario with(Scenario s, List<String> settings) throws CliException {
        try {
            return RunPipeline.apply(s, settings);
        } catch (RunRefused e) {
            throw new CliException(e.getMessage());
        }
    }

    static List<String> errorLines(RunReport r) {
        return r.errorLines();
    }
}
