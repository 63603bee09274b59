package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.AT;
import static dev.mkw.test.support.Scenarios.c;
import static dev.mkw.test.support.Scenarios.pingPong;
import static dev.mkw.test.support.Scenarios.run;
import static dev.mkw.test.support.Scenarios.scenario;
import static dev.mkw.test.support.Scenarios.task;
import static dev.mkw.test.support.Scenarios.thread;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.Timeout;

/**
 * Every variant costs through its mechanism: each test fails when the mechanism stops
 * costing simulated cycles (its memory accesses or its code fetches).
 */
class MechanismCostTest {

    private static long kernelCycles(Simulation sim) {
        return sim.inspector().kernelCycles();
    }

    @Test
    void eagerSchedulingDoesMoreQueueWorkThanBennoAndPaysForIt() {
        Simulation eager = run(pingPong("i486_50", KernelConfig.defaults().withScheduling(KernelConfig.Scheduling.EAGER), 200));
        Simulation lazy = run(pingPong("i486_50", KernelConfig.defaults().withScheduling(KernelConfig.Scheduling.LAZY), 200));
        Simulation benno = run(pingPong("i486_50", KernelConfig.defaults().withScheduling(KernelConfig.Scheduling.BENNO), 200));
        long e = kernelCycles(eager), l = kernelCycles(lazy), b = kernelCycles(benno);
        assertTrue(eager.inspector().queueOperations() > benno.inspector().queueOperations(), "eager links and unlinks more");
        assertTrue(e > b, "eager " + e + " > benno " + b + " kernel cycles: the queue work is charged");
        assertTrue(l != b, "lazy " + l + " and benno " + b + " differ: the Getting Started comparison shows a difference");
    }

    @Test
    void aTimeoutCostsItsWakeupListOperations() {
        // The same receive, once with a timeout that never fires and once without one.
        long with = receiveCost(Timeout.cycles(1_000_000));
        long without = receiveCost(Timeout.NEVER);
        assertTrue(with > without, "arming and cancelling the timeout: " + with + " > " + without);
    }

    private static long receiveCost(Timeout t) {
        var r = thread("r", 10, new Op.Receive(new Target.Thread("s.s"), null, "m", t, AT));
        var s = thread("s", 5, new Op.Compute(c(100), AT), new Op.Send(new Target.Thread("r.r"), Scenarios.words(1), Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("r", null, r), task("s", null, s)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        return kernelCycles(sim);
    }

    @Test
    void theTimerTickWalksEveryArmedTimeout() {
        long few = tickCost(1), many = tickCost(12);
        assertTrue(many > few, "a tick with 12 armed timeouts " + many + " > with 1 " + few);
    }

    private static long tickCost(int sleepers) {
        Op[] none = {};
        List<TaskSpec> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < sleepers; i++) tasks.add(task("z" + i, null, thread("t", 20, new Op.Receive(new Target.Nil(), null, "m", Timeout.cycles(200_000), AT))));
        tasks.add(task("w", null, thread("t", 1, new Op.Compute(c(150_000), AT))));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults().withTimesliceCycles(10_000), tasks.toArray(TaskSpec[]::new)));
        assertTrue(none.length == 0 && sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        KernelPathStats tick = sim.inspector().path("irq.timer");
        return tick.total() / tick.count();
    }

    @Test
    void kernelCodeIsFetchedThroughTheInstructionCache() {
        Simulation sim = run(pingPong("i486_50", KernelConfig.defaults(), 500));
        KernelPathStats fast = sim.inspector().path("ipc.fastpath");
        assertTrue(fast.fetchStallCycles() > 0, "the cold fast path missed the cache: " + fast.fetchStallCycles());
        assertTrue(fast.fetchStallCycles() < fast.count() * 10, "and the warm one hits: " + fast.fetchStallCycles() + " stall cycles over " + fast.count() + " IPCs");
    }

    @Test
    void aCapabilityLookupReadsTheCapabilityTable() {
        KernelConfig caps = KernelConfig.defaults().withNaming(KernelConfig.Naming.CAPABILITIES);
        var client = thread("c", 10, new Op.Call(new Target.CapSlot(0), Scenarios.words(1), null, "r", Timeout.NEVER, AT));
        var server = thread("s", 20, Scenarios.waitAny("q"), new Op.Reply(new Target.Sender("q"), Scenarios.words(2), AT));
        TaskSpec withCap = new TaskSpec("c", null, null, List.of(), List.of(), List.of(new TaskSpec.CapSpec(0, "s.s", 7, "s")), List.of(client), AT);
        Simulation sim = run(scenario("i486_50", caps, task("s", null, server), withCap));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        long capTable = dev.mkw.kernel.KernelLayout.capTable(sim.kernel().kernelMemory().base, sim.kernel().space("c").asid);
        assertTrue(sim.kernel().kernelMemory().mapped(capTable), "the capability table is in kernel memory");
        // The lookup's access went through the data cache: a cold table costs a miss the
        // thread-ID version of the same call does not have.
        KernelConfig ids = KernelConfig.defaults();
        var client2 = thread("c", 10, new Op.Call(new Target.Thread("s.s"), Scenarios.words(1), null, "r", Timeout.NEVER, AT));
        Simulation byId = run(scenario("i486_50", ids, task("s", null, server), task("c", null, client2)));
        assertTrue(kernelCycles(sim) > kernelCycles(byId), "capability " + kernelCycles(sim) + " > thread ID " + kernelCycles(byId));
    }

    @Test
    void everyKernelCycleIsInstructionsPrivilegedOperationsMemoryOrAFetchStall() {
        Simulation sim = run(pingPong("i486_50", KernelConfig.defaults(), 300));
        for (var e : sim.inspector().paths().entrySet()) {
            KernelPathStats p = e.getValue();
            assertTrue(p.instructionCycles() >= 0 && p.privilegedCycles() >= 0 && p.memoryCycles() >= 0 && p.fetchStallCycles() >= 0, e.getKey() + " has a negative part");
            assertTrue(p.instructionCycles() + p.privilegedCycles() + p.memoryCycles() + p.fetchStallCycles() == p.total(), e.getKey() + ": the parts add up");
        }
        KernelPathStats fast = sim.inspector().path("ipc.fastpath");
        // int + iret on the i486: 71 + 36 cycles a pass (i486_50.xmi).
        assertTrue(fast.privilegedCycles() >= 107 * fast.count(), "the trap and return are privileged: " + fast.privilegedCycles());
        assertTrue(fast.instructionCycles() >= 60L * fast.count(), "Pistachio's 60 counted instructions: " + fast.instructionCycles());
        assertTrue(fast.memoryCycles() > 0, "TCBs and queues are touched");
        var report = dev.mkw.run.ReportAssembler.report(sim, java.util.Map.of(), "test");
        assertTrue(report.kernelPaths().get("ipc.fastpath").privilegedCycles() == fast.privilegedCycles(), "and the report says so");
    }
}
