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

/** Page-table walks in the machine's format, faults, and what an address-space switch does to the TLB. */
class MemoryHierarchyTest {

    /** Map vaddr → paddr in a table rooted at root, allocating tables from next[0]. */
    static void map(PhysicalMemory m, PageTableFormat f, long root, long vaddr, long paddr, boolean writable, long[] next) {
        new PageTableBuilder(m, f, next[0]).map(root, vaddr, paddr, writable);
        next[0] += 0x10_0000; // the next call's tables start in fresh frames
    }

    @Test
    void twoLevelWalkOnTheI486ThenTlbHit() {
        SimMachine m = MachinePresets.get().machine("i486_50", 1);
        PageTableFormat f = m.mmu().format();
        assertEquals(2, f.levels());
        long[] next = {0x20_0000};
        map(m.memory(), f, 0x10_0000, 0x40_1000, 0x80_0000, true, next);
        MemoryHierarchy mem = m.mem(0);
        mem.loadPageTableRoot(0x10_0000, 0);
        long miss = mem.access(0x40_1004, MemoryHierarchy.READ, true);
        long hit = mem.access(0x40_1008, MemoryHierarchy.READ, true);
        assertEquals(1, mem.tlb().misses());
        assertEquals(2, mem.pageWalks() + 1, "one walk");
        assertTrue(miss > hit, "the walk costs: " + miss + " vs " + hit);
    }

    @Test
    void fourLevelWalkOnX8664() {
        SimMachine m = MachinePresets.get().machine("x86_64_pcid", 1);
        PageTableFormat f = m.mmu().format();
        assertEquals(4, f.levels());
        long[] next = {0x20_0000};
        map(m.memory(), f, 0x10_0000, 0x7f_0000_1000L, 0x80_0000, true, next);
        MemoryHierarchy mem = m.mem(0);
        mem.loadPageTableRoot(0x10_0000, 1);
        assertTrue(mem.access(0x7f_0000_1000L, MemoryHierarchy.READ, true) > 0);
        assertEquals(MemoryHierarchy.PAGE_FAULT, mem.access(0x7f_0000_2000L, MemoryHierarchy.READ, true));
        assertEquals(0x7f_0000_2000L, mem.faultAddress());
    }

    @Test
    void writeToReadOnlyPageIsAProtectionFault() {
        SimMachine m = MachinePresets.get().machine("i486_50", 1);
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
            SimMachine m = MachinePresets.get().machine(preset, 1);
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
}
