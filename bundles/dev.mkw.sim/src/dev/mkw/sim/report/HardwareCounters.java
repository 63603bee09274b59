package dev.mkw.sim.report;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The modelled hardware's performance counters of one CPU.
 *
 * @param cpu            the CPU's index
 * @param tlbHits        TLB lookups that hit
 * @param tlbMisses      TLB lookups that missed (a page-table walk)
 * @param tlbFlushes     whole or tagged TLB flushes
 * @param memoryAccesses accesses that went to memory (past the last cache level)
 * @param caches         hits and misses per cache level, sorted by level name
 */
public record HardwareCounters(int cpu, long tlbHits, long tlbMisses, long tlbFlushes, long memoryAccesses,
        SortedMap<String, CacheLevelCounters> caches) {

    public HardwareCounters {
        caches = Collections.unmodifiableSortedMap(new TreeMap<>(caches));
    }

    /** A CPU's counters while a run goes on. */
    public static final class Counter {
        private final int cpu;
        public long tlbHits;
        public long tlbMisses;
        public long tlbFlushes;
        public long memoryAccesses;
        private final Map<String, long[]> caches = new TreeMap<>();

        public Counter(int cpu) { this.cpu = cpu; }

        public int cpu() { return cpu; }

        public void cacheHit(String level) { level(level)[0]++; }

        public void cacheMiss(String level) { level(level)[1]++; }

        /** Set a level's totals, for a hardware model that counts by itself. */
        public void cache(String level, long hits, long misses) {
            long[] c = level(level);
            c[0] = hits;
            c[1] = misses;
        }

        private long[] level(String level) { return caches.computeIfAbsent(level, k -> new long[2]); }

        public HardwareCounters snapshot() {
            SortedMap<String, CacheLevelCounters> m = new TreeMap<>();
            caches.forEach((k, v) -> m.put(k, new CacheLevelCounters(v[0], v[1])));
            return new HardwareCounters(cpu, tlbHits, tlbMisses, tlbFlushes, memoryAccesses, m);
        }
    }
}
