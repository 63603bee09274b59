package dev.mkw.hw.bench;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.PageTableBuilder;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.sim.bench.Benchmark;

/**
 * Simulated memory accesses per host second through a preset's TLB, page walker and caches,
 * for one access pattern. The patterns are fixed here and not chosen to flatter the model:
 * {@link #patterns()} gives a cache-resident one, a mixed one and a streaming one, and all
 * three are reported.
 *
 * <p>Each access's address is computed in the loop (see {@link #run}), a few register
 * operations, so the timing measures the model and not the host memory a recorded trace would
 * occupy.
 */
public final class MemoryAccessBenchmark implements Benchmark {
    private static final long ROOT = 0x10_0000, TABLES = 0x20_0000, DATA_VA = 0x4000_0000L, DATA_PA = 0x800_0000L;

    /** How addresses are chosen. */
    public enum Pattern {
        /** Sequential 8-byte words through 16 KiB: every access hits the TLB and L1 after the first pass. */
        L1_RESIDENT("l1-resident", 16 << 10),
        /**
         * 7 of 8 accesses take the next word, 1 of 8 jumps to a random word of a 1 MiB working
         * set: L1 and TLB misses on the jumps, most of them hitting L2.
         */
        MIXED("mixed", 1 << 20),
        /** A 72-byte stride through 4 MiB: a new line on every access, a new page every 57. */
        STREAM("stream", 4 << 20);

        final String id;
        final int workingSet;

        Pattern(String id, int workingSet) {
            this.id = id;
            this.workingSet = workingSet;
        }

        public String id() { return id; }
        /** Bytes the pattern's addresses lie in. */
        public int workingSet() { return workingSet; }
    }

    private final String preset;
    private final Pattern pattern;
    private MemoryHierarchy mem;
    private long offset;
    private long step;
    private long random = 20261123;

    public MemoryAccessBenchmark(String preset, Pattern pattern) {
        this.preset = preset;
        this.pattern = pattern;
    }

    /** The pattern called {@code id} ({@code l1-resident}, {@code mixed}, {@code stream}). */
    public static Pattern pattern(String id) {
        for (Pattern p : Pattern.values()) if (p.id.equals(id)) return p;
        throw new IllegalArgumentException("no access pattern '" + id + "'; known: l1-resident, mixed, stream");
    }

    /** The three patterns on the Cortex-A9 preset: a TLB and two cache levels (L1D, L2). */
    public static java.util.List<Benchmark> patterns() {
        return java.util.List.of(new MemoryAccessBenchmark("cortex_a9", Pattern.L1_RESIDENT), new MemoryAccessBenchmark("cortex_a9", Pattern.MIXED),
                new MemoryAccessBenchmark("cortex_a9", Pattern.STREAM));
    }

    @Override public String name() { return "hw.access." + pattern.id + "." + preset; }
    @Override public String unit() { return "memory access"; }

    /** The hierarchy the accesses go through (for tests: its counters). */
    public MemoryHierarchy hierarchy() {
        if (mem == null) setUp();
        return mem;
    }

    /** Map the working set with real page tables (once, outside the timing). */
    private void setUp() {
        SimMachine m = MachinePresets.builtIn().machine(preset, 1);
        PageTableBuilder tables = new PageTableBuilder(m.memory(), m.mmu().format(), TABLES);
        for (long off = 0; off < pattern.workingSet; off += 4096) tables.map(ROOT, DATA_VA + off, DATA_PA + off, true);
        mem = m.mem(0);
        mem.loadPageTableRoot(ROOT, 1);
    }

    /**
     * The next address is computed, not read from a recorded trace: a trace of a million
     * offsets is itself 4 MiB of host memory streamed past the caches, which the comparison
     * with cachegrind (whose test program computes its addresses the same way,
     * releng/dev.mkw.bench/src/main/resources/dev/mkw/bench/pattern.c) must not charge to the
     * model. The mixed pattern's jumps come from a xorshift generator (Marsaglia 2003) seeded
     * the same in every run, so every run sees the same addresses.
     */
    @Override
    public long run(long iterations) {
        if (mem == null) setUp();
        // A loop per pattern rather than a switch per access: the loop is the same work pattern.c
        // does around each access, so the figure is the model's and not the dispatch's.
        return switch (pattern) {
            case L1_RESIDENT -> sequential(iterations);
            case STREAM -> stream(iterations);
            case MIXED -> mixed(iterations);
        };
    }

    /** One store in four, the rest loads. */
    private static int kind(long n) {
        return (n & 3) == 3 ? MemoryHierarchy.WRITE : MemoryHierarchy.READ;
    }

    private long sequential(long iterations) {
        MemoryHierarchy m = mem;
        long sum = 0, a = offset, n = step, mask = pattern.workingSet - 1;
        for (long i = 0; i < iterations; i++, n++) {
            a = (a + 8) & mask;
            sum += m.access(DATA_VA + a, kind(n), true);
        }
        offset = a;
        step = n;
        return sum;
    }

    private long stream(long iterations) {
        MemoryHierarchy m = mem;
        long sum = 0, a = offset, n = step, size = pattern.workingSet;
        for (long i = 0; i < iterations; i++, n++) {
            a += 72;
            if (a >= size) a -= size;
            sum += m.access(DATA_VA + a, kind(n), true);
        }
        offset = a;
        step = n;
        return sum;
    }

    private long mixed(long iterations) {
        MemoryHierarchy m = mem;
        long sum = 0, a = offset, n = step, x = random, size = pattern.workingSet;
        for (long i = 0; i < iterations; i++, n++) {
            if ((n & 7) == 7) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                a = (x >>> 20) & (size - 8);
            } else {
                a = (a + 8) & (size - 1);
            }
            sum += m.access(DATA_VA + a, kind(n), true);
        }
        offset = a;
        step = n;
        random = x;
        return sum;
    }
}
