package dev.mkw.kernel.memory;

import dev.mkw.hw.sim.PhysicalMemory;

/**
 * Hands out physical frames. The kernel takes its frames (page tables, TCB pages) from the
 * bottom; everything else belongs to sigma0, which maps frames to the root pager's clients.
 */
public final class FrameAllocator {
    private final PhysicalMemory memory;
    private final int frameSize;
    private long next;

    public FrameAllocator(PhysicalMemory memory, long firstFree) {
        this.memory = memory;
        this.frameSize = memory.frameSize();
        this.next = (firstFree + frameSize - 1) & -frameSize;
    }

    /** A zeroed frame of {@code bytes} (a multiple of the frame size, aligned to it). */
    public long allocate(long bytes) {
        long size = Math.max(frameSize, (bytes + frameSize - 1) & -frameSize);
        long aligned = (next + size - 1) & -size;
        if (aligned + size > memory.size()) throw new OutOfMemory("physical memory exhausted: " + (memory.size() >> 20) + " MiB in use");
        for (long a = aligned; a < aligned + size; a += frameSize) memory.clearFrame(a);
        next = aligned + size;
        return aligned;
    }

    public long used() { return next; }

    /** The physical frame size of the machine (the MMU format's smallest page). */
    public int frameSize() { return frameSize; }

    /** Raised when the machine runs out of frames: a user-visible error, not a crash. */
    public static final class OutOfMemory extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public OutOfMemory(String m) { super(m); }
    }
}
