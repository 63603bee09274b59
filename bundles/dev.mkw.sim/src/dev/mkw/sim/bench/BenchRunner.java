package dev.mkw.sim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Measures benchmarks one after the other in this JVM: calibrate the iterations so a round
 * lasts about {@code roundNanos}, run {@code warmups} unmeasured rounds (JIT), then
 * {@code rounds} measured ones, and keep each round's time per iteration; the median is
 * the result. The only code in dev.mkw.sim that reads a wall clock, and it takes the clock
 * as a parameter so tests can drive it.
 */
public final class BenchRunner {
    /** Iterations never exceed this per round, whatever the calibration says. */
    static final long MAX_ITERATIONS = 1L << 40;

    private final int warmups;
    private final int rounds;
    private final long roundNanos;
    private final LongSupplier clock;
    private long sink;

    /**
     * 15 warm-ups and 5 measured rounds of about 200 ms, System.nanoTime. Three seconds of
     * warm-up, because the kernel's paths are large: with 2 warm-ups the first short-IPC
     * benchmark of a run measured 1.3-1.7 M IPCs/s and the same benchmark run again 1.7-1.8 M;
     * with 15 both measured 2.2-2.4 M.
     */
    public BenchRunner() { this(15, 5, 200_000_000L, System::nanoTime); }

    public BenchRunner(int warmups, int rounds, long roundNanos, LongSupplier clock) {
        if (warmups < 0 || rounds < 1 || roundNanos < 1) throw new IllegalArgumentException("warmups >= 0, rounds >= 1, roundNanos >= 1");
        this.warmups = warmups;
        this.rounds = rounds;
        this.roundNanos = roundNanos;
        this.clock = clock;
    }

    /** Measure every benchmark, in the order given; {@code baseline} names the one costs are relative to. */
    public BenchReport run(List<Benchmark> benchmarks, String baseline) {
        List<BenchResult> results = new ArrayList<>();
        for (Benchmark b : benchmarks) results.add(measure(b));
        return new BenchReport(results, baseline);
    }

    public BenchResult measure(Benchmark b) {
        sink += b.run(1); // untimed: lazy set-up (tables, arrays) must not skew the calibration
        long iterations = calibrate(b);
        for (int i = 0; i < warmups; i++) time(b, iterations);
        List<Double> perUnit = new ArrayList<>();
        for (int i = 0; i < rounds; i++) perUnit.add((double) Math.max(1, time(b, iterations)) / iterations);
        return new BenchResult(b.name(), b.unit(), iterations, perUnit);
    }

    // Double the iterations until a run takes a tenth of a round, then scale to a full round.
    private long calibrate(Benchmark b) {
        long n = 1;
        while (true) {
            long t = time(b, n);
            if (t >= roundNanos / 10 || n >= MAX_ITERATIONS) {
                double scaled = (double) n * roundNanos / Math.max(1, t);
                return Math.max(1, Math.min(MAX_ITERATIONS, (long) scaled));
            }
            n *= 2;
        }
    }

    private long time(Benchmark b, long iterations) {
        long start = clock.getAsLong();
        sink += b.run(iterations);
        return clock.getAsLong() - start;
    }

    /** What the benchmarks returned, summed; printing it keeps their work observable. */
    public long sink() { return sink; }
}
