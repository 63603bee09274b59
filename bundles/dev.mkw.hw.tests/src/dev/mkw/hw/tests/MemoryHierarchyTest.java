package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.PageTableBuilder;
import dev.mkw.hw.sim.PageTableFormat;
import dev.mkw.hw.sim.PhysicalMemory;
import dev.mkw.hw.sim.SimMachine;

/** Faults, and what an address-space switch does to the TLB: untagged loses everything, tagged keeps it. */
class MemoryHierarchyTest {

    /** Map vaddr → paddr in a table rooted at root, allocating tables from next[0]. */
    static void map(PhysicalMemory m, PageTableFormat f, long root, long vaddr, long paddr, boolean writable, long[] next) {
        new PageTableBuilder(m, f, next[0]).map(root, vaddr, paddr, writable);
        next[0] += 0x10_0000; // the next call's tables start in fresh frames
    }

    @Test
    void writeToReadOnlyPageIsAProtectionFault() {
        SimMachine m = MachinePresets.builtIn().machine("i486_50", 1);
        long[] next = {0x20_0000};
        map(m.memory(), m.mmu().format(), 0x10_0000, 0x5000, 0x9000, false, next);
        MemoryHierarchy mem = m.mem(0);
        mem.loadPageTableRoot(0x10_0000, 0);
        assertTrue(mem.access(0x5000, MemoryHierarchy.READ, true) > 0);
        assertEquals(MemoryHierarchy.PAGE_FAULT, mem.access(0x5000, MemoryHierarchy.WRITE, true));
        assertTrue(mem.faultWasProtection());
    }

    @Test
    void switchFlushesUntaggedTlbButNotTaggedOne() {
        for (String preset : new String[] {"i486_50", "x86_64_pcid"}) {
            SimMachine m = MachinePresets.builtIn().machine(preset, 1);
            long[] next = {0x40_0000};
            map(m.memory(), m.mmu().format(), 0x10_0000, 0x5000, 0x9000, true, next);
            map(m.memory(), m.mmu().format(), 0x20_0000, 0x5000, 0xA000, true, next);
            MemoryHierarchy mem = m.mem(0);
            mem.loadPageTableRoot(0x10_0000, 1);
            mem.access(0x5000, MemoryHierarchy.READ, true);
            mem.loadPageTableRoot(0x20_0000, 2);
            mem.access(0x5000, MemoryHierarchy.READ, true);
            mem.loadPageTableRoot(0x10_0000, 1);
            mem.resetStats();
            mem.access(0x5000, MemoryHierarchy.READ, true);
            assertEquals(m.mmu().taggedTlb() ? 0 : 1, mem.tlb().misses(), preset);
        }
    }

    @Test
    void untaggedSwitchLosesEveryEntryTaggedKeepsAll() {
        for (String preset : new String[] {"i486_50", "cortex_a9"}) {
            SimMachine m = MachinePresets.builtIn().machine(preset, 1);
            long[] next = {0x40_0000};
            for (long va = 0x1_0000; va < 0x1_8000; va += 0x1000) map(m.memory(), m.mmu().format(), 0x10_0000, va, 0x80_0000 + va, true, next);
            map(m.memory(), m.mmu().format(), 0x20_0000, 0x5000, 0xA000, true, next);
            MemoryHierarchy mem = m.mem(0);
            mem.loadPageTableRoot(0x10_0000, 1);
            for (long va = 0x1_0000; va < 0x1_8000; va += 0x1000) mem.access(va, MemoryHierarchy.READ, true);
            int before = mem.tlb().validEntries();
            assertEquals(8, before, preset);
            mem.loadPageTableRoot(0x20_0000, 2);
            assertEquals(m.mmu().taggedTlb() ? 8 : 0, mem.tlb().validEntries(), preset + ": entries after the switch");
            mem.loadPageTableRoot(0x10_0000, 1);
            assertEquals(m.mmu().taggedTlb() ? 0 : 3, mem.tlbFlushes(), preset + ": a flush per root load on the untagged TLB");
            mem.resetStats();
            for (long va = 0x1_0000; va < 0x1_8000; va += 0x1000) mem.access(va, MemoryHierarchy.READ, true);
            assertEquals(m.mmu().taggedTlb() ? 0 : 8, mem.tlbMisses(), preset + ": misses on return");
        }
    }
}
