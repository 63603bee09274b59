package dev.mkw.hw.sim;

import java.util.Arrays;

/**
 * A set-associative TLB with LRU replacement. Untagged (i486, Pentium): an address-space
 * switch flushes every non-global entry. Tagged (ASID on ARM, PCID on x86-64): entries
 * carry the address-space tag and survive the switch (Liedtke, "On µ-Kernel Construction",
 * SOSP 1995, §4: the cost of untagged TLBs; Intel SDM vol. 3A §4.10.1 for PCIDs; ARM ARM
 * B3.9 for ASIDs). Global entries match every tag and survive flushes that keep globals.
 *
 * <p>Entries are 4 KiB-granular even when the page table maps a large page (the walker
 * inserts the 4 KiB piece that was touched): a simplification that over-counts misses for
 * large pages and that the README states.
 *
 * <p>Hot path: the entry found last is remembered, so a run of accesses to one page costs
 * one compare. That memo is not a modelled structure: it gives exactly the hits, misses and
 * LRU order of the plain lookup, and every change to the TLB forgets it.
 */
public final class Tlb {
    /** Entry flags. */
    public static final int WRITABLE = 1, USER = 2, GLOBAL = 4, EXECUTABLE = 8;
    private static final long EMPTY = -1;

    private final int setMask;
    private final int ways;
    private final boolean tagged;
    /** Whether entries are told apart by tag: a tagged TLB's, or one whose spaces live at different linear addresses ({@link #tagBySegment}). */
    private boolean tagging;
    private final long[] vpn;
    private final int[] asid;
    private final long[] frame;
    private final int[] flags;
    private final long[] stamps;
    private long clock;
    private long lastPage = EMPTY;
    private int lastSpace;
    private int lastIndex;
    private long hits;
    private long misses;
    private long flushes;
    /** The hierarchy whose hit memo rests on this TLB's last-entry memo, and for which of its paths; told when anyone else may change that memo. */
    private MemoryHierarchy watcher;
    private int watchedPaths;

    public Tlb(int entries, int ways, boolean tagged) {
        String problem = geometryProblem(entries, ways);
        if (problem != null) throw new IllegalArgumentException("TLB: " + problem);
        this.setMask = entries / ways - 1;
        this.ways = ways;
        this.tagged = tagged;
        this.tagging = tagged;
        vpn = new long[entries];
        asid = new int[entries];
        frame = new long[entries];
        flags = new int[entries];
        stamps = new long[entries];
        Arrays.fill(vpn, EMPTY);
    }

    /** What is wrong with a TLB geometry, or null. */
    public static String geometryProblem(int entries, int ways) {
        if (entries <= 0) return "entries " + entries + " must be at least 1";
        if (ways <= 0) return "ways " + ways + " must be at least 1";
        if (entries % ways != 0) return entries + " entries is not a multiple of " + ways + " ways";
        int sets = entries / ways;
        if (Integer.bitCount(sets) != 1) return entries + " entries in " + ways + " ways gives " + sets + " sets, not a power of two";
        return null;
    }

    /** The entry index for (page, tag), or -1 on a miss. Global entries match every tag. */
    public int lookup(long page, int space) {
        memoChanged(); // from outside the hierarchy that keeps a hit memo on this TLB (tests, tools)
        return find(page, space);
    }

    /** {@link #lookup} for the memory hierarchy, which keeps its hit memo itself. */
    int find(long page, int space) {
        if (page == lastPage && space == lastSpace) {
            // No stamp update needed: the remembered entry was the last one touched, so it
            // already holds the newest stamp and the LRU order is unchanged.
            hits++;
            return lastIndex;
        }
        int base = (int) (page & setMask) * ways;
        for (int i = base; i < base + ways; i++) {
            if (vpn[i] == page && (!tagging || asid[i] == space || (flags[i] & GLOBAL) != 0)) {
                stamps[i] = ++clock;
                hits++;
                remember(page, space, i);
                return i;
            }
        }
        misses++;
        return -1;
    }

    /**
     * A lookup of the page {@link #lookup} found last, in the same space, once more: what
     * {@link #lookup} does on its fast path (count a hit; the entry is already the most
     * recent), without the compare. For callers that know they stay on that page (a run of
     * accesses inside one page, {@link MemoryHierarchy#accessRun}).
     */
    void repeatLastHit() {
        hits++;
    }

