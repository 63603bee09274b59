package dev.mkw.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.mkw.cli.bench.SmpScalingBenchmark;

/**
 * The same work (four client/server pairs) simulated on one processor and on four
 * ({@link SmpScalingBenchmark}); one invocation is one whole simulation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SmpScalingBench {
    @Param({"1", "4"})
    public int cpus;

    private SmpScalingBenchmark bench;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        bench = new SmpScalingBenchmark(cpus);
    }

    @Benchmark
    public long run() {
        return bench.run();
    }
}
