package dev.mkw.hw.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * The machine's RAM as functional storage: 8-byte words, allocated lazily per 4 KiB frame
 * so a 4 GiB machine costs only what is touched. Timing is not here: the
 * {@link MemoryHierarchy} charges latency.
 */
public final class PhysicalMemory {
    private static final int FRAME_SHIFT = 12;
    private final long size;
    private final long latencyCycles;
    private final Map<Long, long[]> frames = new HashMap<>();

    public PhysicalMemory(long size, long latencyCycles) {
        if (size <= 0 || (size & 0xFFF) != 0) throw new IllegalArgumentException("memory size must be a positive multiple of 4 KiB, got " + size);
        this.size = size;
        this.latencyCycles = latencyCycles;
    }

    public long size() { return size; }

    public long latencyCycles() { return latencyCycles; }

    public int frameSize() { return 1 << FRAME_SHIFT; }

    public long readWord(long paddr) {
        check(paddr);
        long[] f = frames.get(paddr >>> FRAME_SHIFT);
        return f == null ? 0 : f[(int) ((paddr & 0xFFF) >>> 3)];
    }

    public void writeWord(long paddr, long value) {
        check(paddr);
        frames.computeIfAbsent(paddr >>> FRAME_SHIFT, k -> new long[512])[(int) ((paddr & 0xFFF) >>> 3)] = value;
    }

    /** Read an entry of {@code bytes} (4 or 8) at {@code paddr}: 32-bit page-table entries share a word. */
    public long readEntry(long paddr, int bytes) {
        if (bytes == 8) return readWord(paddr);
        long w = readWord(paddr & ~7L);
        return (paddr & 4) == 0 ? (w & 0xFFFF_FFFFL) : (w >>> 32);
    }

    public void writeEntry(long paddr, int bytes, long value) {
        if (bytes == 8) { writeWord(paddr, value); return; }
        long w = readWord(paddr & ~7L);
        long v = value & 0xFFFF_FFFFL;
        w = (paddr & 4) == 0 ? (w & 0xFFFF_FFFF_0000_0000L) | v : (w & 0xFFFF_FFFFL) | (v << 32);
        writeWord(paddr & ~7L, w);
    }

    /** Zero a frame (a fresh page table, a cleared page). */
    public void clearFrame(long paddr) {
        frames.remove(paddr >>> FRAME_SHIFT);
    }

    private void check(long paddr) {
        if (paddr < 0 || paddr >= size) throw new IllegalArgumentException(String.format("physical address 0x%x outside memory of %d bytes", paddr, size));
    }
}
