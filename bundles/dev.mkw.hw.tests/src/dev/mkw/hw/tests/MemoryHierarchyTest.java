package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.Cache;
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

    @Test
    void eachAccessTellsWhetherTheTlbHitAndWhichLevelServedIt() {
        // Cortex-A9: L1D 32 KiB, 4 ways, 32-byte lines = 256 sets, so lines 8 KiB apart share a set.
        SimMachine m = MachinePresets.builtIn().machine("cortex_a9", 1);
        long[] next = {0x40_0000};
        long va = 0x4000_0000L;
        for (long off = 0; off < 0xA000; off += 0x1000) map(m.memory(), m.mmu().format(), 0x10_0000, va + off, 0x80_0000 + off, true, next);
        MemoryHierarchy mem = m.mem(0);
        mem.loadPageTableRoot(0x10_0000, 1);
        Cache l1d = mem.cache(0), l2 = mem.cache(2);
        assertEquals("L1D", l1d.name());
        assertEquals("L2", l2.name());

        mem.access(va, MemoryHierarchy.READ, true);
        assertFalse(mem.lastAccessTlbHit(), "first touch walks the page table");
        assertNull(mem.lastAccessServedBy(), "and reads memory");

        mem.access(va + 8, MemoryHierarchy.READ, true);
        assertTrue(mem.lastAccessTlbHit());
        assertSame(l1d, mem.lastAccessServedBy(), "same line: L1");

        for (long k = 1; k <= 4; k++) mem.access(va + k * 0x2000, MemoryHierarchy.READ, true); // four more lines of its L1 set
        mem.access(va + 16, MemoryHierarchy.READ, true);
        assertTrue(mem.lastAccessTlbHit());
        assertSame(l2, mem.lastAccessServedBy(), "evicted from L1, still in L2");

        // The i486's write-through cache does not allocate on a write miss: no level served it.
        SimMachine i486 = MachinePresets.builtIn().machine("i486_50", 1);
        long[] next2 = {0x40_0000};
        map(i486.memory(), i486.mmu().format(), 0x10_0000, 0x5000, 0x9000, true, next2);
        MemoryHierarchy mem486 = i486.mem(0);
        mem486.loadPageTableRoot(0x10_0000, 0);
        mem486.access(0x5000, MemoryHierarchy.WRITE, true);
        assertNull(mem486.lastAccessServedBy());
        mem486.access(0x5000, MemoryHierarchy.READ, true);
        assertNull(mem486.lastAccessServedBy(), "the write allocated nothing: the read misses too");
        mem486.access(0x5004, MemoryHierarchy.WRITE, true);
        assertSame(mem486.cache(0), mem486.lastAccessServedBy(), "a write hit in the write-through cache");
    }
}
