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

import dev.mkw.sim.bench.EngineEventBenchmark;

/** The simulation engine: schedule and fire one event ({@link EngineEventBenchmark}). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineEventBench {
    static final int BATCH = 1024;
    private final EngineEventBenchmark engine = new EngineEventBenchmark();

    @Setup
    public void setUp() {
        engine.run(1);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long event() {
        return engine.run(BATCH);
    }
}
