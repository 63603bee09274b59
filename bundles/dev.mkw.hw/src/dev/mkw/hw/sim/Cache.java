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
 * <p>Hot path, no allocation per access. Each set is one block of {@code long}s, so a lookup
 * touches one place in host memory:
 * <pre>
 *   [ recency order ] [ partial tags ... ] [ way 0 ... way n-1 ] [ use stamps ... ]
 * </pre>
 * A way's word is its line number &lt;&lt; 2 | valid | dirty (empty = 0); lines never move
 * between ways. The LRU order of a set of up to 16 ways is one word ({@link RecencyOrder}), so
 * a hit and a refill update it in constant time; wider sets keep a use stamp per way instead
 * and scan for the oldest on a miss. Sets of up to four ways are searched way by way; wider
 * ones keep an 8-bit hash of each way's line, eight to a word, and compare eight ways at once
 * (a SWAR zero-byte test, then one full compare per candidate), as a real cache's tag
 * comparators work in parallel: a 16-way miss costs two word compares, not sixteen. The
 * search is specialised per associativity ({@link SetSearch}: the presets' 2, 4, 8 and 16
 * ways with the number of ways a constant). A hit on the line accessed last, the common case
 * of sequential access, is one compare, and it is all of {@link #accessLine} that the JIT inlines
 * into the memory hierarchy: the set search is a call, made on a new line only. The hierarchy's
 * own hit memo ({@link MemoryHierarchy}) rests on that last line; it keeps the memo itself
 * and this cache tells it only of changes made from outside ({@link #watch}).
 */
public final class Cache {
    /** A way's word is line number &lt;&lt; 2 | VALID | DIRTY; an empty way is 0, so it is never dirty. */
    private static final long VALID = 2, DIRTY = 1;

    private final String name;
    private final int level;
    private final CacheSpec.Kind kind;
    private final int ways;
    private final int setMask;
    private final int lineShift;
    private final long latency;
    private final boolean writeBack;
    private final boolean virtuallyIndexed;
    /** Whether the LRU order is packed ({@link RecencyOrder}, up to 16 ways) rather than kept as use stamps. */
    private final boolean packedOrder;
    private final long orderMask;
    /** Words of partial tags per set (0: sets searched way by way). */
    private final int tagWords;
    /** The set search specialised for this associativity ({@link SetSearch#shape}). */
    private final int shape;
    /** Offsets inside a set's block, and the block's length. */
    private final int tagsAt, waysAt, stampsAt, blockWords;
    private final long[] sets;
    private long clock;
    private long lastKey;
    private int lastSet;
    private int lastEntry;
    private long hits;
    private long misses;
    private long writeBacks;
    private long writeThroughs;
    /**
     * The hierarchy whose hit memo rests on this cache's last-line memo (the first level of its
     * paths), told when anyone but itself may change that line; null when none does. See {@link #watch}.
     */
    private MemoryHierarchy watcher;
    private int watchedPaths;

    public Cache(String name, int level, int sizeBytes, int lineBytes, int ways, long latency, boolean writeBack, boolean virtuallyIndexed) {
        this(name, level, CacheSpec.Kind.UNIFIED, sizeBytes, lineBytes, ways, latency, writeBack, virtuallyIndexed);
    }

    public Cache(String name, int level, CacheSpec.Kind kind, int sizeBytes, int lineBytes, int ways, long latency, boolean writeBack,
            boolean virtuallyIndexed) {
        String problem = CacheSpec.geometryProblem(sizeBytes, lineBytes, ways);
        if (problem != null) throw new IllegalArgumentException(name + ": " + problem);
        if (latency < 0) throw new IllegalArgumentException(name + ": latency " + latency + " is negative");
        int setCount = sizeBytes / (lineBytes * ways);
        this.name = name;
        this.level = level;
        this.kind = kind;
        this.ways = ways;
        this.setMask = setCount - 1;
        this.lineShift = Integer.numberOfTrailingZeros(lineBytes);
        this.latency = latency;
        this.writeBack = writeBack;
        this.virtuallyIndexed = virtuallyIndexed;
        this.packedOrder = ways <= RecencyOrder.MAX_WAYS;
        this.orderMask = packedOrder ? RecencyOrder.mask(ways) : 0;
        this.tagWords = SetSearch.tagWords(ways);
        this.shape = SetSearch.shape(ways);
        this.tagsAt = packedOrder ? 1 : 0;
        this.waysAt = tagsAt + tagWords;
        this.stampsAt = waysAt + ways;
        this.blockWords = stampsAt + (packedOrder ? 0 : ways);
        this.sets = new long[Math.multiplyExact(setCount, blockWords)];
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
        lastLineChanged(); // from outside the hierarchy that may keep a hit memo on this cache (tests, tools)
        return accessLine(paddr, vaddr, write);
    }

    /**
     * {@link #access} for the memory hierarchy, which keeps its hit memo itself and so needs no
     * word of a new last line here: the hit and miss paths stay free of that bookkeeping.
     */
    boolean accessLine(long paddr, long vaddr, boolean write) {
        long key = entryOf(paddr >>> lineShift);
        int set = (int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask);
        // Kept small so the JIT inlines it into the memory hierarchy's loop: the rest is a call.
        if (key == lastKey && set == lastSet) {
            hits++;
            if (write) writeHit(lastEntry);
            return true;
        }
        return lookup(key, set, write);
    }

    /**
     * An access to the line {@link #access} met last, once more, that the caller knows is that
     * line (the memory hierarchy's hit memo): what {@link #access} does on its first compare.
     */
    void repeatLastHit(boolean write) {
        hits++;
        if (write) writeHit(lastEntry);
    }

    /**
     * {@code h}'s hit memo for its {@code paths} rests on this cache's last line: tell it when
     * something other than {@code h} may change that (a public access, an invalidation). Returns false if another hierarchy watches this cache already (a cache
     * shared between processors' first levels): then neither may keep a memo on it.
     */
    boolean watch(MemoryHierarchy h, int paths) {
        if (watcher != null && watcher != h) {
            watcher.stopMemo();
            return false;
        }
        watcher = h;
        watchedPaths |= paths;
        return true;
    }

    private void lastLineChanged() {
        if (watcher != null) watcher.forgetLines(watchedPaths);
    }

    /** Not the line accessed last: search the set, then refill on a miss. */
    private boolean lookup(long key, int set, boolean write) {
        long[] s = sets;
        int block = set * blockWords;
        int hash = tagWords == 0 ? 0 : partialTag(key >>> 2);
        int way = SetSearch.find(shape, s, block + tagsAt, block + waysAt, ways, key, hash);
        if (way >= 0) {
            if (packedOrder) s[block] = RecencyOrder.touch(s[block], way);
            else s[block + stampsAt + way] = ++clock;
            int entry = remember(key, set, block + waysAt + way);
            hits++;
            if (write) writeHit(entry);
            return true;
        }
        return miss(s, block, key, set, hash, write);
    }

    /** Not in the set: count the miss, refill unless a write to a write-through cache. */
    private boolean miss(long[] s, int block, long key, int set, int hash, boolean write) {
        misses++;
        if (write && !writeBack) {
            writeThroughs++;
            return false;
        }
        remember(key, set, refill(s, block, write ? key | DIRTY : key, hash));
        return false;
    }

    /**
     * The line accessed last is the most recent of its set, so a run of accesses to one line
     * (sequential code and data) is one compare. Not a modelled structure: it gives exactly the
     * hits, misses and LRU order of the full lookup, and invalidation forgets it.
     */
    private int remember(long key, int set, int entry) {
        lastKey = key;
        lastSet = set;
        lastEntry = entry;
        return entry;
    }

    /** A write hit the line at {@code entry}: dirty in a write-back cache, passed on by a write-through one. */
    private void writeHit(int entry) {
        if (writeBack) sets[entry] |= DIRTY;
        else writeThroughs++;
    }

    /** The least recently used way of the set takes the line; a dirty victim is written back. Returns the way's index in {@code sets}. */
    private int refill(long[] s, int block, long entry, int hash) {
        int victim;
        if (packedOrder) {
            long order = s[block];
            victim = RecencyOrder.leastRecent(order, ways);
            s[block] = RecencyOrder.refillVictim(order, victim, orderMask);
        } else {
            victim = oldestWay(s, block + stampsAt);
            s[block + stampsAt + victim] = ++clock;
        }
        int at = block + waysAt + victim;
        writeBacks += s[at] & DIRTY;
        s[at] = entry;
        if (tagWords != 0) {
            int w = block + tagsAt + (victim >>> 3);
            int shift = (victim & 7) << 3;
            s[w] = (s[w] & ~(0xFFL << shift)) | ((long) hash << shift);
        }
        return at;
    }

    /** Wide sets only: an empty way (stamp 0, lowest index first) or the least recently used one. */
    private int oldestWay(long[] s, int stamps) {
        int victim = 0;
        for (int w = 1; w < ways; w++) if (s[stamps + w] < s[stamps + victim]) victim = w;
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
        int first = (int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask) * blockWords + waysAt;
        for (int i = first; i < first + ways; i++) if ((sets[i] & ~DIRTY) == key) return true;
        return false;
    }

    /**
     * Drop the line of {@code paddr} if present (another processor's write invalidated it, or
     * took it over): returns 0 if absent, 1 if it held the line clean, 2 if dirty (its data goes
     * to the requester). The set's recency order is left as it is.
     */
    public int invalidate(long paddr, long vaddr) {
        long key = entryOf(paddr >>> lineShift);
        int first = (int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask) * blockWords + waysAt;
        for (int i = first; i < first + ways; i++) {
            if ((sets[i] & ~DIRTY) == key) {
                int held = (sets[i] & DIRTY) != 0 ? 2 : 1;
                sets[i] = 0;
                if (lastKey == key) {
                    lastKey = 0;
                    lastLineChanged();
                }
                return held;
            }
        }
        return 0;
    }

    /** Drop every line without writing dirty ones back (a cache invalidate, e.g. at reset). */
    public void invalidateAll() {
        Arrays.fill(sets, 0);
        lastKey = 0;
        lastLineChanged();
        clock = 0;
        if (packedOrder) {
            long fresh = RecencyOrder.initial(ways);
            for (int block = 0; block < sets.length; block += blockWords) sets[block] = fresh;
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
    /** How a set is searched: the code specialised for this associativity ("4 ways, unrolled"), or the general one. */
    public String search() { return SetSearch.name(shape); }
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
