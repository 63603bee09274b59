package dev.mkw.kernel.tests;

import static dev.mkw.test.support.Scenarios.AT;
import static dev.mkw.test.support.Scenarios.c;
import static dev.mkw.test.support.Scenarios.call;
import static dev.mkw.test.support.Scenarios.repeat;
import static dev.mkw.test.support.Scenarios.replyWait;
import static dev.mkw.test.support.Scenarios.scenario;
import static dev.mkw.test.support.Scenarios.task;
import static dev.mkw.test.support.Scenarios.waitAny;
import static dev.mkw.test.support.Scenarios.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.CostKind;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.inspect.Inspector;
import dev.mkw.kernel.inspect.ProcessorInfo;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.ThreadSpec;

/**
 * The multiprocessor kernel (Microkernel Construction, "Multiprocessor"; seL4's SMP kernel):
 * per-processor current threads and queues, IPC to a thread on another processor through a
 * remote wake-up and an IPI, TLB shootdown on unmap, coherent caches, the big lock vs
 * per-processor locks. Every run checks the kernel invariants after every step, among them
 * that a thread runs on at most one processor and that no TLB keeps a revoked translation
 * once the revoking path has returned.
 */
class MultiprocessorTest {
    private static final String A9 = "cortex_a9";

    static ThreadSpec pinned(String name, int cpu, Op... body) {
        return new ThreadSpec(name, 100, 0, cpu, false, null, null, List.of(body), AT);
    }

    static Scenario pingPong(int clientCpu, int serverCpu, KernelConfig k, long rounds) {
        return scenario(A9, k, task("server", null, pinned("pong", serverCpu, waitAny("req"), repeat(rounds, replyWait("req", words(1, 2))))),
                task("client", null, pinned("ping", clientCpu, repeat(rounds, call("server.pong", words(1, 2))))));
    }

    static Simulation run(Scenario s, int cpus) {
        Simulation sim = Simulation.create(s, MachinePresets.get().machine(s.machine().preset(), cpus));
        sim.run();
        assertTrue(sim.inspector().errors().isEmpty(), () -> "errors: " + sim.inspector().errors());
        sim.checkAccounting();
        return sim;
    }

    @Test
    void ipcToAThreadOnAnotherProcessorWakesItWithAnIpiAndTakesTheSlowPath() {
        Inspector cross = run(pingPong(0, 1, KernelConfig.defaults(), 50), 2).inspector();
        Inspector local = run(pingPong(0, 0, KernelConfig.defaults(), 50), 2).inspector();
        List<ProcessorInfo> cpus = cross.processors();
        // A call that finds the server waiting wakes it with an IPI; one that comes while the
        // server still runs (its step and the client's overlap in time) waits in its send queue
        // and is taken by the server's next receive without one.
        assertTrue(cpus.get(0).ipisSent() >= 25 && cpus.get(0).ipisSent() <= 50, () -> "calls wake the server on cpu1 by IPI: " + cpus);
        assertTrue(cpus.get(1).ipisSent() >= 25 && cpus.get(1).ipisSent() <= 50, () -> "replies wake the client on cpu0 by IPI: " + cpus);
        assertEquals(cpus.get(0).ipisSent(), cpus.get(1).ipisReceived(), "every IPI is taken");
        assertEquals(cpus.get(1).ipisSent(), cpus.get(0).ipisReceived());
        assertEquals(0, local.processors().get(0).ipisSent(), "both on one processor: no IPI");
        assertEquals(0, cross.path("ipc.fastpath") == null ? 0 : cross.path("ipc.fastpath").count(), "seL4's fast path is for a partner on the same processor only");
        assertTrue(local.path("ipc.fastpath").count() > 0);
        assertEquals(1, cross.thread("server.pong").cpu());
        long ipi = MachinePresets.get().machine(A9, 2).costs().cost(CostKind.IPI);
        assertTrue(cross.ipcLatency().mean() > local.ipcLatency().mean(),
                () -> "cross-processor IPC is slower: " + cross.ipcLatency().mean() + " vs " + local.ipcLatency().mean());
        assertTrue(cross.kernelCycles() > local.kernelCycles() + cross.path("ipi").total() / 2, "the IPI paths cost on both processors");
        assertEquals(cpus.get(0).ipisSent() + cpus.get(1).ipisSent(), cross.path("ipi").count(), "every IPI is taken in the ipi path");
    }

