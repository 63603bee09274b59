package dev.mkw.kernel.memory;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.PageTableFormat;
import dev.mkw.hw.sim.PhysicalMemory;

/**
 * A task's address space: a page table in simulated physical memory, in the machine's own
 * format, which the hardware walker reads. The kernel half of the top-level table points to
 * tables shared by all spaces ({@link KernelMemory}).
 */
public final class AddressSpace {
    public final String name;
    public final int asid;
    public final long root;
    private final PhysicalMemory memory;
    private final PageTableFormat format;
    private final FrameAllocator frames;
    private int mappedPages;
    private int tables = 1;

    public AddressSpace(String name, int asid, PhysicalMemory memory, PageTableFormat format, FrameAllocator frames) {
        this.name = name;
        this.asid = asid;
        this.memory = memory;
        this.format = format;
        this.frames = frames;
        this.root = frames.allocate(format.tableBytes(0));
    }

    /**
     * Map the page at {@code vaddr} to {@code paddr}. Returns the cycles the kernel spent
     * writing page-table entries (charged through {@code mem}).
     */
    public long map(long vaddr, long paddr, int rights, boolean user, boolean global, MemoryHierarchy mem) {
        long cycles = 0;
        long table = root;
        int eb = format.entryBytes();
        for (int level = 0; level < format.levels() - 1; level++) {
            long pteAddr = table + (long) format.index(vaddr, level) * eb;
            cycles += mem.accessPhysical(pteAddr, MemoryHierarchy.READ);
            long pte = memory.readEntry(pteAddr, eb);
            if (!format.present(pte)) {
                long next = frames.allocate(format.tableBytes(level + 1));
                tables++;
                pte = format.encode(next, true, true, true, false, false);
                memory.writeEntry(pteAddr, eb, pte);
                cycles += mem.accessPhysical(pteAddr, MemoryHierarchy.WRITE);
            }
            table = format.address(pte);
        }
        long pteAddr = table + (long) format.index(vaddr, format.levels() - 1) * eb;
        if (!format.present(memory.readEntry(pteAddr, eb))) mappedPages++;
        memory.writeEntry(pteAddr, eb, format.encode(paddr, (rights & Fpage.W) != 0, user, (rights & Fpage.X) != 0, global, true));
        cycles += mem.accessPhysical(pteAddr, MemoryHierarchy.WRITE);
        return cycles;
    }

    /** Remove the mapping of {@code vaddr}; returns the cycles of the page-table write. */
    public long unmap(long vaddr, MemoryHierarchy mem) {
        long pteAddr = leafEntry(vaddr);
        if (pteAddr < 0) return 0;
        int eb = format.entryBytes();
        if (format.present(memory.readEntry(pteAddr, eb))) mappedPages--;
        memory.writeEntry(pteAddr, eb, 0);
        return mem.accessPhysical(pteAddr, MemoryHierarchy.WRITE);
    }

    /** Lower the rights of a mapping to {@code rights}. */
    public long protect(long vaddr, int rights, MemoryHierarchy mem) {
        long pteAddr = leafEntry(vaddr);
        if (pteAddr < 0) return 0;
        int eb = format.entryBytes();
        long pte = memory.readEntry(pteAddr, eb);
        if (!format.present(pte)) return 0;
        memory.writeEntry(pteAddr, eb, format.encode(format.address(pte), (rights & Fpage.W) != 0, format.user(pte), (rights & Fpage.X) != 0, format.global(pte), true));
        return mem.accessPhysical(pteAddr, MemoryHierarchy.WRITE);
    }

    /** The physical address {@code vaddr} maps to, or -1 (functional lookup, no timing). */
    public long translate(long vaddr) {
        long pteAddr = leafEntry(vaddr);
        if (pteAddr < 0) return -1;
        long pte = memory.readEntry(pteAddr, format.entryBytes());
        return format.present(pte) ? format.address(pte) | (vaddr & ((1L << format.pageShift()) - 1)) : -1;
    }

    private long leafEntry(long vaddr) {
        long table = root;
        int eb = format.entryBytes();
        for (int level = 0; level < format.levels() - 1; level++) {
            long pte = memory.readEntry(table + (long) format.index(vaddr, level) * eb, eb);
            if (!format.present(pte)) return -1;
            table = format.address(pte);
        }
        return table + (long) format.index(vaddr, format.levels() - 1) * eb;
    }

    /** Copy a top-level entry (the kernel's shared tables) into this space. */
    public void shareTopLevel(int index, long pte) {
        memory.writeEntry(root + (long) index * format.entryBytes(), format.entryBytes(), pte);
    }

    public int mappedPages() { return mappedPages; }
    public int pageTables() { return tables; }
    public int pageShift() { return format.pageShift(); }
}
