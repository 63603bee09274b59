package dev.mkw.hw.sim;

/**
 * A set-associative TLB with LRU replacement. Untagged (i486, Pentium): an address-space
 * switch flushes every non-global entry. Tagged (ASID on ARM, PCID on x86-64): entries
 * carry the address-space tag and survive the switch (Microkernel Construction I.8 and the
 * forum discussion on ASIDs in shared/seeds).
 */
public final class Tlb {
    private final int sets;
    private final int ways;
    private final boolean tagged;
    private final long[] vpn;
    private final int[] asid;
    private final long[] frame;
    private final int[] flags;
    private final long[] stamps;
    private long clock;
    private long hits;
    private long misses;
    private long flushes;

    /** Entry flags. */
    public static final int WRITABLE = 1, USER = 2, GLOBAL = 4, EXECUTABLE = 8;

    public Tlb(int entries, int ways, boolean tagged) {
        if (ways <= 0 || entries % ways != 0) throw new IllegalArgumentException("TLB: " + entries + " entries is not a multiple of " + ways + " ways");
        this.sets = entries / ways;
        if (Integer.bitCount(sets) != 1) throw new IllegalArgumentException("TLB: " + sets + " sets is not a power of two");
        this.ways = ways;
        this.tagged = tagged;
        vpn = new long[entries];
        asid = new int[entries];
        frame = new long[entries];
        flags = new int[entries];
        stamps = new long[entries];
        java.util.Arrays.fill(vpn, -1);
    }

    /** The entry index for (vpn, asid), or -1 on a miss. Global entries match every ASID. */
    public int lookup(long page, int space) {
        int base = (int) (page & (sets - 1)) * ways;
        for (int i = base; i < base + ways; i++) {
            if (vpn[i] == page && (!tagged || asid[i] == space || (flags[i] & GLOBAL) != 0)) {
                stamps[i] = ++clock;
                hits++;
                return i;
            }
        }
        misses++;
        return -1;
    }

    public void insert(long page, int space, long frameNumber, int entryFlags) {
        int base = (int) (page & (sets - 1)) * ways;
        int victim = base;
        for (int i = base; i < base + ways; i++) {
            if (vpn[i] == -1) { victim = i; break; }
            if (stamps[i] < stamps[victim]) victim = i;
        }
        vpn[victim] = page;
        asid[victim] = space;
        frame[victim] = frameNumber;
        flags[victim] = entryFlags;
        stamps[victim] = ++clock;
    }

    public long frame(int index) { return frame[index]; }
    public int flags(int index) { return flags[index]; }

    /** Flush everything except global entries when {@code keepGlobal}. Returns the entries dropped. */
    public int flushAll(boolean keepGlobal) {
        flushes++;
        int n = 0;
        for (int i = 0; i < vpn.length; i++) {
            if (vpn[i] != -1 && !(keepGlobal && (flags[i] & GLOBAL) != 0)) { vpn[i] = -1; n++; }
        }
        return n;
    }

    /** Drop the entries of one address space (tagged TLBs). */
    public int flushAsid(int space) {
        flushes++;
        int n = 0;
        for (int i = 0; i < vpn.length; i++) {
            if (vpn[i] != -1 && asid[i] == space && (flags[i] & GLOBAL) == 0) { vpn[i] = -1; n++; }
        }
        return n;
    }

    /** Drop the entry of one page (invlpg). Returns 1 if one was there. */
    public int flushPage(long page, int space) {
        int base = (int) (page & (sets - 1)) * ways;
        int n = 0;
        for (int i = base; i < base + ways; i++) {
            if (vpn[i] == page && (!tagged || asid[i] == space || (flags[i] & GLOBAL) != 0)) { vpn[i] = -1; n++; }
        }
        return n;
    }

    public boolean tagged() { return tagged; }
    public int entries() { return vpn.length; }
    public long hits() { return hits; }
    public long misses() { return misses; }
    public long flushes() { return flushes; }

    public void resetStats() { hits = misses = flushes = 0; }
}
