package dev.mkw.cli.bench;

import java.util.List;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.kernel.KernelConfig;
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
import dev.mkw.sim.bench.Benchmark;

/** Simulated short IPCs (one-way) per host second: a call/reply-wait ping-pong between two address spaces. */
public final class IpcBenchmark implements Benchmark {
    private final boolean trace;
    /** Read once: loading a preset parses XMI, which is not what this benchmark measures. */
    private final MachineDescription machine = MachinePresets.get().description("i486_50");

    public IpcBenchmark(boolean trace) {
        this.trace = trace;
    }

    public static String name(boolean trace) {
        return "kernel.short-ipc" + (trace ? ".trace-on" : ".trace-off");
    }

    @Override public String name() { return name(trace); }
    /** IPCs per unit: one simulation of a batch amortizes booting the kernel (page tables, TCBs). */
    public static final long BATCH = 20_000;

    @Override public String unit() { return BATCH / 1000 + "k IPCs"; }

    @Override
    public long run(long iterations) {
        long rounds = iterations * BATCH / 2;
        Simulation sim = Simulation.create(scenario(rounds), new SimMachine(machine));
        sim.run();
        return sim.engine().cpuClock(0);
    }

    private Scenario scenario(long rounds) {
        SourceRef at = SourceRef.NONE;
        Expr one = new Expr.Const(1);
        MessageSpec msg = new MessageSpec(null, one, List.of(one, one), List.of());
        ThreadSpec server = new ThreadSpec("pong", 100, 0, 0, false, null, null, List.of(
                new Op.Receive(new Target.Any(), null, "req", Timeout.NEVER, at),
                new Op.Repeat(new Expr.Const(rounds), null, List.of(new Op.ReplyWait(new Target.Sender("req"), msg, null, "req", Timeout.NEVER, at)), at)), at);
        ThreadSpec client = new ThreadSpec("ping", 100, 0, 0, false, null, null, List.of(
                new Op.Repeat(new Expr.Const(rounds), null, List.of(new Op.Call(new Target.Thread("server.pong"), msg, null, "r", Timeout.NEVER, at)), at)), at);
        RunSpec run = RunSpec.defaults().withTrace(trace ? RunSpec.Trace.RING : RunSpec.Trace.OFF, trace ? 100_000 : 0);
        return new Scenario("bench", "", "", MachineSpec.preset("i486_50"), KernelConfig.defaults().withTimesliceCycles(0),
                List.of(new TaskSpec("server", null, null, List.of(), List.of(), List.of(), List.of(server), at),
                        new TaskSpec("client", null, null, List.of(), List.of(), List.of(), List.of(client), at)),
                List.of(), List.of(), run);
    }
}
