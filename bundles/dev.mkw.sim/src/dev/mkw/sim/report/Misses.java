package dev.mkw.sim.report;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The TLB and cache misses one part of a run caused: a kernel path, a thread's user code, or
 * the kernel working on a thread's behalf. The kernel attributes every miss of the memory
 * hierarchy to exactly one such part (the one running when it happened), so the parts add up
 * to the hardware counters.
 *
 * @param tlb   TLB misses (instruction and data TLB)
 * @param cache misses by cache level name (L1I, L1D, L2, ...)
 */
public record Misses(long tlb, SortedMap<String, Long> cache) {

    public Misses {
        cache = Collections.unmodifiableSortedMap(new TreeMap<>(cache));
    }

    /** Misses over all cache levels. */
    public long cacheTotal() {
        long s = 0;
        for (long m : cache.values()) s += m;
        return s;
    }

    /** A running tally: the kernel adds the misses it attributes, level by level in the hierarchy's order. */
    public static final class Counter {
        private long tlb;
        private long[] cache = new long[0];

        /** Add {@code tlbMisses} and, per cache level in the hierarchy's order, {@code cacheMisses}. */
        public void add(long tlbMisses, long[] cacheMisses) {
            tlb += tlbMisses;
            if (cache.length < cacheMisses.length) cache = java.util.Arrays.copyOf(cache, cacheMisses.length);
            for (int i = 0; i < cacheMisses.length; i++) cache[i] += cacheMisses[i];
        }

        /** Add another tally. */
        public void add(Counter other) {
            add(other.tlb, other.cache);
        }

        /** TLB misses so far. */
        public long tlb() {
            return tlb;
        }

        /** Misses over all cache levels. */
        public long cacheTotal() {
            long s = 0;
            for (long c : cache) s += c;
            return s;
        }

        public boolean isEmpty() {
            if (tlb != 0) return false;
            for (long c : cache) if (c != 0) return false;
            return true;
        }

        /** The tally with the cache levels named {@code levels} (the hierarchy's order). */
        public Misses snapshot(String[] levels) {
            SortedMap<String, Long> m = new TreeMap<>();
            for (int i = 0; i < levels.length; i++) m.put(levels[i], i < cache.length ? cache[i] : 0L);
            return new Misses(tlb, m);
        }
    }
}
