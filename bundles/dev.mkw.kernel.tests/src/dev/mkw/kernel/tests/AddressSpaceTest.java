package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.FrameAllocator;
import dev.mkw.kernel.memory.Fpage;

/**
 * A task's address space: a page table in simulated memory in the machine's own format, which
 * the MMU walks (Intel SDM vol. 3, §4.3 "32-bit paging" for the i486). A mapping translates its
 * page to the frame, with the rights and user bit the kernel gave it; unmap and protect change
 * the entry, and the MMU sees the change once its TLB entry is flushed.
 */
class AddressSpaceTest {
    private static final long PAGE = 0x40_0000, FAULT = MemoryHierarchy.PAGE_FAULT;

    private final SimMachine m = MachinePresets.get().machine("i486_50", 0);
    private final FrameAllocator frames = new FrameAllocator(m.memory(), 0x10_0000);
    private final MemoryHierarchy mem = m.mem(0);

    private AddressSpace space(String name, int asid) {
        return new AddressSpace(name, asid, m.memory(), m.mmu().format(), frames);
    }

    @Test
    void aMappingTranslatesItsPageWithTheOffset() {
        AddressSpace a = space("a", 2);
        long f = frames.allocate(4096);
        a.map(PAGE, f, Fpage.R | Fpage.W, true, false, mem);
        assertEquals(f | 0x123, a.translate(PAGE + 0x123));
        assertEquals(-1, a.translate(PAGE + 0x1000), "the next page is not mapped");
        assertEquals(-1, space("b", 3).translate(PAGE), "another space has its own table");
        assertEquals(1, a.mappedPages());
        a.map(PAGE, f, Fpage.R, true, false, mem);
        assertEquals(1, a.mappedPages(), "mapping the same page again counts once");
    }

    @Test
    void theMmuHonoursRightsAndTheUserBit() {
        AddressSpace a = space("a", 2);
        a.map(PAGE, frames.allocate(4096), Fpage.R, true, false, mem);
        a.map(PAGE + 0x1000, frames.allocate(4096), Fpage.R | Fpage.W, false, false, mem);
        mem.loadPageTableRoot(a.root, a.asid);
        assertNotEquals(FAULT, mem.access(PAGE, MemoryHierarchy.READ, true));
        assertEquals(FAULT, mem.access(PAGE, MemoryHierarchy.WRITE, true), "a read-only page");
        assertEquals(FAULT, mem.access(PAGE + 0x1000, MemoryHierarchy.READ, true), "a supervisor page from user mode");
        assertNotEquals(FAULT, mem.access(PAGE + 0x1000, MemoryHierarchy.WRITE, false));
    }

    @Test
    void protectAndUnmapTakeEffectOnceTheTlbEntryIsFlushed() {
        AddressSpace a = space("a", 2);
        long f = frames.allocate(4096);
        a.map(PAGE, f, Fpage.R | Fpage.W, true, false, mem);
        mem.loadPageTableRoot(a.root, a.asid);
        assertNotEquals(FAULT, mem.access(PAGE, MemoryHierarchy.WRITE, true));
        a.protect(PAGE, Fpage.R, mem);
        mem.flushTlbPage(PAGE, a.asid);
        assertEquals(FAULT, mem.access(PAGE, MemoryHierarchy.WRITE, true), "w revoked");
        assertEquals(f, a.translate(PAGE), "still mapped");
        a.unmap(PAGE, mem);
        mem.flushTlbPage(PAGE, a.asid);
        assertEquals(-1, a.translate(PAGE));
        assertEquals(FAULT, mem.access(PAGE, MemoryHierarchy.READ, true));
        assertEquals(0, a.mappedPages());
    }

    /** Two-level i486 tables: the first page of a 4 MiB region needs a second-level table, the next page of that region none. */
    @Test
    void tablesAreAllocatedAsNeeded() {
        AddressSpace a = space("a", 2);
        assertEquals(1, a.pageTables(), "the page directory");
        a.map(PAGE, frames.allocate(4096), Fpage.R, true, false, mem);
        assertEquals(2, a.pageTables());
        a.map(PAGE + 0x1000, frames.allocate(4096), Fpage.R, true, false, mem);
        assertEquals(2, a.pageTables());
        a.map(PAGE + 0x40_0000, frames.allocate(4096), Fpage.R, true, false, mem);
        assertEquals(3, a.pageTables());
    }
}
