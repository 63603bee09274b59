package dev.mkw.sim.report;

/**
 * How often a kernel path (ipc.fastpath, pagefault, ...) ran and what it cost.
 *
 * @param name  the path's name, without the {@code kernel:} account prefix
 * @param count how many times it ran
 * @param total cycles over all runs
 * @param min   the cheapest run (0 when count is 0)
 * @param max   the dearest run
 */
public record KernelPathStats(String name, long count, long total, long min, long max) {

    public double mean() { return count == 0 ? 0 : (double) total / count; }

    /** A running tally the kernel keeps per path during a run; cache it to skip map lookups. */
    public static final class Counter {
        private final String name;
        private long count;
        private long total;
        private long min = Long.MAX_VALUE;
        private long max;

        public Counter(String name) { this.name = name; }

        /** One run of the path that cost {@code cycles}. */
        public void add(long cycles) {
            if (cycles < 0) throw new IllegalArgumentException("negative cycles for " + name + ": " + cycles);
            count++;
            total += cycles;
            if (cycles < min) min = cycles;
            if (cycles > max) max = cycles;
        }

        public KernelPathStats snapshot() {
            return new KernelPathStats(name, count, total, count == 0 ? 0 : min, max);
        }
    }
}
