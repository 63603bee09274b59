package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.PageTableBuilder;
import dev.mkw.hw.sim.SimMachine;

/**
 * The memory hierarchy's hit memo (a repeated access to the line or page its path met last
 * skips the TLB compare and the set search) against the same machine without it: after every
 * operation the same cycles, counters, last-access answers and fault fields, on every built-in
 * preset (untagged and tagged TLBs, unified and split TLBs and caches, write-through and
 * write-back first levels, one to three levels) and on a two-processor machine, where the memo
 * is off. The operations mix what can change a memo behind its back: accesses of every kind by
 * user and kernel to lines met last, to their neighbours and to other pages, rights that fault,
 * multi-line accesses, runs, physical accesses (page walks' and kernel objects'), address-space
 * switches, small-space switches, TLB flushes of every kind, and direct invalidations of the
 * first-level caches and the TLB.
 */
class HitMemoTest {
    private static final long ROOT = 0x10_0000, TABLES = 0x20_0000, BASE = 0x4000_0000L, DATA = 0x80_0000L;
    private static final int PAGES = 16;

    private static SimMachine machine(String preset, int cpus) {
        SimMachine m = MachinePresets.builtIn().machine(preset, cpus);
        PageTableBuilder tables = new PageTableBuilder(m.memory(), m.mmu().format(), TABLES);
        SplittableRandom r = new SplittableRandom(11);
        for (int p = 0; p < PAGES; p++) {
            int kind = r.nextInt(6);
            if (kind == 0) continue; // unmapped
            // writable unless kind 1, user unless kind 2, executable unless kind 3
            tables.map(ROOT, BASE + p * 4096L, DATA + p * 4096L, kind != 1, kind != 2, kind != 3, false);
        }
        tables.map(ROOT + 0x4000, BASE, DATA + 0x10_0000, true); // a second space: another frame at the same address
        return m;
    }

    @Test
    void theMemoAnswersExactlyWhatTheFullLookupDoes() {
        int operations = 0;
        for (String preset : MachinePresets.builtIn().ids()) {
            operations += replay(preset, 1, 20_000);
        }
        operations += replay("cortex_a9", 2, 5_000);
        assertTrue(operations > 100_000, "operations replayed: " + operations);
    }

    private static int replay(String preset, int cpus, int steps) {
        SimMachine withMemo = machine(preset, cpus), without = machine(preset, cpus);
        MemoryHierarchy m = withMemo.mem(0), s = without.mem(0);
        s.disableHitMemo();
        m.loadPageTableRoot(ROOT, 1);
        s.loadPageTableRoot(ROOT, 1);
        SplittableRandom r = new SplittableRandom(preset.hashCode() + cpus);
        long last = BASE;
        for (int i = 0; i < steps; i++) {
            int op = r.nextInt(100);
            // Addresses with locality: mostly the last line again or the next words, often the same page, sometimes anywhere.
            long a;
            int where = r.nextInt(10);
            if (where < 4) a = last + r.nextInt(8);
            else if (where < 7) a = (last & ~4095L) + r.nextInt(4096);
            else a = BASE + r.nextLong(PAGES * 4096L);
            last = a;
            int kind = r.nextInt(10) < 6 ? MemoryHierarchy.READ : r.nextInt(3) == 0 ? MemoryHierarchy.EXECUTE : MemoryHierarchy.WRITE;
            boolean user = r.nextInt(5) != 0;
            String at = preset + " (" + cpus + " cpu), step " + i + ", op " + op + " at 0x" + Long.toHexString(a) + " kind " + kind + " user " + user;
            if (op < 80) {
                assertEquals(s.access(a, kind, user), m.access(a, kind, user), at);
            } else if (op < 84) {
                int size = 1 << r.nextInt(7);
                assertEquals(s.access(a, kind, user, size), m.access(a, kind, user, size), at + " size " + size);
            } else if (op < 88) {
                long to = a + r.nextInt(1, 300);
                int stride = 1 << r.nextInt(7);
                assertEquals(s.accessRun(a, to, stride, kind, user, 0), m.accessRun(a, to, stride, kind, user, 0), at + " run");
            } else if (op < 91) {
                long p = DATA + r.nextLong(PAGES * 4096L);
                int k = r.nextBoolean() ? MemoryHierarchy.READ : MemoryHierarchy.WRITE;
                assertEquals(s.accessPhysical(p, k), m.accessPhysical(p, k), at + " physical");
            } else if (op < 93) {
                long root = r.nextBoolean() ? ROOT : ROOT + 0x4000;
                int space = r.nextInt(1, 3);
                assertEquals(s.loadPageTableRoot(root, space), m.loadPageTableRoot(root, space), at + " root load");
            } else if (op < 94) {
                long root = r.nextBoolean() ? ROOT : ROOT + 0x4000;
                int tag = r.nextInt(1, 3);
                s.switchWithoutFlush(root, tag);
                m.switchWithoutFlush(root, tag);
            } else if (op < 95) {
                assertEquals(s.flushTlbPage(a, 1), m.flushTlbPage(a, 1), at + " flush page");
            } else if (op < 96) {
                assertEquals(s.flushTlbAsid(1), m.flushTlbAsid(1), at + " flush space");
            } else if (op < 97) {
                assertEquals(s.flushTlb(), m.flushTlb(), at + " flush");
            } else if (op < 98) {
                s.tlb().flushAll(false);
                m.tlb().flushAll(false);
            } else if (op < 99) {
                int c = r.nextInt(s.cacheLevels());
                s.cache(c).invalidateAll();
                m.cache(c).invalidateAll();
            } else {
                int c = r.nextInt(s.cacheLevels());
                long p = DATA + r.nextLong(PAGES * 4096L);
                assertEquals(s.cache(c).invalidate(p, a), m.cache(c).invalidate(p, a), at + " invalidate");
            }
            SameHierarchyState.assertSame(s, m, at);
        }
        return steps;
    }

}
