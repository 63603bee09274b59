package dev.mkw.hw.sim;

/**
 * The machine's RAM as functional storage: 8-byte words, allocated lazily per 4 KiB frame
 * so a 4 GiB machine costs only what is touched. Timing is not here: the
 * {@link MemoryHierarchy} charges latency.
 *
 * <p>Frames hang off a two-level directory (2 MiB chunks of 512 frames), so reading a word —
 * which the page-table walker does on every TLB miss — neither boxes nor allocates.
 */
public final class PhysicalMemory {
    private static final int FRAME_SHIFT = 12;
    private static final int CHUNK_SHIFT = 21;
    private static final int FRAMES_PER_CHUNK = 1 << (CHUNK_SHIFT - FRAME_SHIFT);
    private final long size;
    private final long latencyCycles;
    private final long[][][] chunks;

    public PhysicalMemory(long size, long latencyCycles) {
        if (size <= 0 || (size & 0xFFF) != 0) throw new IllegalArgumentException("memory size must be a positive multiple of 4 KiB, got " + size);
        if (size > (1L << 40)) throw new IllegalArgumentException("memory size " + size + " is over the simulator's limit of 1 TiB");
        if (latencyCycles < 0) throw new IllegalArgumentException("memory latency " + latencyCycles + " is negative");
        this.size = size;
        this.latencyCycles = latencyCycles;
        this.chunks = new long[(int) ((size + (1L << CHUNK_SHIFT) - 1) >>> CHUNK_SHIFT)][][];
    }

    public long size() { return size; }

    public long latencyCycles() { return latencyCycles; }

    /** The smallest page size: the granule of allocation here and of {@link #clearFrame}. */
    public int frameSize() { return 1 << FRAME_SHIFT; }

    public long readWord(long paddr) {
        check(paddr);
        long[][] chunk = chunks[(int) (paddr >>> CHUNK_SHIFT)];
        if (chunk == null) return 0;
        long[] f = chunk[frameInChunk(paddr)];
        return f == null ? 0 : f[wordInFrame(paddr)];
    }

    public void writeWord(long paddr, long value) {
        check(paddr);
        int c = (int) (paddr >>> CHUNK_SHIFT);
        long[][] chunk = chunks[c];
        if (chunk == null) {
            if (value == 0) return; // an untouched frame reads as zero already
            chunk = chunks[c] = new long[FRAMES_PER_CHUNK][];
        }
        int fi = frameInChunk(paddr);
        long[] f = chunk[fi];
        if (f == null) {
            if (value == 0) return;
            f = chunk[fi] = new long[1 << (FRAME_SHIFT - 3)];
        }
        f[wordInFrame(paddr)] = value;
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
        check(paddr);
        long[][] chunk = chunks[(int) (paddr >>> CHUNK_SHIFT)];
        if (chunk != null) chunk[frameInChunk(paddr)] = null;
    }

    /** Frames that hold a non-zero word at some time (host memory used, for diagnostics). */
    public int framesAllocated() {
        int n = 0;
        for (long[][] chunk : chunks) {
            if (chunk == null) continue;
            for (long[] f : chunk) if (f != null) n++;
        }
        return n;
    }

    private static int frameInChunk(long paddr) {
        return (int) (paddr >>> FRAME_SHIFT) & (FRAMES_PER_CHUNK - 1);
    }

    private static int wordInFrame(long paddr) {
        return (int) (paddr & 0xFFF) >>> 3;
    }

    private void check(long paddr) {
        if (paddr < 0 || paddr >= size) throw new IllegalArgumentException(String.format("physical address 0x%x outside memory of %d bytes", paddr, size));
    }
}
