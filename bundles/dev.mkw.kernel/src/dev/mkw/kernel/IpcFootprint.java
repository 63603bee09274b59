package dev.mkw.kernel;

import java.util.Arrays;

/**
 * The IPC cache footprint: the distinct kernel code and data a short IPC touches, in cache
 * lines times the line size, as the simulation made the accesses (code fetched by the path's
 * blocks, kernel data touched by it: TCBs, kernel stacks and trap frames, queues, UTCB words,
 * page-table and mapping-database words by physical address). Liedtke's argument for small
 * kernels is about this number: what a kernel's IPC leaves of the caches for the user.
 *
 * <p>It is measured on one IPC, not summed: the kernel paths named {@code ipc.*} record their
 * lines until a register-only message (its untyped words fit the ABI's message registers) has
 * been delivered {@link #MEASURED} times; the lines of that delivering path are the footprint.
 * The second is taken, not the first, because a first IPC may fault in TCB pages or take a
 * different route; recording then stops, so a long run pays nothing for it.
 */
public final class IpcFootprint {
    /** Which short IPC of the run is measured. */
    static final int MEASURED = 2;
    /** A path records no more distinct lines than this (an IPC with a long string copy). */
    private static final int MAX_LINES = 1 << 14;

    private final int codeLineBytes, dataLineBytes;
    private Recording current;
    private int shortSeen;
    private boolean done;
    private long codeBytes, dataBytes;
    private String path = "";

    IpcFootprint(int codeLineBytes, int dataLineBytes) {
        this.codeLineBytes = codeLineBytes;
        this.dataLineBytes = dataLineBytes;
    }

    /** The footprint on machine {@code d}: instruction lines as the memory hierarchy fetches them, data lines of the first data cache. */
    static IpcFootprint of(dev.mkw.hw.sim.MachineDescription d, dev.mkw.hw.sim.MemoryHierarchy mem) {
        int data = 0;
        for (dev.mkw.hw.sim.CacheSpec c : d.caches()) if (data == 0 && c.kind() != dev.mkw.hw.sim.CacheSpec.Kind.INSTRUCTION) data = c.lineBytes();
        return new IpcFootprint(mem.instructionLineBytes(), data == 0 ? mem.instructionLineBytes() : data);
    }

    /** A kernel path begins: an IPC path records its lines while nothing has been measured yet. */
    Recording begin(String pathName) {
        if (done || !pathName.startsWith("ipc.")) return null;
        current = new Recording(pathName);
        return current;
    }

    /** The path charged last delivered an IPC of {@code words} untyped words; {@code registerWords} fit in registers. */
    void delivered(int words, int registerWords, String pathName) {
        Recording r = current;
        current = null;
        if (done || r == null || words > registerWords || !r.path.equals(pathName)) return;
        if (++shortSeen < MEASURED) return;
        codeBytes = (long) r.code.size() * codeLineBytes;
        dataBytes = (long) r.data.size() * dataLineBytes;
        path = r.path;
        done = true;
    }

    /** Whether a short IPC was measured. */
    public boolean measured() { return done; }

    /** Distinct bytes of kernel code (instruction-cache lines) the measured IPC fetched. */
    public long codeBytes() { return codeBytes; }

    /** Distinct bytes of kernel data (data-cache lines) the measured IPC read or wrote. */
    public long dataBytes() { return dataBytes; }

    public long bytes() { return codeBytes + dataBytes; }

    /** The kernel path of the measured IPC (ipc.fastpath, ipc.slowpath), or "". */
    public String path() { return path; }

    /** The lines one IPC path touches. */
    final class Recording {
        private final String path;
        private final LineSet code = new LineSet(), data = new LineSet();

        Recording(String path) {
            this.path = path;
        }

        void code(long vaddr) { code.add(vaddr / codeLineBytes); }

        void data(long vaddr) { data.add(vaddr / dataLineBytes); }

        /** Physical lines are kept apart from virtual ones (bit 62 set). */
        void physical(long paddr) { data.add((paddr / dataLineBytes) | (1L << 62)); }
    }

    /** A small set of line numbers (a few dozen per IPC): sorted array, no boxing. */
    private static final class LineSet {
        private long[] lines = new long[32];
        private int n;

        void add(long line) {
            int i = Arrays.binarySearch(lines, 0, n, line);
            if (i >= 0 || n >= MAX_LINES) return;
            i = -i - 1;
            if (n == lines.length) lines = Arrays.copyOf(lines, n * 2);
            System.arraycopy(lines, i, lines, i + 1, n - i);
            lines[i] = line;
            n++;
        }

        int size() { return n; }
    }
}
