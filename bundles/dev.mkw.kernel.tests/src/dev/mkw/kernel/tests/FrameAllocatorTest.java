package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.sim.PhysicalMemory;
import dev.mkw.kernel.memory.FrameAllocator;

/**
 * Physical frames for the kernel and for sigma0 to hand out: each allocation is zeroed, aligned
 * to its size (a page table needs its natural alignment), never overlaps an earlier one, and
 * running out is an error the run reports (not a crash).
 */
class FrameAllocatorTest {

    @Test
    void framesAreAlignedDistinctAndStartAtTheFirstFreeFrame() {
        FrameAllocator f = new FrameAllocator(new PhysicalMemory(1 << 20, 10), 100);
        assertEquals(0x1000, f.allocate(1), "the first free address rounds up to a frame; a byte takes a frame");
        assertEquals(0x2000, f.allocate(4096));
        long big = f.allocate(0x4000);
        assertEquals(0x4000, big, "a 16 KiB block is aligned to 16 KiB, skipping 0x3000");
        assertEquals(0x8000, f.used());
    }

    @Test
    void aFrameIsZeroedWhenHandedOut() {
        PhysicalMemory pm = new PhysicalMemory(1 << 20, 10);
        pm.writeWord(0x3008, 42);
        FrameAllocator f = new FrameAllocator(pm, 0x3000);
        assertEquals(0x3000, f.allocate(4096));
        assertEquals(0, pm.readWord(0x3008), "what an earlier owner left there is gone");
    }

    @Test
    void runningOutIsAnErrorOfItsOwn() {
        FrameAllocator f = new FrameAllocator(new PhysicalMemory(1 << 20, 10), 0);
        int frames = 0;
        try {
            while (frames < 1000) {
                f.allocate(4096);
                frames++;
            }
        } catch (FrameAllocator.OutOfMemory e) {
            assertTrue(e.getMessage().startsWith("physical memory exhausted"), e.getMessage());
        }
        assertEquals(256, frames, "exactly the 256 frames of 1 MiB");
        assertThrows(FrameAllocator.OutOfMemory.class, () -> f.allocate(4096));
    }
}
