package dev.mkw.hw.sim;

/**
 * A multi-level page-table format: x86-32 (2 levels of 10 bits, 4-byte entries, 4 KiB and
 * 4 MiB pages; Intel SDM vol. 3 §4.3), x86-64 (4 levels of 9 bits, 8-byte entries, 4 KiB,
 * 2 MiB, 1 GiB pages; SDM §4.5) and ARM long descriptors (ARMv8 4 KiB granule: same shape
 * as x86-64; ARM ARM D5.2) share one walker.
 *
 * <p>Entry layout (MKW's own, simulated; the walker and the kernel agree on it): bit 0
 * present, 1 writable, 2 user, 3 global, 4 leaf (a large page above the last level),
 * 5 executable, bits 12 and up the physical address of the next table or the frame.
 */
public final class PageTableFormat {
    public static final long PRESENT = 1, WRITABLE = 2, USER = 4, GLOBAL = 8, LEAF = 16, EXECUTABLE = 32;
    private static final long ADDRESS_MASK = ~0xFFFL;

    private final int[] indexBits;
    private final int[] shifts;
    private final int pageShift;
    private final int entryBytes;

    public PageTableFormat(int pageShift, int entryBytes, int... indexBits) {
        if (entryBytes != 4 && entryBytes != 8) throw new IllegalArgumentException("page-table entries are 4 or 8 bytes, not " + entryBytes);
        if (indexBits.length == 0) throw new IllegalArgumentException("a page table needs at least one level");
        if (pageShift < 12 || pageShift > 16) throw new IllegalArgumentException("page shift " + pageShift + " is outside 12..16 (4 KiB to 64 KiB pages)");
        int total = pageShift;
        for (int b : indexBits) {
            if (b < 1 || b > 16) throw new IllegalArgumentException("a page-table level indexes 1..16 bits, not " + b);
            total += b;
        }
        if (total > 64) throw new IllegalArgumentException("the levels translate " + total + " address bits, more than 64");
        this.pageShift = pageShift;
        this.entryBytes = entryBytes;
        this.indexBits = indexBits.clone();
        this.shifts = new int[indexBits.length];
        int s = pageShift;
        for (int l = indexBits.length - 1; l >= 0; l--) {
            shifts[l] = s;
            s += indexBits[l];
        }
    }

    /** IA-32 without PAE: 2 levels of 1024 4-byte entries; 4 MiB pages in the directory (SDM vol. 3A §4.3). */
    public static PageTableFormat x86_32() { return new PageTableFormat(12, 4, 10, 10); }
    /** IA-32e 4-level paging: 512 8-byte entries per level; 2 MiB and 1 GiB pages (SDM vol. 3A §4.5). */
    public static PageTableFormat x86_64() { return new PageTableFormat(12, 8, 9, 9, 9, 9); }
    /** ARMv7 short descriptors: a 4096-entry first level (1 MiB sections), 256-entry second level (ARM ARM B3.5). */
    public static PageTableFormat armShort() { return new PageTableFormat(12, 4, 12, 8); }
    /** ARMv8 4 KiB granule, 48-bit VA: 4 levels of 512 8-byte descriptors (ARM ARM D5.2); same shape as x86-64. */
    public static PageTableFormat armv8() { return new PageTableFormat(12, 8, 9, 9, 9, 9); }

    public int levels() { return indexBits.length; }
    public int indexBits(int level) { return indexBits[level]; }
    public int entryBytes() { return entryBytes; }
    public int pageShift() { return pageShift; }

    /** Bytes of one table at {@code level}. */
    public long tableBytes(int level) { return (long) entryBytes << indexBits[level]; }

    /** The address bits translated by the levels below {@code level}, plus the page offset. */
    public int shiftAt(int level) {
        return shifts[level];
    }

    /** The highest virtual address + 1 the format translates. */
    public long addressSpaceSize() {
        int bits = shiftAt(0) + indexBits[0];
        return bits >= 63 ? Long.MAX_VALUE : 1L << bits;
    }

    /**
     * The first address of the kernel's region, the end of user space: the kernel owns the top
     * quarter of every address space (on ia32 L4 the top GiB, from 0xC0000000, Liedtke's L4
     * reference manual X.2 §"address space layout"; on a 48-bit format from 0xC000_0000_0000).
     * The kernel maps itself there and the scenario language keeps regions below it.
     */
    public long userTop() {
        long size = addressSpaceSize();
        return size - size / 4;
    }

    /** The smallest page this format maps, in bytes. */
    public long pageSize() {
        return 1L << pageShift;
    }

    public int index(long vaddr, int level) {
        return (int) ((vaddr >>> shifts[level]) & ((1L << indexBits[level]) - 1));
    }

    /** The page sizes this format can map, as shifts, smallest first: the last level's and each large-page level's. */
    public int[] pageShifts() {
        int[] r = new int[indexBits.length];
        for (int l = 0; l < r.length; l++) r[l] = shifts[r.length - 1 - l];
        return r;
    }

    public long encode(long paddr, boolean writable, boolean user, boolean executable, boolean global, boolean leaf) {
        long e = (paddr & ADDRESS_MASK) | PRESENT;
        if (writable) e |= WRITABLE;
        if (user) e |= USER;
        if (executable) e |= EXECUTABLE;
        if (global) e |= GLOBAL;
        if (leaf) e |= LEAF;
        return e;
    }

    public boolean present(long pte) { return (pte & PRESENT) != 0; }
    public boolean writable(long pte) { return (pte & WRITABLE) != 0; }
    public boolean user(long pte) { return (pte & USER) != 0; }
    public boolean executable(long pte) { return (pte & EXECUTABLE) != 0; }
    public boolean global(long pte) { return (pte & GLOBAL) != 0; }
    /** Whether the entry maps a page at {@code level} (always at the last level). */
    public boolean leaf(long pte, int level) { return level == indexBits.length - 1 || (pte & LEAF) != 0; }
    public long address(long pte) { return pte & ADDRESS_MASK; }
}
