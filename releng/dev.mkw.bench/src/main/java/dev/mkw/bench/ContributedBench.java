package dev.mkw.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A benchmark a plugin contributes ({@code dev.mkw.sim.benchmarks} or a service entry): one
 * invocation is one iteration of its {@code run}. {@link BenchMain} sets {@link #name} to each
 * contribution it found, so every contribution runs in forked JVMs of its own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContributedBench {
    /** Replaced by the names BenchMain found; JMH needs a default. */
    @Param("none")
    public String name;

    private dev.mkw.sim.bench.Benchmark contribution;

    @Setup
    public void setUp() {
        contribution = ContributedBenchmarks.find(name);
        contribution.run(1);
    }

    @Benchmark
    public long run() {
        return contribution.run(1);
    }
}
