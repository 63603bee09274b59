package dev.mkw.hw.sim;

/** The description of one cache level (from a preset or a test). */
public record CacheSpec(String name, int level, int sizeBytes, int lineBytes, int ways, long latency,
        boolean writeBack, boolean virtuallyIndexed) {
    public Cache create() {
        return new Cache(name, level, sizeBytes, lineBytes, ways, latency, writeBack, virtuallyIndexed);
    }
}
