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
        int eb = format.entryBytes();
        long table = root;
        for (int level = 0; level < format.levels() - 1; level++) {
            long a = table + (long) format.index(vaddr, level) * eb;
            long pte = memory.readEntry(a, eb);
            if (!format.present(pte)) {
                pte = format.encode(nextTable, true, true, true, false, false);
                memory.writeEntry(a, eb, pte);
                nextTable += format.tableBytes(level + 1) < 4096 ? 4096 : format.tableBytes(level + 1);
            }
            table = format.address(pte);
        }
        memory.writeEntry(table + (long) format.index(vaddr, format.levels() - 1) * eb, eb, format.encode(paddr, writable, true, true, false, true));
    }
}
