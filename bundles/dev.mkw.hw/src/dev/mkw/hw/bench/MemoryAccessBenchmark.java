package dev.mkw.hw.bench;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.PageTableBuilder;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.sim.SimRandom;
import dev.mkw.sim.bench.Benchmark;

/**
 * Simulated memory accesses per host second through a preset's TLB, page walker and caches,
 * for one access pattern. The patterns are fixed here and not chosen to flatter the model:
 * {@link #patterns()} gives a cache-resident one, a mixed one and a streaming one, and all
 * three are reported.
 *
 * <p>Each access's address comes from a precomputed trace (seeded, so every run sees the same
 * one), so the timing loop measures the model and not a random-number generator.
 */
public final class MemoryAccessBenchmark implements Benchmark {
    private static final long ROOT = 0x10_0000, TABLES = 0x20_0000, DATA_VA = 0x4000_0000L, DATA_PA = 0x800_0000L;
    private static final int TRACE = 1 << 20;

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
    }

    private final String preset;
    private final Pattern pattern;
    private MemoryHierarchy mem;
    private int[] offsets;
    private int at;

    public MemoryAccessBenchmark(String preset, Pattern pattern) {
        this.preset = preset;
        this.pattern = pattern;
    }

    /** The three patterns on the Cortex-A9 preset: a TLB and two cache levels (L1D, L2). */
    public static java.util.List<Benchmark> patterns() {
        return java.util.List.of(new MemoryAccessBenchmark("cortex_a9", Pattern.L1_RESIDENT), new MemoryAccessBenchmark("cortex_a9", Pattern.MIXED),
                new MemoryAccessBenchmark("cortex_a9", Pattern.STREAM));
    }

    @Override public String name() { return "hw.access." + pattern.id + "." + preset; }
    @Override public String unit() { return "memory access"; }

    /** Map the working set with real page tables and record the trace (once, outside the timing). */
    private void setUp() {
        SimMachine m = MachinePresets.builtIn().machine(preset, 1);
        PageTableBuilder tables = new PageTableBuilder(m.memory(), m.mmu().format(), TABLES);
        for (long off = 0; off < pattern.workingSet; off += 4096) tables.map(ROOT, DATA_VA + off, DATA_PA + off, true);
        mem = m.mem(0);
        mem.loadPageTableRoot(ROOT, 1);
        offsets = new int[TRACE];
        SimRandom random = new SimRandom(20261123);
        int words = pattern.workingSet / 8;
        long a = 0;
        for (int i = 0; i < TRACE; i++) {
            a = switch (pattern) {
                case L1_RESIDENT -> (a + 8) % pattern.workingSet;
                case MIXED -> (i & 7) == 7 ? 8 * random.between(0, words - 1) : (a + 8) % pattern.workingSet;
                case STREAM -> (a + 72) % pattern.workingSet;
            };
            offsets[i] = (int) a;
        }
    }

    @Override
    public long run(long iterations) {
        if (mem == null) setUp();
        long sum = 0;
        int i = at;
        for (long n = 0; n < iterations; n++) {
            // One store in four, the rest loads.
            sum += mem.access(DATA_VA + offsets[i], (i & 3) == 3 ? MemoryHierarchy.WRITE : MemoryHierarchy.READ, true);
            i = (i + 1) & (TRACE - 1);
        }
        at = i;
        return sum;
    }
}
