package dev.mkw.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.MachineSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.SourceRef;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;

/**
 * The heap a run with many threads needs: {@code tasks × threadsPerTask} threads, each
 * computing a little and ending, on the x86-64 preset (every thread has a TCB in simulated
 * kernel memory and a UTCB in its task's address space). Built in code, not parsed, so the
 * figure is the simulator's, not the scenario language's.
 */
public final class ThreadScaleCheck {
    private ThreadScaleCheck() {}

    /** What a run of {@code threads} threads held: the heap after boot and whether all ended. */
    public record Result(int threads, long heapAfterBootBytes, long heapAtEndBytes, boolean allEnded, long simulatedCycles) {}

    public static Result run(int tasks, int threadsPerTask) {
        List<TaskSpec> taskSpecs = new ArrayList<>(tasks);
        List<Op> body = List.of(new Op.Compute(new Expr.Const(500), SourceRef.NONE));
        for (int t = 0; t < tasks; t++) {
            List<ThreadSpec> threads = new ArrayList<>(threadsPerTask);
            for (int i = 0; i < threadsPerTask; i++) threads.add(new ThreadSpec("w" + i, 10, 0, 0, false, null, null, body, SourceRef.NONE));
            taskSpecs.add(new TaskSpec("t" + t, TaskSpec.ROOT_PAGER, null, List.of(), List.of(), List.of(), threads, SourceRef.NONE));
        }
        RunSpec run = new RunSpec(0, true, RunSpec.DEFAULT_SEED, RunSpec.Trace.OFF, 0);
        Scenario s = new Scenario("ThreadScale", tasks * threadsPerTask + " threads", "", MachineSpec.preset("x86_64_pcid"),
                KernelConfig.defaults().withTimesliceCycles(0), taskSpecs, List.of(), List.of(), run);
        Simulation sim = Simulation.create(s, MachinePresets.get().machine("x86_64_pcid", Map.of()));
        long afterBoot = usedHeap();
        sim.run();
        long atEnd = usedHeap();
        boolean ended = sim.threads().stream().filter(t -> !t.name().equals("sigma0")).allMatch(t -> t.state().equals("DEAD"));
        return new Result(tasks * threadsPerTask, afterBoot, atEnd, ended, sim.engine().now());
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
