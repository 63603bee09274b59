package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.dsl.bench.ParseBenchmark;

/** The benchmark's generated scenario is valid (timing itself belongs to ./mkw bench, not to tests). */
class BenchScenarioTest {

    @Test
    void generatedScenarioLoadsClean() {
        String text = ParseBenchmark.scenario(10_000);
        long lines = text.lines().count();
        assertTrue(lines >= 9_000 && lines <= 11_000, "lines: " + lines);
        LoadResult r = ScenarioLoader.standalone().load(text, "/bench/generated.mkw");
        assertEquals(List.of(), Scenarios.formatted(r));
        assertEquals(2 * (10_000 / 28), r.scenario().tasks().size());
    }

    @Test
    void benchmarkRunsAndReports() {
        ParseBenchmark.Result r = ParseBenchmark.run(ScenarioLoader.standalone(), 10_000, 1, 2);
        assertEquals(2, r.rounds());
        // Printed for the build log; not asserted: a loaded CI machine must not fail the build.
        System.out.println(r);
    }
}
