package dev.mkw.ui.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.run.RunPipeline;
import dev.mkw.run.RunRefused;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.SimEngine;
import dev.mkw.ui.prefs.MkwPreferences;

/**
 * Runs one scenario file headless through the {@link RunPipeline} (the UI only presents the
 * result): load, refuse with the language's messages if invalid, simulate in slices so cancel
 * works, publish to {@link RunResults}. The report's settings and end reason are made by the
 * pipeline, so they read as those of {@code mkw run}.
 */
public final class ScenarioRun {
    private ScenarioRun() {}

    /** Thrown for a scenario that cannot run; the message is what the user should read. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        public Refused(String m) { super(m); }
    }

    public static RunResults.Run run(Path file, BooleanSupplier cancelled) throws Refused {
        return run(file, List.of(), cancelled);
    }

    /** Run with {@code key=value} settings applied (a launch configuration's machine, kernel and run tabs). */
    public static RunResults.Run run(Path file, List<String> settings, BooleanSupplier cancelled) throws Refused {
        Simulation sim = prepare(file, settings);
        SimEngine.StopReason why;
        do {
            why = sim.step(100_000);
        } while (why == SimEngine.StopReason.PAUSED && !cancelled.getAsBoolean());
        String end = why == SimEngine.StopReason.PAUSED && !sim.isFinished() ? RunPipeline.stoppedByUser(sim) : RunPipeline.endReason(sim, why);
        RunResults.Run run = snapshot(file, sim, settings, end);
        RunResults.get().publish(run);
        return run;
    }

    /** Load, apply settings and build the simulation, not yet started; refuse what cannot run. */
    public static Simulation prepare(Path file, List<String> settings) throws Refused {
        // param.NAME settings are numbers of the text: given to the loader, the others applied after.
        LoadResult loaded = ScenarioLoader.standalone().withDefaultPreset(MkwPreferences.defaultPreset())
                .withParams(dev.mkw.run.VariantSettings.params(settings)).load(file);
        if (loaded.hasErrors()) {
            throw new Refused(loaded.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        }
        try {
            return RunPipeline.prepare(withTracePreference(RunPipeline.apply(loaded.scenario(), dev.mkw.run.VariantSettings.withoutParams(settings))));
        } catch (RunRefused e) {
            throw new Refused(e.getMessage());
        }
    }

    /**
     * The Message Log and Timeline need a trace: a scenario without one gets the preference's
     * (by default a ring of the last 100 000 events); the report's {@code run.trace} says so.
     */
    private static Scenario withTracePreference(Scenario s) {
        if (s.run().trace() != RunSpec.Trace.OFF) return s;
        return s.withRun(s.run().withTrace(switch (MkwPreferences.traceMode()) {
            case MkwPreferences.OFF -> RunSpec.Trace.OFF;
            case MkwPreferences.ON -> RunSpec.Trace.ON;
            default -> RunSpec.Trace.RING;
        }, MkwPreferences.traceRing()));
    }

    /** The views' picture of a simulation as it is now (paused or over), with the pipeline's end reason. */
    public static RunResults.Run snapshot(Path file, Simulation sim, String endReason) {
        return snapshot(file, sim, List.of(), endReason);
    }

    /** As {@link #snapshot(Path, Simulation, String)}, recording the {@code key=value} settings given, so two runs can be told apart. */
    public static RunResults.Run snapshot(Path file, Simulation sim, List<String> settings, String endReason) {
        var inspect = sim.inspector();
        Map<String, String> given = new TreeMap<>();
        for (String kv : settings) {
            int eq = kv.indexOf('=');
            if (eq > 0) given.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return new RunResults.Run(file.toString(), RunPipeline.report(sim, endReason), given, sim.threads(),
                inspect.mappings(), inspect.irqs(), inspect.capabilities(), inspect.messages());
    }
}
