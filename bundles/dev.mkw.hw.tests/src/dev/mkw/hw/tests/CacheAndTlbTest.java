package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.sim.Cache;
import dev.mkw.hw.sim.Tlb;

/** Caches (associativity, LRU, write policies) and TLBs (tagged, untagged, global entries). */
class CacheAndTlbTest {

    @Test
    void hitAfterMissAndLruEviction() {
        Cache c = new Cache("L1", 1, 2 * 16 * 2, 16, 2, 1, true, false); // 2 sets, 2 ways, 16-byte lines
        assertFalse(c.access(0x000, false));
        assertTrue(c.access(0x004, false), "same line");
        assertFalse(c.access(0x020, false)); // same set (set 0), second way
        assertTrue(c.access(0x000, false));   // touch 0x000: now 0x020 is least recently used
        assertFalse(c.access(0x040, false));  // evicts 0x020
        assertTrue(c.access(0x000, false));
        assertFalse(c.access(0x020, false), "0x020 was the LRU victim");
    }

    @Test
    void writeThroughDoesNotAllocateOnAWriteMissWriteBackDoes() {
        Cache wt = new Cache("wt", 1, 8192, 16, 4, 1, false, false);
        Cache wb = new Cache("wb", 1, 8192, 16, 4, 1, true, false);
        assertFalse(wt.access(0x100, true));
        assertFalse(wt.access(0x100, false), "no write allocation (i486)");
        assertFalse(wb.access(0x100, true));
        assertTrue(wb.access(0x100, false), "write-back allocates");
        assertEquals(1, wt.writeThroughs(), "the write went through to memory");
    }

    @Test
    void dirtyVictimsAreWrittenBack() {
        Cache c = new Cache("wb", 1, 16, 16, 1, 1, true, false); // one line
        c.access(0x0, true);
        c.access(0x10, false);
        assertEquals(1, c.writeBacks());
    }

    @Test
    void inconsistentGeometryIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Cache("L1", 1, 1000, 16, 4, 1, true, false));
        assertEquals("L1: size 1000 is not a multiple of line size × ways (16 × 4)", e.getMessage());
    }

    @Test
    void untaggedTlbFlushKeepsOnlyGlobalEntries() {
        Tlb t = new Tlb(32, 4, false);
        t.insert(1, 0, 100, Tlb.USER);
        t.insert(2, 0, 200, Tlb.GLOBAL);
        assertEquals(1, t.flushAll(true));
        assertEquals(-1, t.lookup(1, 0));
        assertTrue(t.lookup(2, 0) >= 0);
    }

    @Test
    void taggedTlbKeepsEntriesOfOtherAddressSpaces() {
        Tlb t = new Tlb(64, 4, true);
        t.insert(7, 1, 100, Tlb.USER);
        t.insert(7, 2, 200, Tlb.USER);
        assertEquals(100, t.frame(t.lookup(7, 1)));
        assertEquals(200, t.frame(t.lookup(7, 2)), "same page, other ASID, other frame");
        assertEquals(1, t.flushAsid(1));
        assertEquals(-1, t.lookup(7, 1));
        assertTrue(t.lookup(7, 2) >= 0);
    }
}
