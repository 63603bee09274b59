package dev.mkw.hw.sim;

/**
 * The description of one cache (from a preset or a test).
 *
 * @param name             shown in statistics: L1, L1D, L1I, L2, ...
 * @param level            1 for the first level; split caches share a level
 * @param kind             unified, or the data / instruction half of a split first level
 * @param latency          cycles this level adds to an access that reaches it
 * @param virtuallyIndexed set index from the virtual address (VIPT), tag from the physical one
 */
public record CacheSpec(String name, int level, Kind kind, int sizeBytes, int lineBytes, int ways, long latency,
        boolean writeBack, boolean virtuallyIndexed) {

    /** Which accesses a cache serves. */
    public enum Kind { UNIFIED, DATA, INSTRUCTION }

    /** A unified cache. */
    public CacheSpec(String name, int level, int sizeBytes, int lineBytes, int ways, long latency, boolean writeBack, boolean virtuallyIndexed) {
        this(name, level, Kind.UNIFIED, sizeBytes, lineBytes, ways, latency, writeBack, virtuallyIndexed);
    }

    public Cache create() {
        return new Cache(name, level, kind, sizeBytes, lineBytes, ways, latency, writeBack, virtuallyIndexed);
    }

    public boolean servesData() { return kind != Kind.INSTRUCTION; }

    public boolean servesInstructions() { return kind != Kind.DATA; }

    /**
     * What is wrong with a geometry, or null: the message names the values, e.g. "size 8000
     * is not a multiple of line size × ways (16 × 4)".
     */
    public static String geometryProblem(int sizeBytes, int lineBytes, int ways) {
        if (lineBytes <= 0 || Integer.bitCount(lineBytes) != 1) return "line size " + lineBytes + " is not a power of two";
        if (ways <= 0) return "ways " + ways + " must be at least 1";
        if (sizeBytes <= 0) return "size " + sizeBytes + " must be positive";
        if (sizeBytes % ((long) lineBytes * ways) != 0) {
            return "size " + sizeBytes + " is not a multiple of line size × ways (" + lineBytes + " × " + ways + ")";
        }
        int sets = sizeBytes / (lineBytes * ways);
        if (Integer.bitCount(sets) != 1) return "size " + sizeBytes + " gives " + sets + " sets, not a power of two";
        return null;
    }
}
