package dev.mkw.hw.sim;

/**
 * The MMU of a machine: its page-table format, TLB geometry and tagging, and whether it
 * has global pages (x86 PGE: kernel entries survive a CR3 load; the i486 has none).
 */
public record MmuSpec(PageTableFormat format, int tlbEntries, int tlbWays, boolean taggedTlb, int asidBits,
        boolean globalPages, long walkExtraCycles) {
    public int pageShift() { return format.pageShift(); }
}
