package dev.mkw.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.mkw.sim.bench.HostMemoryBenchmark;

/** The yardstick: one dependent host load that misses the host's caches ({@link HostMemoryBenchmark}). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HostMemoryBench {
    static final int BATCH = 1024;
    private final HostMemoryBenchmark chase = new HostMemoryBenchmark();

    @Setup
    public void setUp() {
        chase.run(1);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long access() {
        return chase.run(BATCH);
    }
}
