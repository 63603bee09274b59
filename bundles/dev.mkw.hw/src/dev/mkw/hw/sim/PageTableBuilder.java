package dev.mkw.hw.sim;

/**
 * Writes page tables into physical memory without charging cycles: for setting up a
 * machine in tests and benchmarks. (The kernel builds its tables through its own timed
 * path, which pays for every entry it touches.)
 */
public final class PageTableBuilder {
    private final PhysicalMemory memory;
    private final PageTableFormat format;
    private long nextTable;

    /** Tables below the root are taken from consecutive frames starting at {@code firstFreeFrame}. */
    public PageTableBuilder(PhysicalMemory memory, PageTableFormat format, long firstFreeFrame) {
        this.memory = memory;
        this.format = format;
        this.nextTable = firstFreeFrame;
    }

    /** Map the page at {@code vaddr} to {@code paddr} (user, executable) in the table rooted at {@code root}. */
    public void map(long root, long vaddr, long paddr, boolean writable) {
        map(root, vaddr, paddr, writable, true, true, false);
    }

    /** Map one smallest page with the given rights, creating the tables on the way. */
    public void map(long root, long vaddr, long paddr, boolean writable, boolean user, boolean executable, boolean global) {
        long table = tableAt(root, vaddr, format.levels() - 1);
        int eb = format.entryBytes();
        memory.writeEntry(table + (long) format.index(vaddr, format.levels() - 1) * eb, eb, format.encode(paddr, writable, user, executable, global, true));
    }

    /**
     * Map a large page at {@code level} (above the last: 4 MiB at level 0 of x86-32, 2 MiB at
     * level 2 of x86-64). Whether the MMU accepts it is the walker's business.
     */
    public void mapLarge(long root, int level, long vaddr, long paddr, boolean writable) {
        long table = tableAt(root, vaddr, level);
        int eb = format.entryBytes();
        memory.writeEntry(table + (long) format.index(vaddr, level) * eb, eb, format.encode(paddr, writable, true, true, false, true));
    }

    /** The table at {@code level} on the way to {@code vaddr}, allocating the missing ones. */
    private long tableAt(long root, long vaddr, int level) {
        int eb = format.entryBytes();
        long table = root;
        for (int l = 0; l < level; l++) {
            long a = table + (long) format.index(vaddr, l) * eb;
            long pte = memory.readEntry(a, eb);
            if (!format.present(pte)) {
                pte = format.encode(nextTable, true, true, true, false, false);
                memory.writeEntry(a, eb, pte);
                nextTable += Math.max(4096, format.tableBytes(l + 1));
            }
            table = format.address(pte);
        }
        return table;
    }

    /** The next frame tables would be taken from. */
    public long nextFreeFrame() {
        return nextTable;
    }
}
