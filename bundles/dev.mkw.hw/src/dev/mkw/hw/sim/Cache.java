package dev.mkw.hw.sim;

import java.util.Arrays;

/**
 * One set-associative cache with true LRU replacement. Write-back caches allocate on a
 * write miss and write dirty victims back; write-through caches (the i486's 8 KiB on-chip
 * cache) send every write on and do not allocate on a write miss (Intel i486 Microprocessor
 * data sheet, 1989, "On-chip cache": write-through, no write allocation).
 *
 * <p>A virtually indexed cache takes its set index from the virtual address and its tag from
 * the physical one (VIPT, like the L1 caches of the Pentium, Cortex-A9 and later x86 cores),
 * so it needs no flush on an address-space switch.
 *
 * <p>Hot path: one {@code long[]} holds each set's lines in recency order, most recent first
 * (entry = line number &lt;&lt; 1 | dirty bit, empty = -1). A hit on the most recent line — the
 * common case for sequential access — is one compare; the LRU victim is simply the last entry.
 * No allocation per access; half the host memory of a tags + timestamps layout, which matters
 * for an 8 MiB simulated L3.
 */
public final class Cache {
    private static final long EMPTY = -1;

    private final String name;
    private final int level;
    private final CacheSpec.Kind kind;
    private final int ways;
    private final int setMask;
    private final int lineShift;
    private final long latency;
    private final boolean writeBack;
    private final boolean virtuallyIndexed;
    private final long[] lines;
    private long hits;
    private long misses;
    private long writeBacks;
    private long writeThroughs;

    public Cache(String name, int level, int sizeBytes, int lineBytes, int ways, long latency, boolean writeBack, boolean virtuallyIndexed) {
        this(name, level, CacheSpec.Kind.UNIFIED, sizeBytes, lineBytes, ways, latency, writeBack, virtuallyIndexed);
    }

    public Cache(String name, int level, CacheSpec.Kind kind, int sizeBytes, int lineBytes, int ways, long latency, boolean writeBack,
            boolean virtuallyIndexed) {
        String problem = CacheSpec.geometryProblem(sizeBytes, lineBytes, ways);
        if (problem != null) throw new IllegalArgumentException(name + ": " + problem);
        if (latency < 0) throw new IllegalArgumentException(name + ": latency " + latency + " is negative");
        int sets = sizeBytes / (lineBytes * ways);
        this.name = name;
        this.level = level;
        this.kind = kind;
        this.ways = ways;
        this.setMask = sets - 1;
        this.lineShift = Integer.numberOfTrailingZeros(lineBytes);
        this.latency = latency;
        this.writeBack = writeBack;
        this.virtuallyIndexed = virtuallyIndexed;
        this.lines = new long[sets * ways];
        Arrays.fill(lines, EMPTY);
    }

    /** Look up a physically indexed access; see {@link #access(long, long, boolean)}. */
    public boolean access(long address, boolean write) {
        return access(address, address, write);
    }

    /**
     * Look up the line of {@code paddr}, indexed by {@code vaddr} if this cache is virtually
     * indexed. Returns true on a hit. On a miss the line is filled (unless a write to a
     * write-through cache), evicting the least recently used way.
     */
    public boolean access(long paddr, long vaddr, boolean write) {
        long key = (paddr >>> lineShift) << 1;
        int base = (int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask) * ways;
        long[] t = lines;
        long first = t[base];
        if ((first & ~1L) == key) {
            hits++;
            if (write) {
                if (writeBack) t[base] = first | 1;
                else writeThroughs++;
            }
            return true;
        }
        int end = base + ways;
        for (int i = base + 1; i < end; i++) {
            long e = t[i];
            if ((e & ~1L) == key) {
                hits++;
                if (write) {
                    if (writeBack) e |= 1;
                    else writeThroughs++;
                }
                moveToFront(t, base, i, e);
                return true;
            }
        }
        misses++;
        if (write && !writeBack) {
            writeThroughs++;
            return false;
        }
        long victim = t[end - 1];
        if (victim != EMPTY && (victim & 1) != 0) writeBacks++;
        moveToFront(t, base, end - 1, write ? key | 1 : key);
        return false;
    }

    private static void moveToFront(long[] t, int base, int from, long entry) {
        for (int j = from; j > base; j--) t[j] = t[j - 1];
        t[base] = entry;
    }

    /** Whether the line of {@code paddr} is present (no statistics, no LRU update): for tests and views. */
    public boolean contains(long paddr, long vaddr) {
        long key = (paddr >>> lineShift) << 1;
        int base = (int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask) * ways;
        for (int i = base; i < base + ways; i++) if ((lines[i] & ~1L) == key) return true;
        return false;
    }

    /** Drop every line without writing dirty ones back (a cache invalidate, e.g. at reset). */
    public void invalidateAll() {
        Arrays.fill(lines, EMPTY);
    }

    public String name() { return name; }
    public int level() { return level; }
    public CacheSpec.Kind kind() { return kind; }
    public long latency() { return latency; }
    public boolean writeBack() { return writeBack; }
    public boolean virtuallyIndexed() { return virtuallyIndexed; }
    public int sets() { return setMask + 1; }
    public int sizeBytes() { return (setMask + 1) * ways << lineShift; }
    public int lineBytes() { return 1 << lineShift; }
    public int ways() { return ways; }
    public long hits() { return hits; }
    public long misses() { return misses; }
    /** Dirty lines evicted (write-back traffic to the next level). */
    public long writeBacks() { return writeBacks; }
    /** Writes passed on to the next level by a write-through cache. */
    public long writeThroughs() { return writeThroughs; }

    public void resetStats() {
        hits = misses = writeBacks = writeThroughs = 0;
    }
}
