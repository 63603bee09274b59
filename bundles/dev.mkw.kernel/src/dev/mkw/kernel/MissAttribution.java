package dev.mkw.kernel;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.sim.report.Misses;

/**
 * Who caused each TLB and cache miss. The memory hierarchy counts misses per CPU; the kernel
 * knows what runs: between two points where the running part changes (a kernel path begins or
 * is charged, a thread's user code is charged), every miss belongs to the part that ran. At each
 * such point the misses since the last one go to that part's tally, so a path nested in
 * another gets its own misses and the outer path keeps the rest, and the tallies add up to the
 * hardware counters.
 */
final class MissAttribution {
    private final MemoryHierarchy mem;
    private final long[] lastCache;
    private final long[] delta;
    private long lastTlb;

    MissAttribution(MemoryHierarchy mem) {
        this.mem = mem;
        this.lastCache = new long[mem.cacheLevels()];
        this.delta = new long[lastCache.length];
        resync();
    }

    /** The names of the hierarchy's cache levels, in its order. */
    static String[] levels(MemoryHierarchy mem) {
        String[] names = new String[mem.cacheLevels()];
        for (int i = 0; i < names.length; i++) names[i] = mem.cache(i).name();
        return names;
    }

    /** Forget what happened so far (the counters were reset after boot). */
    void resync() {
        lastTlb = mem.tlbMisses();
        for (int i = 0; i < lastCache.length; i++) lastCache[i] = mem.missesOf(i);
    }

    /** Give the misses since the last call to {@code to} and, if not null, also to {@code alsoTo}. */
    void attribute(Misses.Counter to, Misses.Counter alsoTo) {
        long tlb = mem.tlbMisses();
        long dTlb = tlb - lastTlb;
        lastTlb = tlb;
        boolean any = dTlb != 0;
        for (int i = 0; i < lastCache.length; i++) {
            long m = mem.missesOf(i);
            delta[i] = m - lastCache[i];
            lastCache[i] = m;
            any |= delta[i] != 0;
        }
        if (!any) return;
        to.add(dTlb, delta);
        if (alsoTo != null) alsoTo.add(dTlb, delta);
    }
}
