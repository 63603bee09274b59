package dev.mkw.sim.bench;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.sim.contrib.Contributions;

/** Finds benchmarks: the engine's own plus contributions of other bundles. */
public final class Benchmarks {
    public static final String EXTENSION_POINT = "dev.mkw.sim.benchmarks";
    /** The benchmark every other is reported relative to: one host memory access. */
    public static final String BASELINE = "host.memory-access";

    private Benchmarks() {}

    public static List<Benchmark> builtIns() {
        return List.of(new HostMemoryBenchmark(), new EngineEventBenchmark());
    }

    /** Built-ins first (baseline first), then contributions sorted by name; names unique. */
    public static List<Benchmark> discover(List<String> problems) {
        List<Benchmark> all = new ArrayList<>(builtIns());
        Contributions.Found<Benchmark> found = Contributions.discover(EXTENSION_POINT, Benchmark.class, Benchmark::name);
        problems.addAll(found.problems());
        for (Benchmark b : found.items()) {
            if (all.stream().anyMatch(x -> x.name().equals(b.name()))) {
                problems.add("benchmark name '" + b.name() + "' of " + b.getClass().getName() + " is taken");
            } else {
                all.add(b);
            }
        }
        return all;
    }
}
