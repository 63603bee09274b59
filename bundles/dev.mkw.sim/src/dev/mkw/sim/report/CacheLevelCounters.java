package dev.mkw.sim.report;

/** Hits and misses of one cache level (L1d, L1i, L2, ...) of one CPU. */
public record CacheLevelCounters(long hits, long misses) {
    public long accesses() { return hits + misses; }

    /** Misses per access, 0 when never accessed. */
    public double missRate() { return accesses() == 0 ? 0 : (double) misses / accesses(); }

    public CacheLevelCounters plus(CacheLevelCounters o) { return new CacheLevelCounters(hits + o.hits, misses + o.misses); }
}
