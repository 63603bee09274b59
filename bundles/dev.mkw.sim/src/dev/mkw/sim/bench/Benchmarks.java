package dev.mkw.sim.bench;

import java.util.List;

import dev.mkw.sim.contrib.ContributionRegistry;

/** Finds benchmarks: the engine's own plus contributions of other bundles. */
public final class Benchmarks {
    public static final String EXTENSION_POINT = "dev.mkw.sim.benchmarks";
    /** The benchmark every other is reported relative to: one host memory access. */
    public static final String BASELINE = "host.memory-access";

    private Benchmarks() {}

    public static List<Benchmark> builtIns() {
        return List.of(new HostMemoryBenchmark(), new EngineEventBenchmark());
    }

    /** Built-ins first (baseline first), then contributions sorted by name; names unique (the first keeps one). */
    public static List<Benchmark> discover(List<String> problems) {
        ContributionRegistry<Benchmark> r = new ContributionRegistry<>("benchmark", Benchmark::name, false)
                .registerAll(builtIns()).discover(EXTENSION_POINT, Benchmark.class);
        problems.addAll(r.problems());
        return r.all();
    }
}