    @Test
    void theRemoteWakeUpWaitsForTheIpiLatency() {
        Simulation sim = run(pingPong(0, 1, KernelConfig.defaults(), 20), 2);
        long ipi = sim.machine().costs().cost(CostKind.IPI);
        var report = dev.mkw.run.RunPipeline.report(sim, "test");
        // A cross-processor IPC's latency runs from the send to the receiver running on its own
        // processor: the IPI's delivery, the ipi path and the schedule there are in it.
        assertTrue(report.ipcLatencyCrossCpu().count() >= 38, "every message of the 20 round trips crossed: " + report.ipcLatencyCrossCpu().count());
        // (A message that finds its receiver already running elsewhere, queued while the two steps
        // overlapped, is taken without an IPI: the median is what a woken receiver waits.)
        assertTrue(report.ipcLatencyCrossCpu().p50() >= ipi, () -> "a woken receiver waits for its IPI: p50 " + report.ipcLatencyCrossCpu().p50() + " < " + ipi);
        long rounds = 20, clock = sim.engine().cpuClock(0);
        // A round trip holds two IPI deliveries at least: the client's clock shows them.
        assertTrue(clock > rounds * 2 * ipi, () -> "cpu0 clock " + clock + " below 20 round trips of two IPIs of " + ipi);
    }

    @Test
    void sameScenarioAndSeedGiveTheSameTraceOnSeveralProcessors() {
        Scenario s = pingPong(0, 1, KernelConfig.defaults(), 30);
        s = new Scenario(s.name(), s.description(), s.source(), s.machine(), s.kernel(), s.tasks(), s.irqs(), s.devices(), RunSpec.defaults().withTrace(RunSpec.Trace.ON, 0));
        Simulation a = run(s, 4), b = run(s, 4);
        assertEquals(a.inspector().traceEvents(), b.inspector().traceEvents());
        assertTrue(a.inspector().traceEvents().stream().anyMatch(e -> e.cpu() == 1), "events of cpu1 are in the trace");
    }

    @Test
    void unmapShootsDownTheTlbOfAnotherProcessorThatUsesTheSpace() {
        long page = 0x10_0000;
        // t1 on cpu1 touches the page (its TLB holds it) and keeps running in the space; t0 on cpu0 then unmaps it.
        Scenario s = scenario(A9, KernelConfig.defaults(), task("app", "root",
                pinned("t0", 0, new Op.Access(c(page), Op.AccessKind.WRITE, AT), new Op.Compute(c(20_000), AT),
                        new Op.Unmap(c(page), 12, "rwx", true, AT), new Op.Exit(AT)),
                pinned("t1", 1, new Op.Compute(c(5_000), AT), new Op.Access(c(page), Op.AccessKind.READ, AT), new Op.Compute(c(60_000), AT), new Op.Exit(AT))));
        Inspector in = run(s, 2).inspector();
        List<ProcessorInfo> cpus = in.processors();
        assertEquals(1, cpus.get(0).shootdowns(), "one unmap, one shootdown");
        assertTrue(cpus.get(1).pagesShotDown() >= 1, "cpu1 invalidated the page");
        long ipi = MachinePresets.get().machine(A9, 2).costs().cost(CostKind.IPI);
        assertTrue(cpus.get(0).shootdownWait() >= ipi, () -> "the unmap waited for the IPI and the acknowledgement: " + cpus.get(0).shootdownWait());
        assertTrue(in.path("tlb.shootdown").total() >= ipi, "the wait is the thread's tlb.shootdown path");

        // The same unmap with the other thread on the same processor: nothing to shoot down.
        Scenario alone = scenario(A9, KernelConfig.defaults(), task("app", "root",
                pinned("t0", 0, new Op.Access(c(page), Op.AccessKind.WRITE, AT), new Op.Compute(c(20_000), AT),
                        new Op.Unmap(c(page), 12, "rwx", true, AT), new Op.Exit(AT)),
                pinned("t1", 0, new Op.Compute(c(5_000), AT), new Op.Access(c(page), Op.AccessKind.READ, AT), new Op.Exit(AT))));
        assertEquals(0, run(alone, 2).inspector().processors().get(0).shootdowns());
    }

