package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.sim.Tlb;

/** TLBs: LRU within a set, tags, global entries, and the flush operations. */
class TlbTest {

    @Test
    void lruWithinASetIsKeptAcrossRepeatedHits() {
        Tlb t = new Tlb(2, 2, false); // one set of two ways
        t.insert(1, 0, 10, 0);
        t.insert(2, 0, 20, 0);
        for (int i = 0; i < 5; i++) assertTrue(t.lookup(1, 0) >= 0); // page 1 is now the most recent
        t.insert(3, 0, 30, 0);                                       // evicts page 2
        assertEquals(-1, t.lookup(2, 0));
        assertEquals(10, t.frame(t.lookup(1, 0)));
        assertEquals(30, t.frame(t.lookup(3, 0)));
        assertEquals(7, t.hits());
        assertEquals(1, t.misses());
    }

    @Test
    void untaggedFlushKeepsOnlyGlobalEntries() {
        Tlb t = new Tlb(32, 4, false);
        t.insert(1, 0, 100, Tlb.USER);
        t.insert(2, 0, 200, Tlb.GLOBAL);
        assertEquals(1, t.flushAll(true));
        assertEquals(-1, t.lookup(1, 0));
        assertTrue(t.lookup(2, 0) >= 0);
        assertEquals(1, t.flushAll(false), "a full flush takes globals too");
        assertEquals(0, t.validEntries());
    }

    /** x86 small address spaces (Liedtke 1995): segments at different linear addresses share an untagged TLB without mixing up. */
    @Test
    void anUntaggedTlbTellsSegmentsApartOnceAsked() {
        Tlb t = new Tlb(64, 4, false);
        t.insert(7, 1, 100, Tlb.USER);
        assertTrue(t.lookup(7, 2) >= 0, "untagged: the tag is ignored");
        t.tagBySegment();
        assertTrue(t.tagging() && !t.tagged(), "the hardware is still untagged");
        assertEquals(-1, t.lookup(7, 2), "another segment's translation of page 7 does not match");
        t.insert(7, 2, 200, Tlb.USER);
        assertEquals(100, t.frame(t.lookup(7, 1)));
        assertEquals(200, t.frame(t.lookup(7, 2)));
        assertEquals(1, t.flushPage(7, 2), "invlpg for one segment's page leaves the other's");
        assertEquals(100, t.frame(t.lookup(7, 1)));
        assertEquals(1, t.flushAll(false), "a page-directory load still flushes everything");
    }

    @Test
    void taggedEntriesOfOtherAddressSpacesStay() {
        Tlb t = new Tlb(64, 4, true);
        t.insert(7, 1, 100, Tlb.USER);
        t.insert(7, 2, 200, Tlb.USER);
        t.insert(9, 1, 300, Tlb.GLOBAL);
        assertEquals(100, t.frame(t.lookup(7, 1)));
        assertEquals(200, t.frame(t.lookup(7, 2)), "same page, other ASID, other frame");
        assertEquals(300, t.frame(t.lookup(9, 5)), "a global entry matches every ASID");
        assertEquals(1, t.flushAsid(1));
        assertEquals(-1, t.lookup(7, 1));
        assertTrue(t.lookup(7, 2) >= 0);
        assertTrue(t.lookup(9, 1) >= 0, "globals survive an ASID flush");
    }

    @Test
    void flushOfOnePage() {
        Tlb t = new Tlb(8, 2, true);
        t.insert(4, 1, 40, 0);
        t.insert(5, 1, 50, 0);
        assertTrue(t.lookup(4, 1) >= 0);
        assertEquals(1, t.flushPage(4, 1));
        assertEquals(-1, t.lookup(4, 1), "the remembered entry is forgotten too");
        assertTrue(t.lookup(5, 1) >= 0);
    }
}
