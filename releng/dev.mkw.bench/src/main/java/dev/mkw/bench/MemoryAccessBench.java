package dev.mkw.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.mkw.hw.bench.MemoryAccessBenchmark;

/**
 * Simulated data accesses through a preset's TLB, page walker and caches
 * ({@link MemoryAccessBenchmark}): the Cortex-A9 (L1D + L2) and the x86-64 preset (three
 * levels), each on the cache-resident, mixed and streaming pattern.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MemoryAccessBench {
    static final int BATCH = 4096;

    @Param({"cortex_a9", "x86_64_pcid"})
    public String preset;

    @Param({"l1-resident", "mixed", "stream"})
    public String pattern;

    private MemoryAccessBenchmark accesses;

    @Setup
    public void setUp() {
        accesses = new MemoryAccessBenchmark(preset, MemoryAccessBenchmark.pattern(pattern));
        accesses.run(1);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long access() {
        return accesses.run(BATCH);
    }
}
