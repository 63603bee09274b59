package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mkw.hw.sim.MemoryHierarchy;

/** Two memory hierarchies that must have done the same: the differential tests' comparison (HitMemoTest, AccessRunTest). */
final class SameHierarchyState {
    private SameHierarchyState() {}

    /** Every counter, the TLB's entries, the last access's answers and the fault fields of {@code actual} are those of {@code expected}. */
    static void assertSame(MemoryHierarchy expected, MemoryHierarchy actual, String where) {
        assertEquals(expected.tlbHits(), actual.tlbHits(), where + ": TLB hits");
        assertEquals(expected.tlbMisses(), actual.tlbMisses(), where + ": TLB misses");
        assertEquals(expected.pageWalks(), actual.pageWalks(), where + ": walks");
        assertEquals(expected.pageWalkCycles(), actual.pageWalkCycles(), where + ": walk cycles");
        assertEquals(expected.memoryAccesses(), actual.memoryAccesses(), where + ": memory accesses");
        for (int level = 1; level <= 3; level++) {
            assertEquals(expected.cacheHits(level), actual.cacheHits(level), where + ": L" + level + " hits");
            assertEquals(expected.cacheMisses(level), actual.cacheMisses(level), where + ": L" + level + " misses");
        }
        for (int i = 0; i < expected.cacheLevels(); i++) {
            String c = expected.cache(i).name();
            assertEquals(expected.hitsOf(i), actual.hitsOf(i), where + ": hits of " + c);
            assertEquals(expected.missesOf(i), actual.missesOf(i), where + ": misses of " + c);
            assertEquals(expected.cache(i).writeBacks(), actual.cache(i).writeBacks(), where + ": write-backs of " + c);
            assertEquals(expected.cache(i).writeThroughs(), actual.cache(i).writeThroughs(), where + ": write-throughs of " + c);
        }
        assertEquals(expected.tlb().validEntries(), actual.tlb().validEntries(), where + ": TLB entries");
        assertEquals(expected.lastAccessTlbHit(), actual.lastAccessTlbHit(), where + ": last access's TLB hit");
        assertEquals(name(expected), name(actual), where + ": last access served by");
        assertEquals(expected.faultAddress(), actual.faultAddress(), where + ": fault address");
        assertEquals(expected.faultKind(), actual.faultKind(), where + ": fault kind");
        assertEquals(expected.faultWasProtection(), actual.faultWasProtection(), where + ": protection fault");
        assertEquals(expected.faultCycles(), actual.faultCycles(), where + ": fault cycles");
    }

    private static String name(MemoryHierarchy m) {
        return m.lastAccessServedBy() == null ? "memory" : m.lastAccessServedBy().name();
    }
}
