package dev.mkw.sim.bench;

import dev.mkw.sim.SimRandom;

/**
 * The host's cost of one dependent memory load that misses the caches: a pointer chase
 * through a random cycle over 32 MiB. The yardstick other benchmarks are measured in, so
 * the README's numbers carry over between hosts better than operations per second do.
 */
public final class HostMemoryBenchmark implements Benchmark {
    private static final int SLOTS = 1 << 23; // 8 Mi ints = 32 MiB, larger than common last-level caches
    private int[] next;
    private int at;

    @Override public String name() { return "host.memory-access"; }
    @Override public String unit() { return "memory access"; }

    @Override
    public long run(long iterations) {
        if (next == null) next = randomCycle(SLOTS, new SimRandom(7));
        int p = at;
        for (long i = 0; i < iterations; i++) p = next[p];
        at = p;
        return p;
    }

    // Sattolo's algorithm: a uniformly random permutation that is a single cycle, so the
    // chase visits every slot before it repeats and no prefetcher can guess the next one.
    static int[] randomCycle(int n, SimRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = (int) random.between(0, i - 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
