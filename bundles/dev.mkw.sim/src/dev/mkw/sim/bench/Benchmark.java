package dev.mkw.sim.bench;

/**
 * A speed measurement: {@link #run} does {@code iterations} units of work as fast as it can.
 * Contribute one through the {@code dev.mkw.sim.benchmarks} extension point, a
 * {@code META-INF/services/dev.mkw.sim.bench.Benchmark} entry, or by handing it to
 * a test. Set-up belongs in the constructor or a first call, not in run's timing: {@code mkw bench}
 * calls {@code run(1)} once before it measures, then JMH warms up (forked JVM, warm-up iterations)
 * and measures calls of {@code run(1)}, so one iteration is the unit of the reported rate.
 */
public interface Benchmark {
    /** A stable name, {@code area.what}: {@code ipc.short-trace-off}, {@code engine.event}. */
    String name();

    /** What one iteration is, singular: "IPC round trip", "event", "memory access". */
    String unit();

    /**
     * Do the work {@code iterations} times. Return something computed from the work (a sum,
     * a count) so the JIT cannot discard it; the runner folds it into a sink.
     */
    long run(long iterations);
}
