package dev.mkw.ui.run;

import java.nio.file.Path;
import java.util.stream.Collectors;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.run.ReportAssembler;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.SimEngine;

/**
 * Runs one scenario file headless (the UI only presents the result): load, refuse with the
 * DSL's messages if invalid, simulate in slices so cancel works, publish to {@link RunResults}.
 */
public final class ScenarioRun {
    private ScenarioRun() {}

    /** Thrown for a scenario that cannot run; the message is what the user should read. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        public Refused(String m) { super(m); }
    }

    public static RunResults.Run run(Path file, java.util.function.BooleanSupplier cancelled) throws Refused {
        return run(file, java.util.List.of(), cancelled);
    }

    /** Run with {@code key=value} settings applied (a launch configuration's machine, kernel and run tabs). */
    public static RunResults.Run run(Path file, java.util.List<String> settings, java.util.function.BooleanSupplier cancelled) throws Refused {
        Simulation sim = prepare(file, settings);
        SimEngine.StopReason why;
        do {
            why = sim.step(100_000);
        } while (why == SimEngine.StopReason.PAUSED && !cancelled.getAsBoolean());
        RunResults.Run run = snapshot(file, sim, settings, cancelled.getAsBoolean() ? "cancelled" : why.name().toLowerCase());
        RunResults.get().publish(run);
        return run;
    }

    /** Load, apply settings and build the simulation, not yet started; refuse what cannot run. */
    public static Simulation prepare(Path file, java.util.List<String> settings) throws Refused {
        LoadResult loaded = ScenarioLoader.standalone().withDefaultPreset(dev.mkw.ui.prefs.MkwPreferences.defaultPreset()).load(file);
        if (loaded.hasErrors()) {
            throw new Refused(loaded.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        }
        Scenario s = loaded.scenario();
        try {
            s = dev.mkw.cli.VariantSettings.apply(s, settings);
        } catch (dev.mkw.cli.CliException e) {
            throw new Refused(e.getMessage());
        }
        // The Message Log and Timeline need a trace: a scenario without one gets the preference's
        // (by default a ring of the last 100 000 events).
        if (s.run().trace() == dev.mkw.scenario.RunSpec.Trace.OFF) {
            s = s.withRun(s.run().withTrace(switch (dev.mkw.ui.prefs.MkwPreferences.traceMode()) {
                case dev.mkw.ui.prefs.MkwPreferences.OFF -> dev.mkw.scenario.RunSpec.Trace.OFF;
                case dev.mkw.ui.prefs.MkwPreferences.ON -> dev.mkw.scenario.RunSpec.Trace.ON;
                default -> dev.mkw.scenario.RunSpec.Trace.RING;
            }, dev.mkw.ui.prefs.MkwPreferences.traceRing()));
        }
        try {
            return Simulation.create(s, MachinePresets.get().machine(s.machine().preset(), s.machine().overrides()));
        } catch (IllegalArgumentException e) {
            throw new Refused("impossible configuration: " + e.getMessage());
        }
    }

    /** The views' picture of a simulation as it is now (paused or over). */
    public static RunResults.Run snapshot(Path file, Simulation sim, String state) {
        return snapshot(file, sim, java.util.List.of(), state);
    }

    /** As {@link #snapshot(Path, Simulation, String)}, recording the {@code key=value} settings so two runs can be told apart. */
    public static RunResults.Run snapshot(Path file, Simulation sim, java.util.List<String> settings, String state) {
        var inspect = sim.inspector();
        java.util.Map<String, String> map = new java.util.TreeMap<>();
        for (String kv : settings) {
            int eq = kv.indexOf('=');
            if (eq > 0) map.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return new RunResults.Run(file.toString(), ReportAssembler.report(sim, map, state), sim.threads(),
                inspect.mappings(), inspect.irqs(), inspect.capabilities(), inspect.messages());
    }
}
