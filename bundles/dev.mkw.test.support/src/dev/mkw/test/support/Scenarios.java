package dev.mkw.test.support;

import java.util.List;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.DeviceSpec;
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

/**
 * Scenario builders for tests that need a scenario without the language: threads, tasks,
 * messages and whole scenarios as the translator would make them, and a run of one. Shared by
 * the test bundles (the DSL's own tests build scenarios from text instead).
 */
public final class Scenarios {
    public static final SourceRef AT = new SourceRef("test.mkw", 1, 1);

    private Scenarios() {}

    public static Expr c(long v) { return new Expr.Const(v); }

    public static MessageSpec words(long... w) {
        return new MessageSpec(null, c(1), java.util.Arrays.stream(w).mapToObj(Scenarios::c).map(Expr.class::cast).toList(), List.of());
    }

    public static ThreadSpec thread(String name, int prio, Op... body) {
        return new ThreadSpec(name, prio, 0, ThreadSpec.ANY_CPU, false, null, null, List.of(body), AT);
    }

    /**
     * A task; a task paged by sigma0 ({@code pager root}) gets one region over the lower user
     * space, read-write-execute, so that sigma0 backs whatever the test touches there.
     */
    public static TaskSpec task(String name, String pager, ThreadSpec... threads) {
        List<TaskSpec.RegionSpec> regions = TaskSpec.ROOT_PAGER.equals(pager) ? List.of(USER_MEMORY) : List.of();
        return new TaskSpec(name, pager, null, regions, List.of(), List.of(), List.of(threads), AT);
    }

    /** 0 .. 1.75 GiB, below the UTCB area: what test tasks paged by sigma0 may use. */
    public static final TaskSpec.RegionSpec USER_MEMORY = new TaskSpec.RegionSpec(0, 0x7000_0000L, "rwx", AT);

    public static Op repeat(long n, Op... body) { return new Op.Repeat(c(n), null, List.of(body), AT); }

    public static Op call(String to, MessageSpec m) { return new Op.Call(new Target.Thread(to), m, null, "r", Timeout.NEVER, AT); }

    public static Op waitAny(String as) { return new Op.Receive(new Target.Any(), null, as, Timeout.NEVER, AT); }

    public static Op replyWait(String var, MessageSpec m) { return new Op.ReplyWait(new Target.Sender(var), m, null, var, Timeout.NEVER, AT); }

    /** The classic ping-pong: a client calls a server {@code rounds} times. */
    public static Scenario pingPong(String preset, KernelConfig k, long rounds) {
        return scenario(preset, k, task("server", null, thread("pong", 100, waitAny("req"), repeat(rounds, replyWait("req", words(1, 2))))),
                task("client", null, thread("ping", 100, repeat(rounds, call("server.pong", words(1, 2))))));
    }

    /** A scenario of these tasks; the kernel invariants are checked after every system call, as in all tests. */
    public static Scenario scenario(String preset, KernelConfig k, TaskSpec... tasks) {
        return new Scenario("test", "", "test.mkw", MachineSpec.preset(preset), k.withCheckInvariants(true), List.of(tasks), List.of(), List.of(), RunSpec.defaults());
    }

    public static Simulation run(Scenario s) {
        Simulation sim = Simulation.create(s, MachinePresets.get().machine(s.machine().preset(), 0));
        sim.run();
        return sim;
    }

    /** Run {@code s} on its preset with machine fields {@code overrides} ({@code "mmu.tlbWays" -> "512"}), as {@code machine preset P { ... }} sets them. */
    public static Simulation run(Scenario s, java.util.Map<String, String> overrides) {
        String preset = s.machine().preset();
        Simulation sim = Simulation.create(s.withMachine(new MachineSpec(preset, overrides)), MachinePresets.get().machine(preset, overrides));
        sim.run();
        return sim;
    }

    /**
     * A privileged driver task {@code drv} with thread {@code driver}, beside {@code others}, on
     * the i486 with a UART raising IRQ 4 every 50 000 cycles. The run ends by 20 M cycles at the
     * latest, so a kernel that loses an interrupt fails a test instead of running forever.
     */
    public static Scenario withUart(KernelConfig k, ThreadSpec driver, TaskSpec... others) {
        List<TaskSpec> tasks = new java.util.ArrayList<>();
        tasks.add(task("drv", null, driver).withPrivileged(true));
        tasks.addAll(List.of(others));
        return new Scenario("irq", "", "t.mkw", MachineSpec.preset("i486_50"), k, tasks, List.of(),
                List.of(new DeviceSpec("uart", "com1", 4, java.util.Map.of("interval", "50000"), AT)), RunSpec.defaults().withUntilCycles(20_000_000));
    }
}
