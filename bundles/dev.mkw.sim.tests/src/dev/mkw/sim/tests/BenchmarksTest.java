package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.bench.Benchmark;
import dev.mkw.sim.bench.Benchmarks;
import dev.mkw.sim.bench.EngineEventBenchmark;
import dev.mkw.sim.bench.HostMemoryBenchmark;

/** The built-in benchmarks do the work they name; timing itself lives in ./mkw bench (JMH). */
class BenchmarksTest {

    @Test
    void discoveryPutsTheBaselineFirstAndNamesAreUnique() {
        List<String> problems = new ArrayList<>();
        List<Benchmark> all = Benchmarks.discover(problems);
        assertEquals(Benchmarks.BASELINE, all.get(0).name());
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(all.size(), all.stream().map(Benchmark::name).distinct().count());
    }

    @Test
    void engineBenchmarkFiresOneEventPerIterationAcrossCalls() {
        EngineEventBenchmark b = new EngineEventBenchmark();
        assertEquals(1000, b.run(1000));
        assertEquals(1, b.run(1), "the engine and its backlog are kept between calls");
    }

    @Test
    void hostMemoryBenchmarkFollowsOneCycleThroughEverySlot() {
        HostMemoryBenchmark b = new HostMemoryBenchmark();
        long first = b.run(1);
        assertNotEquals(first, b.run(1), "each access moves on along the chain");
    }
}
