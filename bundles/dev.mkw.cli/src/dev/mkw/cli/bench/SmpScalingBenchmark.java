package dev.mkw.cli.bench;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.MachineSpec;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.SourceRef;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;
import dev.mkw.scenario.Timeout;

/**
 * The same simulated work on one processor and on four: four independent client/server pairs
 * on the Cortex-A9 doing {@link #ROUNDS} calls each, all four pairs on processor 0, or pair i on
 * processor i. The host time of the second over the first is what simulating a multiprocessor
 * costs beyond its work (issue goal: at most about 4x).
 */
public final class SmpScalingBenchmark {
    public static final long ROUNDS = 2_000;
    private final int cpus;
    private final MachineDescription machine;

    public SmpScalingBenchmark(int cpus) {
        this.cpus = cpus;
        this.machine = MachinePresets.get().description("cortex_a9").withCpus(cpus);
    }

    /** One simulation; returns the last processor clock (so the work cannot be optimised away). */
    public long run() {
        Simulation sim = Simulation.create(scenario(), new SimMachine(machine));
        sim.run();
        long c = 0;
        for (int i = 0; i < cpus; i++) c = Math.max(c, sim.engine().cpuClock(i));
        return c;
    }

    /** One-way IPCs per run. */
    public static long ipcs() {
        return 4 * ROUNDS * 2;
    }

    private Scenario scenario() {
        SourceRef at = SourceRef.NONE;
        Expr one = new Expr.Const(1);
        MessageSpec msg = new MessageSpec(null, one, List.of(one), List.of());
        List<TaskSpec> tasks = new ArrayList<>();
        for (int pair = 0; pair < 4; pair++) {
            int cpu = pair % cpus;
            ThreadSpec server = new ThreadSpec("pong", 100, 0, cpu, false, null, null, List.of(
                    new Op.Receive(new Target.Any(), null, "req", Timeout.NEVER, at),
                    new Op.Repeat(new Expr.Const(ROUNDS), null, List.of(new Op.ReplyWait(new Target.Sender("req"), msg, null, "req", Timeout.NEVER, at)), at)), at);
            ThreadSpec client = new ThreadSpec("ping", 100, 0, cpu, false, null, null, List.of(
                    new Op.Repeat(new Expr.Const(ROUNDS), null, List.of(new Op.Call(new Target.Thread("s" + pair + ".pong"), msg, null, "r", Timeout.NEVER, at)), at)), at);
            tasks.add(new TaskSpec("s" + pair, null, null, List.of(), List.of(), List.of(), List.of(server), at));
            tasks.add(new TaskSpec("c" + pair, null, null, List.of(), List.of(), List.of(), List.of(client), at));
        }
        return new Scenario("smp-bench", "", "", MachineSpec.preset("cortex_a9"), KernelConfig.defaults().withSmpLock(KernelConfig.SmpLock.PER_CPU),
                tasks, List.of(), List.of(), RunSpec.defaults());
    }
}
