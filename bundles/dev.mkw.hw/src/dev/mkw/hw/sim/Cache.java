package dev.mkw.hw.sim;

/**
 * One set-associative cache with true LRU replacement. Write-back caches allocate on a
 * write miss and write dirty victims back; write-through caches (the i486's 8 KiB on-chip
 * cache) send every write on and do not allocate on a write miss (Intel i486 Microprocessor
 * data sheet, 1989, "On-chip cache": write-through, no write allocation).
 *
 * <p>Hot path: arrays only, no allocation per access.
 */
public final class Cache {
    private final String name;
    private final int level;
    private final int sets;
    private final int ways;
    private final int lineShift;
    private final long latency;
    private final boolean writeBack;
    private final boolean virtuallyIndexed;
    private final long[] tags;
    private final long[] stamps;
    private final boolean[] dirty;
    private long clock;
    private long hits;
    private long misses;
    private long writeBacks;
    private long writeThroughs;

    public Cache(String name, int level, int sizeBytes, int lineBytes, int ways, long latency, boolean writeBack, boolean virtuallyIndexed) {
        if (Integer.bitCount(lineBytes) != 1) throw new IllegalArgumentException(name + ": line size " + lineBytes + " is not a power of two");
        if (ways <= 0 || sizeBytes % (lineBytes * ways) != 0) {
            throw new IllegalArgumentException(name + ": size " + sizeBytes + " is not a multiple of line size × ways (" + lineBytes + " × " + ways + ")");
        }
        int s = sizeBytes / (lineBytes * ways);
        if (Integer.bitCount(s) != 1) throw new IllegalArgumentException(name + ": " + s + " sets is not a power of two");
        this.name = name;
        this.level = level;
        this.sets = s;
        this.ways = ways;
        this.lineShift = Integer.numberOfTrailingZeros(lineBytes);
        this.latency = latency;
        this.writeBack = writeBack;
        this.virtuallyIndexed = virtuallyIndexed;
        this.tags = new long[s * ways];
        this.stamps = new long[s * ways];
        this.dirty = new boolean[s * ways];
        java.util.Arrays.fill(tags, -1);
    }

    /**
     * Look up {@code address}. Returns true on a hit. On a miss the line is filled (unless
     * a write to a write-through cache), evicting the least recently used way.
     */
    public boolean access(long address, boolean write) {
        long line = address >>> lineShift;
        int base = (int) (line & (sets - 1)) * ways;
        long now = ++clock;
        for (int i = base; i < base + ways; i++) {
            if (tags[i] == line) {
                stamps[i] = now;
                hits++;
                if (write) {
                    if (writeBack) dirty[i] = true;
                    else writeThroughs++;
                }
                return true;
            }
        }
        misses++;
        if (write && !writeBack) {
            writeThroughs++;
            return false;
        }
        int victim = base;
        for (int i = base + 1; i < base + ways; i++) if (stamps[i] < stamps[victim]) victim = i;
        if (dirty[victim] && tags[victim] != -1) writeBacks++;
        tags[victim] = line;
        stamps[victim] = now;
        dirty[victim] = write && writeBack;
        return false;
    }

    /** Drop every line (a virtually indexed cache on an address-space switch without tags). */
    public void invalidateAll() {
        java.util.Arrays.fill(tags, -1);
        java.util.Arrays.fill(dirty, false);
    }

    public String name() { return name; }
    public int level() { return level; }
    public long latency() { return latency; }
    public boolean writeBack() { return writeBack; }
    public boolean virtuallyIndexed() { return virtuallyIndexed; }
    public int sizeBytes() { return sets * ways << lineShift; }
    public int lineBytes() { return 1 << lineShift; }
    public int ways() { return ways; }
    public long hits() { return hits; }
    public long misses() { return misses; }
    public long writeBacks() { return writeBacks; }
    public long writeThroughs() { return writeThroughs; }

    public void resetStats() {
        hits = misses = writeBacks = writeThroughs = 0;
    }
}
