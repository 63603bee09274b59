package dev.mkw.kernel.memory;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.PageTableFormat;
import dev.mkw.hw.sim.PhysicalMemory;

/**
 * The kernel's own region: the top quarter of every address space, mapped with global
 * supervisor entries through top-level entries shared by all spaces (as x86 kernels share
 * the upper part of every page directory). TCBs, kernel stacks and the TCB table live here.
 * A kernel page mapped later (a virtual-array TCB page faulted in on first touch) appears
 * in every space at once, because the tables below the top level are shared.
 */
public final class KernelMemory {
    private final PhysicalMemory memory;
    private final PageTableFormat format;
    private final FrameAllocator frames;
    private final AddressSpace template;
    private final List<AddressSpace> spaces = new ArrayList<>();
    public final long base;

    public KernelMemory(PhysicalMemory memory, PageTableFormat format, FrameAllocator frames) {
        this.memory = memory;
        this.format = format;
        this.frames = frames;
        this.template = new AddressSpace("kernel", 0, memory, format, frames);
        this.base = format.userTop();
    }

    /** Register a new space: it gets the kernel's top-level entries. */
    public void attach(AddressSpace s) {
        spaces.add(s);
        int eb = format.entryBytes();
        int first = format.index(base, 0);
        int n = 1 << format.indexBits(0);
        for (int i = first; i < n; i++) {
            long pte = memory.readEntry(template.root + (long) i * eb, eb);
            if (pte != 0) s.shareTopLevel(i, pte);
        }
    }

    /** Map a fresh kernel frame at {@code vaddr}; returns the cycles spent writing tables. */
    public long mapFresh(long vaddr, MemoryHierarchy mem) {
        return mapFresh(vaddr, Fpage.R | Fpage.W, mem);
    }

    /** Map a fresh kernel frame for code at {@code vaddr}: readable and executable, not writable. */
    public long mapFreshText(long vaddr, MemoryHierarchy mem) {
        return mapFresh(vaddr, Fpage.R | Fpage.X, mem);
    }

    private long mapFresh(long vaddr, int rights, MemoryHierarchy mem) {
        long frame = frames.allocate(memory.frameSize());
        int top = format.index(vaddr, 0);
        int eb = format.entryBytes();
        boolean hadTop = memory.readEntry(template.root + (long) top * eb, eb) != 0;
        long cycles = template.map(vaddr, frame, rights, false, true, mem);
        if (!hadTop) {
            long pte = memory.readEntry(template.root + (long) top * eb, eb);
            for (AddressSpace s : spaces) {
                s.shareTopLevel(top, pte);
                cycles += mem.accessPhysical(s.root + (long) top * eb, MemoryHierarchy.WRITE);
            }
        }
        return cycles;
    }

    public boolean mapped(long vaddr) {
        return template.translate(vaddr) >= 0;
    }

    /** The template space (used while no task runs, e.g. at boot and when idle). */
    public AddressSpace template() { return template; }

    public FrameAllocator frames() { return frames; }
}
