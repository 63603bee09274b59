package dev.mkw.hw.sim;

import java.util.Arrays;

/**
 * The MMU of a machine: its page-table format, TLB geometry and tagging, and whether it
 * has global pages (x86 PGE: kernel entries survive a CR3 load; the i486 has none).
 *
 * @param tlbEntries       entries of the (data or unified) TLB
 * @param taggedTlb        entries carry an address-space tag (ASID / PCID) and survive a switch
 * @param asidBits         width of the tag (0 if untagged)
 * @param walkExtraCycles  cycles a walk costs beyond reading its entries through the caches
 * @param itlbEntries      entries of a separate instruction TLB, 0 if the TLB is unified
 * @param largePageShifts  large page sizes the walker accepts above the last level (e.g. 22 for 4 MiB)
 * @param noExecute        the page tables can forbid instruction fetch (x86-64 NX, ARM XN)
 */
public record MmuSpec(PageTableFormat format, int tlbEntries, int tlbWays, boolean taggedTlb, int asidBits,
        boolean globalPages, long walkExtraCycles, int itlbEntries, int itlbWays, int[] largePageShifts, boolean noExecute) {

    public MmuSpec {
        largePageShifts = largePageShifts.clone();
        Arrays.sort(largePageShifts);
    }

    /** A unified TLB, no large pages, no execute protection. */
    public MmuSpec(PageTableFormat format, int tlbEntries, int tlbWays, boolean taggedTlb, int asidBits, boolean globalPages, long walkExtraCycles) {
        this(format, tlbEntries, tlbWays, taggedTlb, asidBits, globalPages, walkExtraCycles, 0, 0, new int[0], false);
    }

    public int pageShift() { return format.pageShift(); }

    /** Every page size the MMU maps, as shifts, smallest first: {12, 22} or {12, 21, 30}. */
    public int[] pageShifts() {
        int[] r = new int[largePageShifts.length + 1];
        r[0] = format.pageShift();
        System.arraycopy(largePageShifts, 0, r, 1, largePageShifts.length);
        return r;
    }

    @Override
    public int[] largePageShifts() { return largePageShifts.clone(); }

    /** Whether a leaf at {@code level} above the last one is a page size this MMU has. */
    public boolean largePageAt(int level) {
        int shift = format.shiftAt(level);
        for (int s : largePageShifts) if (s == shift) return true;
        return false;
    }

    public boolean splitTlb() { return itlbEntries > 0; }

    /** What is wrong with this MMU description, or null. */
    public String problem() {
        String p = Tlb.geometryProblem(tlbEntries, tlbWays);
        if (p != null) return "TLB: " + p;
        if (itlbEntries > 0 && (p = Tlb.geometryProblem(itlbEntries, itlbWays)) != null) return "instruction TLB: " + p;
        if (taggedTlb && (asidBits < 1 || asidBits > 16)) return "asidBits " + asidBits + " must be 1..16 for a tagged TLB";
        if (walkExtraCycles < 0) return "walkExtraCycles " + walkExtraCycles + " is negative";
        for (int s : largePageShifts) {
            boolean found = false;
            for (int l = 0; l < format.levels() - 1; l++) if (format.shiftAt(l) == s) found = true;
            if (!found) return "large page shift " + s + " is not the size of any level above the last (levels map " + Arrays.toString(format.pageShifts()) + ")";
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MmuSpec m && m.format == format && m.tlbEntries == tlbEntries && m.tlbWays == tlbWays && m.taggedTlb == taggedTlb
                && m.asidBits == asidBits && m.globalPages == globalPages && m.walkExtraCycles == walkExtraCycles && m.itlbEntries == itlbEntries
                && m.itlbWays == itlbWays && Arrays.equals(m.largePageShifts, largePageShifts) && m.noExecute == noExecute;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(format, tlbEntries, tlbWays, taggedTlb, asidBits, globalPages, walkExtraCycles, itlbEntries, itlbWays,
                Arrays.hashCode(largePageShifts), noExecute);
    }
}
