package dev.mkw.kernel.tests;

import dev.mkw.kernel.abi.IpcError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelError;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.kernel.ipc.Message;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Scenario;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.CycleAccounting;
import dev.mkw.sim.SimEngine;
import dev.mkw.sim.TraceEvent;

/**
 * Random mixes of system calls ({@link RandomScenarios}) for many seeds, with the kernel
 * invariants checked after every system call. Each run must end by the kernel's doing (every
 * thread ended, a deadlock reported, or the cycle limit), break no invariant, account for
 * every cycle, and be repeatable: the same seed gives the same trace and report.
 *
 * <p>A failure names the seed and prints the scenario in the scenario language.
 */
class RandomSyscallPropertyTest {
    static final int SEEDS = 200;
    /** Seeds for each multiprocessor configuration (each run takes longer). */
    static final int SMP_SEEDS = 60;

    @Test
    void randomSystemCallMixesKeepTheKernelInvariants() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            String problem = check(seed, seen, 1);
            if (problem != null) failures.add("seed " + seed + ": " + problem);
        }
        if (!failures.isEmpty()) {
            long first = Long.parseLong(failures.get(0).substring(5, failures.get(0).indexOf(':')));
            fail(failures.size() + " of " + SEEDS + " seeds failed:\n  " + String.join("\n  ", failures)
                    + "\n\nthe first one's scenario:\n" + RandomScenarios.describe(RandomScenarios.generate(first)));
        }
        // The mixes must reach what they are meant to test, or passing says nothing.
        for (String what : List.of("canceled send", "canceled receive", "aborted send", "aborted receive", "exregs without ipc",
                "timeout", "ipc.fastpath", "ipc.slowpath", "notify", "ended: all done", "ended: deadlock",
                "page fault", "map", "grant", "string copy", "irq delivered", "map refused")) {
            assertTrue(seen.getOrDefault(what, 0) > 0, "no run had " + what + ": " + seen);
        }
        assertTrue(seen.get("ipc.slowpath") + seen.get("ipc.fastpath") > 20 * SEEDS / 10, "too few messages delivered: " + seen);
    }

    /**
     * The same mixes on two and four processors (the Pentium preset: the i486 has no IPIs), the
     * threads spread over them, under the big lock and per-processor locks in turn: the
     * invariants include that a thread runs on at most one processor, no TLB keeps a revoked
     * translation after its shootdown, and the caches stay coherent.
     */
    @Test
    void randomSystemCallMixesOnTwoProcessors() {
        onSeveralProcessors(2);
    }

    @Test
    void randomSystemCallMixesOnFourProcessors() {
        onSeveralProcessors(4);
    }

    private static void onSeveralProcessors(int cpus) {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        for (long seed = 1; seed <= SMP_SEEDS; seed++) {
            String problem = check(seed, seen, cpus);
            if (problem != null) failures.add("seed " + seed + ": " + problem);
        }
        if (!failures.isEmpty()) fail(failures.size() + " of " + SMP_SEEDS + " seeds failed on " + cpus + " CPUs:\n  " + String.join("\n  ", failures));
        for (String what : List.of("ipi", "ipc.slowpath", "page fault", "ended: all done")) {
            assertTrue(seen.getOrDefault(what, 0) > 0, "no run had " + what + ": " + seen);
        }
    }

    /** Seed {@code seed}'s scenario for {@code cpus} processors. */
    static Scenario generate(long seed, int cpus) {
        Scenario s = RandomScenarios.generate(seed);
        if (cpus == 1) return s;
        var k = s.kernel().withPlacement(dev.mkw.kernel.KernelConfig.Placement.SPREAD)
                .withSmpLock(seed % 2 == 0 ? dev.mkw.kernel.KernelConfig.SmpLock.BIG : dev.mkw.kernel.KernelConfig.SmpLock.PER_CPU);
        return new Scenario(s.name(), s.description(), s.source(), dev.mkw.scenario.MachineSpec.preset("pentium_100"), k, s.tasks(), s.irqs(), s.devices(), s.run());
    }

    /** The run of one seed: null if it holds every property, else what went wrong; counts what the run did into {@code seen}. */
    static String check(long seed, Map<String, Integer> seen, int cpus) {
        Scenario s = generate(seed, cpus);
        Simulation one;
        SimEngine.StopReason why;
        try {
            one = Simulation.create(s, MachinePresets.get().machine(s.machine().preset(), cpus));
            why = one.run();
        } catch (RuntimeException e) {
            return "the kernel threw " + e;
        }
        Kernel k = one.kernel();
        for (KernelError e : k.errors()) {
            if (e.message().startsWith("kernel invariant broken")) return e.toString();
        }
        String ending = ending(one, why);
        if (ending != null) return ending;
        count(one, why, seen);
        String accounts = accounting(one);
        if (accounts != null) return accounts;
        Simulation two = Simulation.create(generate(seed, cpus), MachinePresets.get().machine(s.machine().preset(), cpus));
        two.run();
        if (!one.inspector().traceEvents().equals(two.inspector().traceEvents())) return "not deterministic: the second run's trace differs";
        if (!report(one).equals(report(two))) return "not deterministic: the second run's report differs:\n" + report(one) + "\n" + report(two);
        return null;
    }

    /** All threads ended, or a clean deadlock report, or the cycle limit; no other error ends a legal program. */
    private static String ending(Simulation sim, SimEngine.StopReason why) {
        Kernel k = sim.kernel();
        List<KernelError> fatal = k.errors().stream().filter(KernelError::fatal).toList();
        for (KernelError e : k.errors()) {
            String m = e.message();
            // Refusals the kernel reports and the program reads as an error code; none ends the run.
            boolean expected = m.startsWith("deadlock: ") || m.startsWith("IPC to non-existing partner") || m.contains("refused: no such thread")
                    || m.contains("opened no receive window") || m.contains("has not mapped itself") || m.contains("accepts no string items")
                    || m.contains("message overflow");
            if (!expected) return "unexpected error " + e;
        }
        if (why == SimEngine.StopReason.CYCLE_LIMIT) {
            return fatal.isEmpty() ? null : "a fatal error and the cycle limit: " + fatal;
        }
        if (!k.finished()) return "the run stopped (" + why + ") but the kernel did not finish";
        if (fatal.size() > 1) return "more than one fatal error: " + fatal;
        if (fatal.size() == 1) {
            // A deadlock: every thread left is blocked in an IPC without a timeout.
            for (Tcb t : k.threads()) {
                if (t.state == ThreadState.DEAD) continue;
                if (!t.isBlocked()) return "deadlock reported while " + t.name + " is " + t.state + ": " + fatal.get(0).message();
                if (t.timeoutEvent != null) return "deadlock reported while " + t.name + " has a timeout armed: " + fatal.get(0).message();
            }
            return null;
        }
        for (Tcb t : k.threads()) {
            boolean idleServer = t.state == ThreadState.RECEIVING && t.partner == dev.mkw.kernel.tcb.ThreadId.NIL;
            if (t.state != ThreadState.DEAD && !idleServer) return "the run ended while " + t.name + " is " + t.state;
        }
        return null;
    }

    /** Every cycle of the CPU is in exactly one account; paths and threads agree with the accounts. */
    private static String accounting(Simulation sim) {
        Kernel k = sim.kernel();
        int cpus = k.processorCount();
        long clock = 0;
        for (int c = 0; c < cpus; c++) clock += sim.engine().cpuClock(c);
        Map<String, Long> totals = k.accounting().totals();
        long sum = totals.values().stream().mapToLong(Long::longValue).sum();
        if (sum != clock) return "accounts sum to " + sum + " cycles but the CPU clocks to " + clock;
        try {
            sim.checkAccounting();
        } catch (RuntimeException e) {
            return "the report's accounting check failed: " + e.getMessage();
        }
        long kernel = totals.entrySet().stream().filter(e -> e.getKey().startsWith(CycleAccounting.KERNEL)).mapToLong(Map.Entry::getValue).sum();
        long paths = sim.inspector().kernelCycles();
        if (kernel != paths) return "kernel accounts hold " + kernel + " cycles but the path statistics " + paths;
        for (Map.Entry<String, KernelPathStats> p : sim.inspector().paths().entrySet()) {
            long account = 0;
            for (int c = 0; c < cpus; c++) account += k.accounting().of(CycleAccounting.KERNEL + p.getKey(), c);
            if (account != p.getValue().total()) return "path " + p.getKey() + ": account " + account + " vs statistics " + p.getValue().total();
        }
        long onBehalf = 0;
        for (Tcb t : k.threads()) {
            long user = 0;
            for (int c = 0; c < cpus; c++) user += k.accounting().of(CycleAccounting.USER + t.name, c);
            if (user != t.stats.userCycles) return t.name + ": user account " + user + " vs the thread's " + t.stats.userCycles;
            onBehalf += t.stats.kernelCycles;
        }
        if (onBehalf > kernel) return "threads were charged " + onBehalf + " kernel cycles, more than the kernel spent (" + kernel + ")";
        return null;
    }

    private static void count(Simulation sim, SimEngine.StopReason why, Map<String, Integer> seen) {
        boolean deadlock = sim.inspector().errors().stream().anyMatch(e -> e.message().startsWith("deadlock"));
        seen.merge(why == SimEngine.StopReason.CYCLE_LIMIT ? "ended: cycle limit" : deadlock ? "ended: deadlock" : "ended: all done", 1, Integer::sum);
        for (TraceEvent e : sim.inspector().traceEvents()) {
            String what = switch (e.kind()) {
                case EXREGS -> switch ((int) e.value()) {
                    case (IpcError.CANCELED << 1) | IpcError.SEND_PHASE -> "canceled send";
                    case (IpcError.CANCELED << 1) | IpcError.RECEIVE_PHASE -> "canceled receive";
                    case (IpcError.ABORTED << 1) | IpcError.SEND_PHASE -> "aborted send";
                    case (IpcError.ABORTED << 1) | IpcError.RECEIVE_PHASE -> "aborted receive";
                    default -> "exregs without ipc";
                };
                case THREAD_STATE -> e.detail();
                case IPC_SEND -> e.path();
                case NOTIFY -> "notify";
                case PAGE_FAULT -> "page fault";
                case MAP -> e.detail().equals("communication window") ? "string copy" : "map";
                case GRANT -> "grant";
                case IRQ_DELIVERED -> "irq delivered";
                case IPI -> "ipi";
                default -> null;
            };
            if (what != null) seen.merge(what, 1, Integer::sum);
        }
        for (KernelError e : sim.inspector().errors()) if (e.message().contains("opened no receive window")) seen.merge("map refused", 1, Integer::sum);
    }

    private static String report(Simulation sim) {
        StringBuilder clocks = new StringBuilder();
        for (int c = 0; c < sim.kernel().processorCount(); c++) clocks.append(sim.engine().cpuClock(c)).append(' ');
        return clocks + " " + sim.threads() + " " + sim.inspector().errors() + " " + sim.inspector().accountTotals();
    }

    /** The generator is itself deterministic: the same seed, the same scenario. */
    @Test
    void theGeneratorIsDeterministic() {
        assertEquals(RandomScenarios.describe(RandomScenarios.generate(7)), RandomScenarios.describe(RandomScenarios.generate(7)));
        assertEquals(RandomScenarios.generate(7), RandomScenarios.generate(7));
    }
}
