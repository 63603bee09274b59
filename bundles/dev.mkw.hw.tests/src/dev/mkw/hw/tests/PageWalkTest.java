package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.Cache;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.PageTableBuilder;
import dev.mkw.hw.sim.PageTableFormat;
import dev.mkw.hw.sim.SimMachine;

/** Page-table walks in each format: the entries they read, the lines they touch, what they cost. */
class PageWalkTest {
    private static final long ROOT = 0x10_0000, TABLES = 0x20_0000;
    private final MachinePresets presets = MachinePresets.builtIn();

    @Test
    void twoLevelWalkOnTheI486TouchesDirectoryAndTableEntry() {
        SimMachine m = presets.machine("i486_50", 1);
        PageTableFormat f = m.mmu().format();
        new PageTableBuilder(m.memory(), f, TABLES).map(ROOT, 0x40_1000, 0x80_0000, true);
        MemoryHierarchy mem = m.mem(0);
        mem.loadPageTableRoot(ROOT, 0);
        // Two entries miss the 8 KiB cache (1 + 10 cycles each), then the data line misses too.
        assertEquals(2 * 11 + 11, mem.access(0x40_1004, MemoryHierarchy.READ, true));
        assertEquals(1, mem.access(0x40_1008, MemoryHierarchy.READ, true), "TLB hit, same 16-byte line");
        Cache l1 = mem.cache(0);
        assertTrue(l1.contains(ROOT + 1 * 4, ROOT + 4), "page-directory entry 1 (0x401000 >> 22)");
        assertTrue(l1.contains(TABLES + 1 * 4, TABLES + 4), "page-table entry 1 ((0x401000 >> 12) & 1023)");
        assertEquals(1, mem.pageWalks());
        assertEquals(1, mem.tlbMisses());
        assertEquals(1, mem.tlbHits());
    }

    @Test
    void fourLevelWalkOnX8664ReadsFourEntriesThenSharesTheirLines() {
        SimMachine m = presets.machine("x86_64_pcid", 1);
        PageTableBuilder b = new PageTableBuilder(m.memory(), m.mmu().format(), TABLES);
        long va = 0x7f_0000_1000L;
        b.map(ROOT, va, 0x80_0000, true);
        b.map(ROOT, va + 0x1000, 0x90_0000, true);
        MemoryHierarchy mem = m.mem(0);
        mem.loadPageTableRoot(ROOT, 1);
        long miss = 4 + 8 + 30 + 230; // L1D, L2, L3 latencies and memory [OPT]
        assertEquals(4 * miss + miss, mem.access(va, MemoryHierarchy.READ, true), "four entries and the data miss every level");
        // The neighbouring page: the upper three entries and the last one (8 bytes further, same 64-byte line) hit L1D.
        assertEquals(4 * 4 + miss, mem.access(va + 0x1000, MemoryHierarchy.READ, true));
        assertEquals(MemoryHierarchy.PAGE_FAULT, mem.access(va + 0x2000, MemoryHierarchy.READ, true));
        assertEquals(va + 0x2000, mem.faultAddress());
        assertFalse(mem.faultWasProtection(), "not mapped");
        assertEquals(4 * 4, mem.faultCycles(), "the walk got to the last level before it found nothing");
        assertEquals(6, mem.cacheMisses(1), "first level: 5 misses on the first access, 1 on the second");
        assertEquals(8, mem.cacheHits(1), "4 walk hits on the second access, 4 on the faulting one");
    }

