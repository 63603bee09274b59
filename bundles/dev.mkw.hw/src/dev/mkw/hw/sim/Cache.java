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
 * <p>Hot path, no allocation per access. Each way holds its line in {@code lines} (line
 * number &lt;&lt; 2 | valid | dirty, empty = 0) and never moves. Sets of up to four ways are searched
 * way by way. In wider sets each way also has an 8-bit hash of its line in {@code partialTags},
 * eight ways to a {@code long}, so finding the way of a line (or that none holds it) compares
 * eight ways at once (a SWAR zero-byte test, then one full compare per candidate), as a real
 * cache's tag comparators work in parallel: a 16-way L2 miss no longer costs 16 compares. The LRU
 * order of a set of up to 16 ways is one {@code long} ({@link RecencyOrder}), so a hit and a
 * refill update it in constant time; wider sets keep a use stamp per way and scan for the
 * oldest on a miss. A hit on the line accessed last, the common case of sequential access,
 * is one compare.
 */
public final class Cache {
    /** An entry is line number &lt;&lt; 2 | VALID | DIRTY; an empty way is 0, so it is never dirty. */
    private static final long VALID = 2, DIRTY = 1;
    /** Sets of up to this many ways are searched way by way; wider ones through their partial tags. */
    private static final int SCAN_WAYS = 4;
    private static final long BYTE_ONES = 0x0101_0101_0101_0101L;
    private static final long BYTE_HIGHS = 0x8080_8080_8080_8080L;

    private final String name;
    private final int level;
    private final CacheSpec.Kind kind;
    private final int ways;
    private final int tagWords;
    private final int setMask;
    private final int lineShift;
    private final long latency;
    private final boolean writeBack;
    private final boolean virtuallyIndexed;
    private final long[] lines;
    private final long[] partialTags;
    /** One recency order per set, when ways &lt;= 16; else null. */
    private final long[] order;
    private final long orderMask;
    /** A use stamp per way, when ways &gt; 16; else null. */
    private final long[] stamps;
    private long clock;
    private long lastKey;
    private int lastSet;
    private int lastEntry;
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
        this.tagWords = (ways + 7) >>> 3;
        this.setMask = sets - 1;
        this.lineShift = Integer.numberOfTrailingZeros(lineBytes);
        this.latency = latency;
        this.writeBack = writeBack;
        this.virtuallyIndexed = virtuallyIndexed;
        this.lines = new long[sets * ways];
        this.partialTags = ways > SCAN_WAYS ? new long[sets * tagWords] : null;
        this.order = ways <= RecencyOrder.MAX_WAYS ? new long[sets] : null;
        this.orderMask = order == null ? 0 : RecencyOrder.mask(ways);
        this.stamps = order == null ? new long[sets * ways] : null;
        invalidateAll();
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
        long key = entryOf(paddr >>> lineShift);
        int set = (int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask);
        // Kept small so the JIT inlines it into the memory hierarchy's loop: the rest is a call.
        if (key == lastKey && set == lastSet) return hit(lastEntry, write);
        return lookup(key, set, write);
    }

    /** Not the line accessed last: search the set, then refill on a miss. */
    private boolean lookup(long key, int set, boolean write) {
        int base = set * ways;
        int hash = partialTags == null ? 0 : partialTag(key >>> 2);
        int way = find(set, base, key, hash);
        if (way >= 0) {
            if (order != null) order[set] = RecencyOrder.touch(order[set], way);
            else stamps[base + way] = ++clock;
            remember(key, set, base + way);
            return hit(base + way, write);
        }
        misses++;
        if (write && !writeBack) {
            writeThroughs++;
            return false;
        }
        remember(key, set, refill(set, base, write ? key | DIRTY : key, hash));
        return false;
    }

    /**
     * The line accessed last is the most recent of its set, so a run of accesses to one line
     * (sequential code and data) is one compare. Not a modelled structure: it gives exactly the
     * hits, misses and LRU order of the full lookup, and invalidation forgets it.
     */
    private void remember(long key, int set, int entry) {
        lastKey = key;
        lastSet = set;
        lastEntry = entry;
    }

    /** The least recently used way of the set takes the line; a dirty victim is written back. Returns the entry. */
    private int refill(int set, int base, long entry, int hash) {
        int victim;
        if (order != null) {
            long o = order[set];
            victim = RecencyOrder.leastRecent(o, ways);
            order[set] = RecencyOrder.refillVictim(o, victim, orderMask);
        } else {
            victim = oldestWay(base);
            stamps[base + victim] = ++clock;
        }
        long old = lines[base + victim];
        writeBacks += old & DIRTY;
        lines[base + victim] = entry;
        if (partialTags != null) {
            int w = set * tagWords + (victim >>> 3);
            int shift = (victim & 7) << 3;
            partialTags[w] = (partialTags[w] & ~(0xFFL << shift)) | ((long) hash << shift);
        }
        return base + victim;
    }

    private boolean hit(int entry, boolean write) {
        hits++;
        if (write) {
            if (writeBack) lines[entry] |= DIRTY;
            else writeThroughs++;
        }
        return true;
    }

    /** The way holding {@code key} in the set, or -1. */
    private int find(int set, int base, long key, int hash) {
        if (partialTags == null) {
            for (int w = 0; w < ways; w++) if ((lines[base + w] & ~DIRTY) == key) return w;
            return -1;
        }
        long probe = hash * BYTE_ONES;
        int w0 = set * tagWords;
        for (int g = 0; g < tagWords; g++) {
            long x = partialTags[w0 + g] ^ probe;
            long candidates = (x - BYTE_ONES) & ~x & BYTE_HIGHS; // a flag in every byte equal to hash (and maybe some above one)
            while (candidates != 0) {
                int way = (g << 3) + (Long.numberOfTrailingZeros(candidates) >>> 3);
                if (way < ways && (lines[base + way] & ~DIRTY) == key) return way;
                candidates &= candidates - 1;
            }
        }
        return -1;
    }

    /** Wide sets only: an empty way (stamp 0, lowest index first) or the least recently used one. */
    private int oldestWay(int base) {
        int victim = 0;
        for (int w = 1; w < ways; w++) if (stamps[base + w] < stamps[base + victim]) victim = w;
        return victim;
    }

    private static long entryOf(long line) {
        return line << 2 | VALID;
    }

    /** An 8-bit hash of the line number (Fibonacci hashing: the top byte of a multiply by 2^64/φ). */
    private static int partialTag(long line) {
        return (int) ((line * 0x9E37_79B9_7F4A_7C15L) >>> 56);
    }

    /** Whether the line of {@code paddr} is present (no statistics, no LRU update): for tests and views. */
    public boolean contains(long paddr, long vaddr) {
        long key = entryOf(paddr >>> lineShift);
        int base = (int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask) * ways;
        for (int i = base; i < base + ways; i++) if ((lines[i] & ~DIRTY) == key) return true;
        return false;
    }

    /** Drop every line without writing dirty ones back (a cache invalidate, e.g. at reset). */
    public void invalidateAll() {
        Arrays.fill(lines, 0);
        lastKey = 0;
        if (partialTags != null) Arrays.fill(partialTags, 0);
        if (order != null) Arrays.fill(order, RecencyOrder.initial(ways));
        else {
            Arrays.fill(stamps, 0);
            clock = 0;
        }
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