    /** The entry {@link #lookup} or {@link #insert} touched last. */
    int lastIndex() {
        return lastIndex;
    }

    private void remember(long page, int space, int index) {
        lastPage = page;
        lastSpace = space;
        lastIndex = index;
    }

    private void forget() {
        memoChanged();
        lastPage = EMPTY;
    }

    /** {@code h}'s hit memo for its {@code paths} rests on this TLB's last entry: tell it when anyone but {@code h} may change that (public lookups and inserts, flushes). */
    void watch(MemoryHierarchy h, int paths) {
        watcher = h;
        watchedPaths |= paths;
    }

    private void memoChanged() {
        if (watcher != null) watcher.forgetPages(watchedPaths);
    }

    /** Insert a translation, replacing an empty or else the least recently used way of its set. Returns the entry index. */
    public int insert(long page, int space, long frameNumber, int entryFlags) {
        memoChanged();
        return fill(page, space, frameNumber, entryFlags);
    }

    /** {@link #insert} for the memory hierarchy, which keeps its hit memo itself. */
    int fill(long page, int space, long frameNumber, int entryFlags) {
        int base = (int) (page & setMask) * ways;
        int victim = base;
        for (int i = base; i < base + ways; i++) {
            if (vpn[i] == EMPTY) { victim = i; break; }
            if (stamps[i] < stamps[victim]) victim = i;
        }
        vpn[victim] = page;
        asid[victim] = space;
        frame[victim] = frameNumber;
        flags[victim] = entryFlags;
        stamps[victim] = ++clock;
        remember(page, space, victim);
        return victim;
    }

    public long frame(int index) { return frame[index]; }
    public int flags(int index) { return flags[index]; }

    /** Flush everything, except global entries when {@code keepGlobal}. Returns the entries dropped. */
    public int flushAll(boolean keepGlobal) {
        forget();
        flushes++;
        int n = 0;
        for (int i = 0; i < vpn.length; i++) {
            if (vpn[i] != EMPTY && !(keepGlobal && (flags[i] & GLOBAL) != 0)) { vpn[i] = EMPTY; n++; }
        }
        return n;
    }

    /** Drop the non-global entries of one address space (tagged TLBs). Returns the entries dropped. */
    public int flushAsid(int space) {
        forget();
        flushes++;
        int n = 0;
        for (int i = 0; i < vpn.length; i++) {
            if (vpn[i] != EMPTY && asid[i] == space && (flags[i] & GLOBAL) == 0) { vpn[i] = EMPTY; n++; }
        }
        return n;
    }

    /** Drop the entry of one page (invlpg / TLBI by VA and ASID). Returns 1 if one was there. */
    public int flushPage(long page, int space) {
        forget();
        int base = (int) (page & setMask) * ways;
        int n = 0;
        for (int i = base; i < base + ways; i++) {
            if (vpn[i] == page && (!tagging || asid[i] == space || (flags[i] & GLOBAL) != 0)) { vpn[i] = EMPTY; n++; }
        }
        return n;
    }

    /** What one valid entry holds. */
    public interface EntryVisitor {
        void visit(long page, int tag, long frameNumber, int entryFlags);
    }

    /** Every valid entry, in index order (for invariant checks and views; no statistics). */
    public void forEachValid(EntryVisitor v) {
        for (int i = 0; i < vpn.length; i++) if (vpn[i] != EMPTY) v.visit(vpn[i], asid[i], frame[i], flags[i]);
    }

    /** Valid entries now held (for views and tests). */
    public int validEntries() {
        int n = 0;
        for (long v : vpn) if (v != EMPTY) n++;
        return n;
    }

    public boolean tagged() { return tagged; }

    /**
     * From now on tell entries apart by their tag although the hardware has none: x86 small
     * address spaces (Liedtke 1995) are segments at different linear addresses of one page
     * directory, so their translations coexist in an untagged TLB; the tag stands for the segment.
     */
    public void tagBySegment() {
        tagging = true;
        forget();
    }

    /** Whether entries are told apart by tag (hardware tags, or segments: {@link #tagBySegment}). */
    public boolean tagging() { return tagging; }
    public int entries() { return vpn.length; }
    public int ways() { return ways; }
    public long hits() { return hits; }
    public long misses() { return misses; }
    public long flushes() { return flushes; }

    public void resetStats() { hits = misses = flushes = 0; }
}
