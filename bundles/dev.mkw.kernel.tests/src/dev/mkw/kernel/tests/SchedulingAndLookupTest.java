package dev.mkw.kernel.tests;

import static dev.mkw.kernel.tests.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.run.Simulation;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelConfig.Scheduling;
import dev.mkw.kernel.KernelConfig.TcbLookup;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;
import dev.mkw.kernel.tcb.ThreadId;

/** Scheduling variants and TCB lookup variants: same behaviour, different costs, from the memory hierarchy. */
class SchedulingAndLookupTest {

    @Test
    void lazyAndBennoGiveTheSameScheduleAtDifferentQueueCost() {
        Simulation lazy = run(pingPong("i486_50", KernelConfig.defaults().withScheduling(Scheduling.LAZY), 100));
        Simulation benno = run(pingPong("i486_50", KernelConfig.defaults().withScheduling(Scheduling.BENNO), 100));
        Simulation eager = run(pingPong("i486_50", KernelConfig.defaults().withScheduling(Scheduling.EAGER), 100));
        assertEquals(lazy.threads().get(1).ipcsSent(), benno.threads().get(1).ipcsSent());
        assertEquals(lazy.threads().get(0).ipcsReceived(), eager.threads().get(0).ipcsReceived());
        assertTrue(benno.inspector().queueOperations() < lazy.inspector().queueOperations(),
                "Benno switches to the IPC partner without queue operations: " + benno.inspector().queueOperations() + " vs " + lazy.inspector().queueOperations());
    }

    @Test
    void lazyDispatchingPaysForBlockedThreadsLeftInTheQueue() {
        // n threads block in receive; with lazy dispatching they stay queued until the scheduler meets them.
        int n = 20;
        var tasks = new java.util.ArrayList<dev.mkw.scenario.TaskSpec>();
        for (int i = 0; i < n; i++) {
            tasks.add(task("w" + i, null, thread("t", 50, new Op.Receive(new Target.Any(), null, "m", Timeout.cycles(1_000_000), AT))));
        }
        tasks.add(task("main", null, thread("m", 10, new Op.Compute(c(100), AT))));
        var arr = tasks.toArray(dev.mkw.scenario.TaskSpec[]::new);
        Simulation lazy = run(scenario("i486_50", KernelConfig.defaults().withScheduling(Scheduling.LAZY), arr));
        Simulation eager = run(scenario("i486_50", KernelConfig.defaults().withScheduling(Scheduling.EAGER), arr));
        assertTrue(lazy.inspector().skippedBlocked() >= n, "lazy skipped " + lazy.inspector().skippedBlocked());
        assertEquals(0, eager.inspector().skippedBlocked());
    }

    @Test
    void lookupVariantsCostDifferentlyThroughTheMemoryHierarchy() {
        long table = run(pingPong("i486_50", KernelConfig.defaults().withTcbLookup(TcbLookup.TABLE), 100)).engine().cpuClock(0);
        long virtual = run(pingPong("i486_50", KernelConfig.defaults().withTcbLookup(TcbLookup.VIRTUAL_ARRAY), 100)).engine().cpuClock(0);
        long physical = run(pingPong("i486_50", KernelConfig.defaults().withTcbLookup(TcbLookup.PHYSICAL), 100)).engine().cpuClock(0);
        assertNotEquals(table, virtual);
        assertNotEquals(virtual, physical);
        assertTrue(physical < table, "no table read, no TLB for the physical pointer: " + physical + " vs " + table);
    }

    /**
     * A variant registered like a plugin's (a two-level table: directory, then leaf, as for a
     * sparse thread-ID space) is selectable by id and costs more than the one-level table only
     * because it reads more memory.
     */
    @Test
    void aContributedLookupVariantRunsThroughTheSameSteps() {
        dev.mkw.kernel.tcb.TcbLookupVariants.get().register(new dev.mkw.kernel.tcb.TcbLookupVariant() {
            @Override public String id() { return "two-level-table"; }
            @Override public String description() { return "directory and leaf tables"; }
            @Override public void threadCreated(int n, TcbMemory m) {
                m.mapKernelPage(m.tcbAddress(n));
                m.mapKernelPage(m.tableSlot(n));
                m.mapKernelPage(m.tableSlot(4096 + (n >> 9)));
            }
            @Override public void lookup(int n, LookupSteps s) {
                s.read(s.tableSlot(4096 + (n >> 9)));
                s.read(s.tableSlot(n));
                s.instructions(5);
            }
        });
        assertTrue(dev.mkw.kernel.tcb.TcbLookupVariants.get().ids().contains("two-level-table"));
        Simulation twoLevel = run(pingPong("i486_50", KernelConfig.defaults().withTcbLookup("two-level-table"), 100));
        Simulation table = run(pingPong("i486_50", KernelConfig.defaults().withTcbLookup(TcbLookup.TABLE), 100));
        assertTrue(twoLevel.engine().cpuClock(0) > table.engine().cpuClock(0),
                "two reads cost more than one: " + twoLevel.engine().cpuClock(0) + " vs " + table.engine().cpuClock(0));
        assertEquals(0, twoLevel.inspector().tcbFaults(), "its pages were mapped at boot");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dev.mkw.kernel.tcb.TcbLookupVariants.get().forId("hashed"));
        assertTrue(e.getMessage().startsWith("unknown tcb lookup 'hashed'; known: table, virtual-array, physical"), e.getMessage());
    }

    @Test
    void virtualArrayFaultsTcbPagesInOnFirstTouch() {
        Simulation sim = run(pingPong("i486_50", KernelConfig.defaults().withTcbLookup(TcbLookup.VIRTUAL_ARRAY), 10));
        assertTrue(sim.inspector().tcbFaults() >= 1, "TCB pages faulted in: " + sim.inspector().tcbFaults());
        Simulation table = run(pingPong("i486_50", KernelConfig.defaults().withTcbLookup(TcbLookup.TABLE), 10));
        assertEquals(0, table.inspector().tcbFaults());
    }

    @Test
    void threadIdsCarryAVersion() {
        int id = ThreadId.of(5, 1);
        assertEquals(5, ThreadId.number(id));
        assertEquals(1, ThreadId.version(id));
        assertNotEquals(id, ThreadId.of(5, 2), "a reused slot gets a new ID; the old one is stale");
        assertEquals("0x00014001", ThreadId.format(id));
    }

    @Test
    void timerPreemptsRoundRobinAtEqualPriority() {
        var a = thread("a", 10, new Op.Compute(c(100_000), AT));
        var b = thread("b", 10, new Op.Compute(c(100_000), AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults().withTimesliceCycles(10_000), task("t", null, a, b)));
        assertTrue(sim.inspector().path("irq.timer").count() >= 10);
        assertTrue(sim.threads().get(0).switchesIn() > 2 && sim.threads().get(1).switchesIn() > 2, "both ran in turns");
    }
}