    @Test
    void largePagesWhereTheMmuHasThem() {
        SimMachine pentium = presets.machine("pentium_100", 1);
        new PageTableBuilder(pentium.memory(), pentium.mmu().format(), TABLES).mapLarge(ROOT, 0, 0x40_0000, 0x80_0000, true);
        MemoryHierarchy mem = pentium.mem(0);
        mem.loadPageTableRoot(ROOT, 0);
        assertTrue(mem.access(0x41_2340, MemoryHierarchy.READ, true) > 0, "a 4 MiB page (PSE)");
        assertTrue(mem.cache(0).contains(0x81_2340, 0x41_2340), "offset within the 4 MiB frame");

        SimMachine i486 = presets.machine("i486_50", 1);
        new PageTableBuilder(i486.memory(), i486.mmu().format(), TABLES).mapLarge(ROOT, 0, 0x40_0000, 0x80_0000, true);
        i486.mem(0).loadPageTableRoot(ROOT, 0);
        assertEquals(MemoryHierarchy.PAGE_FAULT, i486.mem(0).access(0x41_2340, MemoryHierarchy.READ, true), "the i486 has no 4 MiB pages");

        SimMachine x64 = presets.machine("x86_64_pcid", 1);
        new PageTableBuilder(x64.memory(), x64.mmu().format(), TABLES).mapLarge(ROOT, 2, 0x4000_0000L, 0x20_0000 * 4, true);
        x64.mem(0).loadPageTableRoot(ROOT, 1);
        assertTrue(x64.mem(0).access(0x4001_2348L, MemoryHierarchy.WRITE, true) > 0, "a 2 MiB page at the third level");
        assertTrue(x64.mem(0).cache(0).contains(0x81_2348, 0x4001_2348L));
    }

    @Test
    void rightsAreChecked() {
        SimMachine m = presets.machine("x86_64_pcid", 1);
        PageTableBuilder b = new PageTableBuilder(m.memory(), m.mmu().format(), TABLES);
        b.map(ROOT, 0x5000, 0x9000, false, true, false, false);  // user, read-only, no-execute
        b.map(ROOT, 0x6000, 0xA000, true, false, true, false);   // supervisor
        MemoryHierarchy mem = m.mem(0);
        mem.loadPageTableRoot(ROOT, 1);
        assertTrue(mem.access(0x5000, MemoryHierarchy.READ, true) > 0);
        assertEquals(MemoryHierarchy.PAGE_FAULT, mem.access(0x5000, MemoryHierarchy.WRITE, true));
        assertTrue(mem.faultWasProtection());
        assertEquals(MemoryHierarchy.WRITE, mem.faultKind());
        assertEquals(MemoryHierarchy.PAGE_FAULT, mem.access(0x5000, MemoryHierarchy.EXECUTE, true), "NX");
        assertEquals(MemoryHierarchy.PAGE_FAULT, mem.access(0x6000, MemoryHierarchy.READ, true), "user access to a supervisor page");
        assertTrue(mem.access(0x6000, MemoryHierarchy.READ, false) > 0, "the kernel may");
    }

    @Test
    void instructionFetchesUseTheirOwnTlbAndCache() {
        SimMachine m = presets.machine("pentium_100", 1);
        new PageTableBuilder(m.memory(), m.mmu().format(), TABLES).map(ROOT, 0x5000, 0x9000, true);
        MemoryHierarchy mem = m.mem(0);
        mem.loadPageTableRoot(ROOT, 0);
        // Offset 0x40: the data line goes to set 2 of the 2-way L1D, away from the two table entries in set 0.
        assertEquals(2 * 21 + 21, mem.access(0x5040, MemoryHierarchy.READ, true), "walk and data miss (1 + 20 cycles each)");
        assertEquals(2 * 1 + 21, mem.access(0x5040, MemoryHierarchy.EXECUTE, true), "own walk, entries now in L1D; the code cache misses");
        assertEquals(1, mem.tlb().misses(), "data TLB");
        assertEquals(1, mem.itlb().misses(), "code TLB: its own miss and walk");
        assertEquals(2, mem.pageWalks());
        Cache l1d = mem.cache(0), l1i = mem.cache(1);
        assertEquals("L1I", l1i.name());
        assertEquals(1, l1i.misses(), "the fetch went to the code cache");
        assertTrue(l1d.contains(0x9040, 0x5040) && l1i.contains(0x9040, 0x5040));
    }

    @Test
    void anAccessAcrossALineCostsBothLines() {
        SimMachine m = presets.machine("i486_50", 1);
        new PageTableBuilder(m.memory(), m.mmu().format(), TABLES).map(ROOT, 0x5000, 0x9000, true);
        MemoryHierarchy mem = m.mem(0);
        mem.loadPageTableRoot(ROOT, 0);
        mem.access(0x5000, MemoryHierarchy.READ, true);
        assertEquals(1, mem.access(0x5004, MemoryHierarchy.READ, true, 4), "within one line");
        assertEquals(1 + 11, mem.access(0x500E, MemoryHierarchy.READ, true, 4), "0x500E..0x5011: the second line misses");
    }
}
