package dev.mkw.bench;

import dev.mkw.sim.bench.Benchmark;

/** A plugin's benchmark as a service entry would contribute it (src/test/resources/META-INF/services). */
public final class CountingBenchmark implements Benchmark {
    private long count;

    @Override public String name() { return "test.counting"; }
    @Override public String unit() { return "count"; }

    @Override
    public long run(long iterations) {
        for (long i = 0; i < iterations; i++) count += i ^ count;
        return count;
    }
}
