package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.FrameAllocator;
import dev.mkw.kernel.memory.KernelMemory;

/**
 * The kernel's region (Liedtke, "On µ-Kernel Construction", SOSP 1995, §4.2; the x86 kernels'
 * shared upper page-directory entries): the top quarter of every address space, mapped with
 * supervisor entries through top-level entries all spaces share, so a kernel page mapped at any
 * time appears in every space at once, and user mode cannot reach it.
 */
class KernelMemoryTest {
    private final SimMachine m = MachinePresets.get().machine("i486_50", 0);
    private final FrameAllocator frames = new FrameAllocator(m.memory(), 0x10_0000);
    private final MemoryHierarchy mem = m.mem(0);
    private final KernelMemory km = new KernelMemory(m.memory(), m.mmu().format(), frames);

    private AddressSpace space(String name, int asid) {
        AddressSpace s = new AddressSpace(name, asid, m.memory(), m.mmu().format(), frames);
        km.attach(s);
        return s;
    }

    @Test
    void theKernelRegionIsTheTopQuarter() {
        assertEquals(0xC000_0000L, km.base, "on a 32-bit space: 3 GiB");
    }

    @Test
    void aKernelPageMappedLaterAppearsInEverySpace() {
        AddressSpace early = space("early", 2);
        long v = km.base + 0x10_0000;
        assertFalse(km.mapped(v));
        km.mapFresh(v, mem);
        assertTrue(km.mapped(v));
        AddressSpace late = space("late", 3);
        long frame = km.template().translate(v);
        assertEquals(frame, early.translate(v), "a space attached before");
        assertEquals(frame, late.translate(v), "a space attached after");
        // A page under a top-level entry that did not exist yet: shared with both at once.
        long w = km.base + 0x50_0000;
        km.mapFresh(w, mem);
        assertTrue(early.translate(w) >= 0 && early.translate(w) == late.translate(w));
    }

    @Test
    void userModeCannotReachKernelPagesAndKernelTextIsNotWritable() {
        AddressSpace s = space("a", 2);
        long data = km.base + 0x10_0000, text = km.base + 0x50_0000;
        km.mapFresh(data, mem);
        km.mapFreshText(text, mem);
        mem.loadPageTableRoot(s.root, s.asid);
        assertEquals(MemoryHierarchy.PAGE_FAULT, mem.access(data, MemoryHierarchy.READ, true), "supervisor only");
        assertNotEquals(MemoryHierarchy.PAGE_FAULT, mem.access(data, MemoryHierarchy.WRITE, false));
        assertNotEquals(MemoryHierarchy.PAGE_FAULT, mem.access(text, MemoryHierarchy.READ, false));
        assertEquals(MemoryHierarchy.PAGE_FAULT, mem.access(text, MemoryHierarchy.WRITE, false), "kernel text is read-execute");
    }
}
