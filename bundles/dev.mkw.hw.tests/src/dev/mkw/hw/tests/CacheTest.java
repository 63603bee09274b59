package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.sim.Cache;
import dev.mkw.hw.sim.CacheSpec;

/** Caches against hand-computed access sequences: conflicts, LRU, write policies, indexing. */
class CacheTest {

    /** "h" for each hit, "m" for each miss. */
    private static String run(Cache c, long... addresses) {
        StringBuilder b = new StringBuilder();
        for (long a : addresses) b.append(c.access(a, false) ? 'h' : 'm');
        return b.toString();
    }

    @Test
    void directMappedConflictMisses() {
        // 4 sets × 1 way × 16-byte lines = 64 bytes: 0x00 and 0x40 both map to set 0.
        Cache c = new Cache("DM", 1, 64, 16, 1, 1, true, false);
        assertEquals("mmmmhhm", run(c, 0x00, 0x40, 0x00, 0x40, 0x44, 0x48, 0x10));
        assertEquals(5, c.misses());
        assertEquals(2, c.hits());
        assertEquals(4, c.sets());
    }

    @Test
    void twoWaysRemoveThatConflict() {
        Cache c = new Cache("2W", 1, 64, 16, 2, 1, true, false); // 2 sets × 2 ways
        assertEquals("mmhh", run(c, 0x00, 0x40, 0x00, 0x40));
    }

    @Test
    void lruEvictsTheLeastRecentlyUsedWay() {
        // 1 set × 4 ways: A B C D fill it; touching A makes B the LRU, so E evicts B.
        Cache c = new Cache("FA", 1, 64, 16, 4, 1, true, false);
        long a = 0x000, b = 0x100, cc = 0x200, d = 0x300, e = 0x400;
        assertEquals("mmmm" + "h" + "m" + "hhh" + "m", run(c, a, b, cc, d, a, e, a, cc, d, b));
    }

    @Test
    void writeThroughSendsEveryWriteOnAndDoesNotAllocate() {
        Cache wt = new Cache("wt", 1, 8192, 16, 4, 1, false, false);
        assertFalse(wt.access(0x100, true), "write miss");
        assertFalse(wt.access(0x100, false), "no write allocation (i486): still a miss");
        assertTrue(wt.access(0x100, true), "write hit");
        assertEquals(2, wt.writeThroughs(), "both writes went on to memory");
        assertEquals(0, wt.writeBacks());
    }

    @Test
    void writeBackAllocatesAndWritesOnlyDirtyVictimsBack() {
        Cache wb = new Cache("wb", 1, 32, 16, 1, 1, true, false); // 2 sets × 1 way
        for (int i = 0; i < 10; i++) wb.access(0x00, true);       // ten writes to one line: no traffic yet
        assertEquals(0, wb.writeBacks());
        assertEquals(0, wb.writeThroughs());
        wb.access(0x20, false);                                    // evicts the dirty line 0x00
        assertEquals(1, wb.writeBacks());
        wb.access(0x00, false);                                    // evicts clean 0x20
        assertEquals(1, wb.writeBacks(), "a clean victim is dropped");
    }

    @Test
    void virtuallyIndexedTakesTheSetFromTheVirtualAddress() {
        // 2 sets × 1 way × 16-byte lines. Physical 0x00 reached through virtual 0x10: set 1, tag 0x00.
        Cache vipt = new Cache("vipt", 1, CacheSpec.Kind.DATA, 32, 16, 1, 1, true, true);
        assertFalse(vipt.access(0x00, 0x10, false));
        assertTrue(vipt.contains(0x00, 0x10));
        assertFalse(vipt.contains(0x00, 0x00), "not in set 0");
        assertTrue(vipt.access(0x00, 0x10, false));
    }

    @Test
    void statisticsResetButContentsStay() {
        Cache c = new Cache("L1", 1, 64, 16, 1, 1, true, false);
        c.access(0, false);
        c.resetStats();
        assertEquals(0, c.misses());
        assertTrue(c.access(0, false));
        c.invalidateAll();
        assertFalse(c.access(0, false));
    }

    @Test
    void inconsistentGeometryIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Cache("L1", 1, 1000, 16, 4, 1, true, false));
        assertEquals("L1: size 1000 is not a multiple of line size × ways (16 × 4)", e.getMessage());
    }
}
