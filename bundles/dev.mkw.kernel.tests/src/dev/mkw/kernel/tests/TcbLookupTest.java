package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelConfig.TcbLookup;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.run.Simulation;

/**
 * Thread ID to TCB (Liedtke, "Improving IPC by Kernel Design", SOSP 1993, §5.3 "virtual TCB
 * array"; Microkernel Construction I.12): the ID's number selects a TCB slot through a table, a
 * virtual array (its pages faulted in on first touch) or a physical pointer; the lookup then
 * compares the whole ID, version included, with the TCB's, so a stale ID finds nothing. The
 * variants behave alike and differ in the memory they touch.
 */
class TcbLookupTest {

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

    /** The lookup finds the TCB for its exact ID, and nothing for the same number with another version (a stale ID). */
    @Test
    void theLookupComparesTheWholeIdVersionIncluded() {
        for (TcbLookup variant : TcbLookup.values()) {
            Simulation sim = run(pingPong("i486_50", KernelConfig.defaults().withTcbLookup(variant), 1));
            Kernel k = sim.kernel();
            Tcb t = k.thread("client.ping");
            int stale = ThreadId.of(ThreadId.number(t.id), ThreadId.version(t.id) + 1);
            KernelPath p = k.path("ipc.slowpath");
            try {
                assertSame(t, k.tcbLookup().lookup(t.id, t, p, x -> k.kernelMemory().template().translate(x.address)), variant.id());
                assertNull(k.tcbLookup().lookup(stale, t, p, x -> k.kernelMemory().template().translate(x.address)), variant.id() + ": stale");
                assertNull(k.tcbLookup().lookup(t.id, null, p, x -> -1), variant.id() + ": an empty slot");
                assertTrue(p.cycles() > 0, variant.id() + ": the lookups touched memory");
            } finally {
                k.charge(p, null);
            }
        }
    }
}
