package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.PageTableBuilder;
import dev.mkw.hw.sim.SimMachine;

/**
 * {@link MemoryHierarchy#accessRun} against the same accesses made one by one on a twin
 * machine: the same result, and the same counters, last-access answers and fault fields after
 * every run, on each preset (untagged and tagged TLBs, unified and split caches, one to three
 * levels), with runs that cross pages, hit unmapped, read-only and supervisor pages, and
 * address-space switches between them.
 */
class AccessRunTest {
    private static final long ROOT = 0x10_0000, TABLES = 0x20_0000, BASE = 0x4000_0000L, DATA = 0x80_0000L;
    private static final int PAGES = 64;

    private static SimMachine machine(String preset) {
        SimMachine m = MachinePresets.builtIn().machine(preset, 1);
        PageTableBuilder tables = new PageTableBuilder(m.memory(), m.mmu().format(), TABLES);
        SplittableRandom r = new SplittableRandom(7);
        for (int p = 0; p < PAGES; p++) {
            int kind = r.nextInt(8);
            if (kind == 0) continue; // unmapped
            tables.map(ROOT, BASE + p * 4096L, DATA + p * 4096L, kind != 1, kind != 2, true, false);
        }
        tables.map(ROOT + 0x4000, BASE, DATA, true); // a second space sharing one page
        return m;
    }

    @Test
    void aRunIsExactlyItsAccessesOneByOne() {
        for (String preset : new String[] {"i486_50", "pentium_100", "cortex_a9", "x86_64_pcid", "cortex_a53", "cortex_a76"}) {
            SimMachine batched = machine(preset), single = machine(preset);
            MemoryHierarchy b = batched.mem(0), s = single.mem(0);
            b.loadPageTableRoot(ROOT, 1);
            s.loadPageTableRoot(ROOT, 1);
            SplittableRandom r = new SplittableRandom(preset.hashCode());
            for (int i = 0; i < 3000; i++) {
                if (r.nextInt(50) == 0) {
                    long root = r.nextBoolean() ? ROOT : ROOT + 0x4000;
                    int space = r.nextInt(1, 3);
                    b.loadPageTableRoot(root, space);
                    s.loadPageTableRoot(root, space);
                }
                long from = BASE + r.nextLong(PAGES * 4096L);
                long to = from + r.nextLong(1, 3 * 4096);
                int stride = new int[] {1, 4, 16, 32, 64, 72, 4096, 5000}[r.nextInt(8)];
                int kind = r.nextInt(3);
                boolean user = r.nextInt(4) != 0;
                long free = r.nextBoolean() ? 0 : b.instructionHitCycles();
                String where = preset + ", run " + i + " from 0x" + Long.toHexString(from) + " stride " + stride + " kind " + kind;
                assertEquals(oneByOne(s, from, to, stride, kind, user, free), b.accessRun(from, to, stride, kind, user, free), where);
                SameHierarchyState.assertSame(s, b, where);
            }
        }
    }

    @Test
    void aStrideMustBePositive() {
        MemoryHierarchy m = machine("i486_50").mem(0);
        assertThrows(IllegalArgumentException.class, () -> m.accessRun(BASE, BASE + 64, 0, MemoryHierarchy.READ, true, 0));
    }

    private static long oneByOne(MemoryHierarchy m, long from, long to, int stride, int kind, boolean user, long free) {
        long total = 0;
        for (long a = from; a < to; a += stride) {
            long c = m.access(a, kind, user);
            if (c == MemoryHierarchy.PAGE_FAULT) return c;
            if (c > free) total += c - free;
        }
        return total;
    }

}
