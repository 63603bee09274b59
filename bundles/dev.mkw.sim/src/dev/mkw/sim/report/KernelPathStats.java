package dev.mkw.sim.report;

/**
 * How often a kernel path (ipc.fastpath, pagefault, ...) ran and what it cost.
 *
 * @param name  the path's name, without the {@code kernel:} account prefix
 * @param count how many times it ran
 * @param total cycles over all runs
 * @param min   the cheapest run (0 when count is 0)
 * @param max   the dearest run
 * @param fetchStallCycles cycles of {@code total} the path stalled on instruction fetch
 *              (its code missing the instruction TLB or cache)
 * @param instructionCycles cycles of {@code total} in plain instructions
 * @param privilegedCycles  cycles of {@code total} in the machine's privileged operations
 *              (trap and return, page-table root load, TLB and FPU work)
 * @param walkCycles  of {@code memoryCycles}: page-table walks (the rest is cache and memory time)
 * @param tlbMisses   TLB misses this path caused (instruction and data TLB)
 * @param cacheMisses cache misses this path caused, over all levels
 * @param memoryCycles      cycles of {@code total} in memory work (data accesses and their TLB
 *              walks, page-table writes)
 */
public record KernelPathStats(String name, long count, long total, long min, long max, long fetchStallCycles,
        long instructionCycles, long privilegedCycles, long memoryCycles, long tlbMisses, long cacheMisses, long walkCycles) {

    /** A path's figures without the misses it caused (see {@link RunReport#misses()} for them by level). */
    public KernelPathStats(String name, long count, long total, long min, long max, long fetchStallCycles,
            long instructionCycles, long privilegedCycles, long memoryCycles) {
        this(name, count, total, min, max, fetchStallCycles, instructionCycles, privilegedCycles, memoryCycles, 0, 0, 0);
    }

    public KernelPathStats(String name, long count, long total, long min, long max) {
        this(name, count, total, min, max, 0, 0, 0, 0);
    }

    public double mean() { return count == 0 ? 0 : (double) total / count; }

    /** A running tally the kernel keeps per path during a run; cache it to skip map lookups. */
    public static final class Counter {
        private final String name;
        private long count;
        private long total;
        private long min = Long.MAX_VALUE;
        private long max;
        private long fetchStalls, instructions, privileged, memory, walks;

        /** Of the memory work added: cycles of page-table walks. */
        public void walks(long cycles) { walks += cycles; }
        /** The misses this path caused (see {@link Misses}). */
        public final Misses.Counter misses = new Misses.Counter();

        public Counter(String name) { this.name = name; }

        /** Where the cycles added went: fetch stalls, instructions, privileged operations, memory work. */
        public void split(long fetchStallCycles, long instructionCycles, long privilegedCycles, long memoryCycles) {
            fetchStalls += fetchStallCycles;
            instructions += instructionCycles;
            privileged += privilegedCycles;
            memory += memoryCycles;
        }

        /** One run of the path that cost {@code cycles}. */
        public void add(long cycles) {
            if (cycles < 0) throw new IllegalArgumentException("negative cycles for " + name + ": " + cycles);
            count++;
            total += cycles;
            if (cycles < min) min = cycles;
            if (cycles > max) max = cycles;
        }

        public KernelPathStats snapshot() {
            return new KernelPathStats(name, count, total, count == 0 ? 0 : min, max, fetchStalls, instructions, privileged, memory, misses.tlb(),
                    misses.cacheTotal(), walks);
        }
    }
}
