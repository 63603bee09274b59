package dev.mkw.hw.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.mkw.sim.bench.BenchResult;
import dev.mkw.sim.bench.BenchRunner;
import dev.mkw.sim.bench.Benchmark;

/**
 * Runs the hardware model's benchmarks and prints simulated accesses per second:
 * {@code java -cp ... dev.mkw.hw.bench.HwBench [preset]} (default cortex_a9; any preset id
 * works, e.g. x86_64_pcid for three cache levels). {@code ./mkw bench} can run the same
 * {@link MemoryAccessBenchmark}s through {@link BenchRunner}.
 */
public final class HwBench {
    private HwBench() {}

    public static void main(String[] args) {
        List<Benchmark> benchmarks = new ArrayList<>();
        String preset = args.length > 0 ? args[0] : "cortex_a9";
        for (MemoryAccessBenchmark.Pattern p : MemoryAccessBenchmark.Pattern.values()) benchmarks.add(new MemoryAccessBenchmark(preset, p));
        BenchRunner runner = new BenchRunner();
        for (Benchmark b : benchmarks) {
            BenchResult r = runner.measure(b);
            System.out.printf(Locale.ROOT, "%-36s %8.1f M accesses/s  (median of %d rounds, %.1f ns each)%n", b.name(), r.perSecond() / 1e6,
                    r.nanosPerUnit().size(), r.medianNanos());
        }
        if (runner.sink() == 42) System.out.println(); // keep the results alive
    }
}
