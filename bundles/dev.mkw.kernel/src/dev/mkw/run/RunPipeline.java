package dev.mkw.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.SimEngine;
import dev.mkw.sim.export.Exporters;
import dev.mkw.sim.report.RunReport;

/**
 * The one way a scenario becomes a report: scenario → settings → machine → simulation →
 * report → exporters. The command line ({@code mkw run}, sweeps, {@code mkw fidelity}) and
 * the workbench (a run, a stepped session) go through these steps, so the same scenario and
 * settings give the same report, settings and end reason wherever it ran. Loading a file is
 * the front end's step (the scenario language sits above this bundle), and so is how the
 * engine is driven: the command line watches the host clock, the workbench steps in slices so
 * cancel and pause work; both end with {@link #endReason} and {@link #report}.
 */
public final class RunPipeline {
    private RunPipeline() {}

    /** Apply {@code key=value} settings ({@link VariantSettings}) in order. */
    public static Scenario apply(Scenario s, List<String> settings) throws RunRefused {
        return VariantSettings.apply(s, settings);
    }

    /** The scenario's machine: its preset with its overrides (CPU count among them). */
    public static SimMachine machine(Scenario s) throws RunRefused {
        MachinePresets presets = MachinePresets.get();
        if (!presets.exists(s.machine().preset())) {
            throw new RunRefused("unknown machine preset '" + s.machine().preset() + "'; known: " + String.join(", ", presets.ids()));
        }
        try {
            return presets.machine(s.machine().preset(), s.machine().overrides());
        } catch (IllegalArgumentException e) {
            throw new RunRefused("impossible machine: " + e.getMessage());
        }
    }

    /** The simulation of the scenario on its machine, booted and not yet started. */
    public static Simulation prepare(Scenario s) throws RunRefused {
        SimMachine m = machine(s);
        String noHardware = DomainCallCheck.problem(s, m.description());
        if (noHardware != null) throw new RunRefused(noHardware);
        try {
            return Simulation.create(s, m);
        } catch (IllegalArgumentException e) {
            throw new RunRefused("impossible configuration: " + e.getMessage());
        } catch (dev.mkw.kernel.memory.FrameAllocator.OutOfMemory e) {
            // Boot maps a TCB page, a UTCB and program text per thread: many threads (thread w[N]) can fill the machine.
            throw new RunRefused("the machine's memory cannot hold the scenario's " + s.tasks().stream().mapToInt(t -> t.threads().size()).sum()
                    + " threads at boot (" + e.getMessage() + "): fewer threads, or more memory (machine preset " + s.machine().preset() + " { memory.sizeMiB N })");
        }
    }

    /** Prepare, run to the end in one go and report: for sweeps, experiments and tests (no host-time watchdog). */
    public static RunReport run(Scenario s) throws RunRefused {
        Simulation sim = prepare(s);
        return report(sim, endReason(sim, sim.run()));
    }

    /**
     * Why a run stopped, as the report says it: {@code all threads done}, {@code error} (a
     * fatal error of the scenario's program), {@code cycle limit}, {@code no more events}, or
     * for a run that is not over {@code paused at cycle N}.
     */
    public static String endReason(Simulation sim, SimEngine.StopReason why) {
        return switch (why) {
            case CYCLE_LIMIT -> "cycle limit";
            case NO_MORE_EVENTS -> "no more events";
            case PAUSED -> sim.isFinished() ? finished(sim) : "paused at cycle " + sim.engine().now();
            default -> finished(sim);
        };
    }

    /** The end reason of a run its user ended before it was over (the workbench's stop or cancel). */
    public static String stoppedByUser(Simulation sim) {
        return "stopped at cycle " + sim.engine().now();
    }

    /** Whether an end reason is that of a run that can go on (the workbench publishes paused runs). */
    public static boolean isPaused(String endReason) {
        return endReason.startsWith("paused");
    }

    private static String finished(Simulation sim) {
        return sim.inspector().errors().stream().anyMatch(e -> e.fatal()) ? "error" : "all threads done";
    }

    /** The run's report, as it is now, with every setting of its scenario ({@link VariantSettings#describe}). */
    public static RunReport report(Simulation sim, String endReason) {
        return ReportAssembler.report(sim, VariantSettings.describe(sim.scenario()), endReason);
    }

    /** The exporters a report can be written with: the built-ins and every plugin's. */
    public static Exporters exporters() {
        return Exporters.discover();
    }

    /** Write the report with the exporter of {@code id} (IllegalArgumentException naming the known ids for an unknown one). */
    public static void export(RunReport report, String id, Path file) throws IOException {
        exporters().get(id).write(report, file);
    }
}
