package dev.mkw.hw.sim;

import java.util.Arrays;

/**
 * Cache coherence between the processors' private caches, as a directory of who may hold each
 * line and who holds it modified: the MESI protocol (Papamarcos and Patel, ISCA 1984) of the
 * Pentium's bus snooping, the Cortex-A9 MPCore's Snoop Control Unit and the x86 cores' L3
 * snoop filters, reduced to what costs time:
 * <ul>
 * <li>a read of a line another processor holds modified is served from that processor's cache
 * (the line becomes shared): it costs at least {@link CostKind#CACHE_TRANSFER} cycles;</li>
 * <li>a write to a line other processors hold (shared or modified) invalidates their copies
 * (the read-for-ownership or upgrade waits for it): it costs at least
 * {@link CostKind#CACHE_INVALIDATE} cycles, or the transfer when a modified copy comes over.</li>
 * </ul>
 * The costs are lower bounds on the access's latency, not additions, because the latency of
 * the local lookup (a miss down to the shared level) is part of the same transaction.
 *
 * <p>Only the private levels are kept coherent: the shared level (the last, on a machine with
 * more than one) is one structure for all processors. Instruction fetches take no part: code
 * is not written while it runs. Lines are tracked at the largest line size of the data caches.
 */
public final class Coherence {
    private final MemoryHierarchy[] cpus;
    /** Per processor, the caches that are its own (not shared). */
    private final Cache[][] privateLevels;
    private final int lineShift;
    private final long transferCycles, invalidateCycles;
    private final long[] transfers, invalidations;
    // The directory: an open-addressing table from line number to (sharer mask, modified owner).
    private long[] keys = new long[1024];
    private long[] sharers = new long[1024];
    private byte[] owner = new byte[1024];
    private int size;
    /** Lines accessed since the last {@link #check} (it looks at those only), or overflowed: all. */
    private final long[] touched = new long[4096];
    private int touchedCount;

    Coherence(MemoryHierarchy[] cpus, Cache[][] privateLevels, CostTable costs) {
        if (cpus.length > 64) throw new IllegalArgumentException("the coherence directory tracks at most 64 CPUs, not " + cpus.length);
        this.cpus = cpus;
        this.privateLevels = privateLevels;
        int line = 16;
        for (Cache[] levels : privateLevels) for (Cache c : levels) line = Math.max(line, c.lineBytes());
        this.lineShift = Integer.numberOfTrailingZeros(line);
        this.transferCycles = costs.cost(CostKind.CACHE_TRANSFER);
        this.invalidateCycles = costs.cost(CostKind.CACHE_INVALIDATE);
        this.transfers = new long[cpus.length];
        this.invalidations = new long[cpus.length];
        Arrays.fill(keys, -1);
        Arrays.fill(owner, (byte) -1);
    }

    /**
     * Processor {@code cpu} accessed {@code paddr}; the local lookup cost {@code cycles}.
     * Returns the access's cycles with the coherence transaction it needed.
     */
    long access(int cpu, long paddr, boolean write, long cycles) {
        long lineNo = paddr >>> lineShift;
        int slot = slot(lineNo);
        if (touchedCount < touched.length) touched[touchedCount] = lineNo;
        touchedCount++;
        long mine = 1L << cpu;
        long holders = sharers[slot] & ~mine;
        int modifiedBy = owner[slot];
        long floor = 0;
        if (write) {
            if (holders != 0) {
                for (int o = 0; holders != 0; o++, holders >>>= 1) {
                    if ((holders & 1) == 0) continue;
                    int held = drop(o, paddr);
                    if (held == 0) continue;
                    invalidations[cpu]++;
                    if (o == modifiedBy && held == 2) {
                        transfers[cpu]++;
                        floor = Math.max(floor, transferCycles);
                    } else {
                        floor = Math.max(floor, invalidateCycles);
                    }
                }
            }
            sharers[slot] = mine;
            owner[slot] = (byte) cpu;
        } else {
            if (modifiedBy >= 0 && modifiedBy != cpu && holdsModified(modifiedBy, paddr)) {
                transfers[cpu]++;
                floor = transferCycles;
            }
            if (modifiedBy != cpu) owner[slot] = -1;
            sharers[slot] |= mine;
        }
        return Math.max(cycles, floor);
    }

    /** Drop the line from processor {@code o}'s private caches: 0 absent, 1 clean, 2 dirty somewhere. */
    private int drop(int o, long paddr) {
        int held = 0;
        for (Cache c : privateLevels[o]) held = Math.max(held, c.invalidate(paddr, paddr));
        return held;
    }

    private boolean holdsModified(int o, long paddr) {
        for (Cache c : privateLevels[o]) if (c.contains(paddr, paddr)) return true;
        return false;
    }

    private int slot(long line) {
        int mask = keys.length - 1;
        int i = (int) ((line * 0x9E37_79B9_7F4A_7C15L) >>> 32) & mask;
        while (keys[i] != line) {
            if (keys[i] == -1) {
                if (++size * 2 > keys.length) {
                    grow();
                    return slot(line);
                }
                keys[i] = line;
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys, oldSharers = sharers;
        byte[] oldOwner = owner;
        keys = new long[oldKeys.length * 2];
        sharers = new long[keys.length];
        owner = new byte[keys.length];
        Arrays.fill(keys, -1);
        Arrays.fill(owner, (byte) -1);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == -1) continue;
            int s = slot(oldKeys[i]);
            sharers[s] = oldSharers[i];
            owner[s] = oldOwner[i];
        }
    }

    /** Lines processor {@code cpu} got from another processor's cache (it held them modified). */
    public long transfers(int cpu) { return transfers[cpu]; }

    /** Copies in other processors' caches that processor {@code cpu}'s writes invalidated. */
    public long invalidations(int cpu) { return invalidations[cpu]; }

    /** Whether the directory has {@code paddr}'s line modified by a processor other than the holders of a clean copy (for invariants and tests). */
    public int modifiedBy(long paddr) {
        long line = paddr >>> lineShift;
        int mask = keys.length - 1;
        for (int i = (int) ((line * 0x9E37_79B9_7F4A_7C15L) >>> 32) & mask; keys[i] != -1; i = (i + 1) & mask) {
            if (keys[i] == line) return owner[i];
        }
        return -1;
    }

    /**
     * The coherence invariant (single writer): a line is present in the private caches of at
     * most one processor if one of them holds it modified. Returns a description of the first
     * breach, or null.
     */
    public String check() {
        boolean all = touchedCount > touched.length;
        int n = all ? keys.length : touchedCount;
        touchedCount = 0;
        for (int j = 0; j < n; j++) {
            int i = all ? j : slot(touched[j]);
            if (keys[i] == -1 || owner[i] < 0) continue;
            long paddr = keys[i] << lineShift;
            if (!holdsModified(owner[i], paddr)) continue;
            for (int o = 0; o < cpus.length; o++) {
                if (o != owner[i] && holdsModified(o, paddr)) {
                    return String.format("line 0x%x is modified in cpu%d's cache and also present in cpu%d's", paddr, (int) owner[i], o);
                }
            }
        }
        return null;
    }
}