    @Test
    void shootdownCostGrowsWithTheProcessorsThatMayCacheTheSpace() {
        long page = 0x10_0000;
        long[] wait = new long[4];
        for (int n = 1; n <= 3; n++) {
            java.util.List<ThreadSpec> threads = new java.util.ArrayList<>();
            threads.add(pinned("t0", 0, new Op.Access(c(page), Op.AccessKind.WRITE, AT), new Op.Compute(c(20_000), AT),
                    new Op.Unmap(c(page), 12, "rwx", true, AT), new Op.Exit(AT)));
            for (int i = 1; i <= n; i++) {
                threads.add(pinned("t" + i, i, new Op.Compute(c(5_000), AT), new Op.Access(c(page), Op.AccessKind.READ, AT), new Op.Compute(c(60_000), AT), new Op.Exit(AT)));
            }
            Inspector in = run(scenario(A9, KernelConfig.defaults(), task("app", "root", threads.toArray(ThreadSpec[]::new))), 4).inspector();
            assertEquals(n, in.processors().stream().filter(p -> p.pagesShotDown() > 0).count(), n + " processors invalidate");
            wait[n] = in.processors().get(0).shootdownWait();
            assertTrue(in.processors().get(0).ipisSent() >= n);
        }
        assertTrue(wait[3] >= wait[1], () -> "waiting for three acknowledgements takes no less than for one: " + java.util.Arrays.toString(wait));
    }

    @Test
    void writesToALineAnotherProcessorReadsMoveItBetweenTheCaches() {
        long shared = 0x20_0000;
        Op writer = repeat(200, new Op.Access(c(shared), Op.AccessKind.WRITE, AT), new Op.Compute(c(300), AT));
        Op reader = repeat(200, new Op.Access(c(shared), Op.AccessKind.READ, AT), new Op.Compute(c(300), AT));
        Inspector apart = run(scenario(A9, KernelConfig.defaults(), task("app", "root", pinned("w", 0, writer), pinned("r", 1, reader))), 2).inspector();
        Inspector together = run(scenario(A9, KernelConfig.defaults(), task("app", "root", pinned("w", 0, writer), pinned("r", 0, reader))), 2).inspector();
        long moved = apart.processors().stream().mapToLong(p -> p.lineTransfers() + p.invalidations()).sum();
        assertTrue(moved > 100, () -> "the line bounces between the caches: " + apart.processors());
        long kernelOnly = together.processors().stream().mapToLong(p -> p.lineTransfers() + p.invalidations()).sum();
        assertTrue(kernelOnly < 20, () -> "on one processor only the idle cpu1's first schedule moves a line (the lock's): " + kernelOnly);
        long userApart = apart.thread("app.r").userCycles(), userTogether = together.thread("app.r").userCycles();
        assertTrue(userApart > userTogether, () -> "the reader pays for the transfers: " + userApart + " vs " + userTogether);
    }

    @Test
    void theBigLockSerialisesKernelPathsThatPerProcessorLocksLetRunInParallel() {
        // Two independent client/server pairs, one per processor: nothing shared but the lock.
        Scenario s = scenario(A9, KernelConfig.defaults(),
                task("s0", null, pinned("pong", 0, waitAny("req"), repeat(200, replyWait("req", words(1))))),
                task("c0", null, pinned("ping", 0, repeat(200, call("s0.pong", words(1))))),
                task("s1", null, pinned("pong", 1, waitAny("req"), repeat(200, replyWait("req", words(1))))),
                task("c1", null, pinned("ping", 1, repeat(200, call("s1.pong", words(1))))));
        Inspector big = run(s, 2).inspector();
        Inspector perCpu = run(withKernel(s, KernelConfig.defaults().withSmpLock(KernelConfig.SmpLock.PER_CPU)), 2).inspector();
        long bigSpin = big.processors().stream().mapToLong(ProcessorInfo::lockSpin).sum();
        long fineSpin = perCpu.processors().stream().mapToLong(ProcessorInfo::lockSpin).sum();
        assertTrue(bigSpin > 0, "the two processors' kernel paths wait for each other under the big lock");
        assertEquals(0, fineSpin, "with per-processor locks they never touch each other's data");
        assertTrue(big.kernelCycles() > perCpu.kernelCycles(), "the spinning costs kernel cycles");
    }

    @Test
    void placementSpreadsUnpinnedThreadsOrKeepsThemWithTheirCreator() {
        Scenario pp = dev.mkw.test.support.Scenarios.pingPong(A9, KernelConfig.defaults(), 10);
        Inspector creator = run(pp, 2).inspector();
        Inspector spread = run(withKernel(pp, KernelConfig.defaults().withPlacement(KernelConfig.Placement.SPREAD)), 2).inspector();
        assertEquals(0, creator.thread("client.ping").cpu());
        assertEquals(0, creator.thread("server.pong").cpu());
        assertEquals(0, spread.thread("server.pong").cpu(), "declared first: cpu0");
        assertEquals(1, spread.thread("client.ping").cpu(), "declared second: cpu1");
        assertTrue(spread.processors().get(0).ipisSent() > 0);
    }

    @Test
    void scheduleMovesAThreadToAnotherProcessor() {
        // The server starts on cpu0 beside its client; after 10 calls it moves itself to cpu1: from then on every call crosses.
        Scenario s = scenario(A9, KernelConfig.defaults(),
                task("server", null, pinned("pong", 0, waitAny("req"), repeat(10, replyWait("req", words(1))),
                        new Op.Migrate(null, c(1), AT), repeat(10, replyWait("req", words(1))))),
                task("client", null, pinned("ping", 0, repeat(20, call("server.pong", words(1))))));
        Inspector in = run(s, 2).inspector();
        assertEquals(1, in.thread("server.pong").cpu(), "the server moved");
        assertEquals(0, in.thread("client.ping").cpu());
        assertEquals(1, in.path("schedule.migrate").count());
        assertTrue(in.processors().get(0).ipisSent() > 0, "after the move the client's calls wake the server by IPI");

        // Moving another task's thread needs the privileged root task.
        Scenario foreign = scenario(A9, KernelConfig.defaults(),
                task("a", null, pinned("t", 0, new Op.Migrate(new dev.mkw.scenario.Target.Thread("b.u"), c(1), AT), new Op.Exit(AT))),
                task("b", null, pinned("u", 0, new Op.Compute(c(1000), AT), new Op.Exit(AT))));
        Simulation sim = Simulation.create(foreign, MachinePresets.get().machine(A9, 2));
        sim.run();
        assertTrue(sim.inspector().errors().stream().anyMatch(e -> e.message().startsWith("migrate refused: a.t may only move threads of its own task")),
                () -> "" + sim.inspector().errors());
        assertEquals(0, sim.inspector().thread("b.u").cpu());
    }

    @Test
    void aMachineWithoutInterProcessorInterruptsRefusesSeveralProcessors() {
        Scenario s = dev.mkw.test.support.Scenarios.pingPong("i486_50", KernelConfig.defaults(), 1);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Simulation.create(s, MachinePresets.get().machine("i486_50", 2)));
        assertTrue(e.getMessage().contains("no inter-processor interrupts"), e.getMessage());
    }

    static Scenario withKernel(Scenario s, KernelConfig k) {
        return new Scenario(s.name(), s.description(), s.source(), s.machine(), k.withCheckInvariants(true), s.tasks(), s.irqs(), s.devices(), s.run());
    }
}
