package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.bench.BenchReport;
import dev.mkw.sim.bench.BenchResult;
import dev.mkw.sim.bench.BenchRunner;
import dev.mkw.sim.bench.Benchmark;
import dev.mkw.sim.bench.Benchmarks;

/** Drives the runner with a simulated clock, so nothing here depends on the host's speed. */
class BenchRunnerTest {

    /** A clock that only moves when a fake benchmark says its work took time. */
    private static final class FakeClock {
        long now;
    }

    private record Fake(String name, String unit, long nanosPerIteration, FakeClock clock, long[] jitter, int[] call)
            implements Benchmark {
        @Override
        public long run(long iterations) {
            long extra = jitter.length == 0 ? 0 : jitter[call[0]++ % jitter.length];
            clock.now += iterations * nanosPerIteration + extra;
            return iterations;
        }
    }

    @Test
    void ratiosAndMedianComeFromTheMeasuredRounds() {
        FakeClock clock = new FakeClock();
        Benchmark memory = new Fake("host.memory-access", "memory access", 100, clock, new long[0], new int[1]);
        Benchmark ipc = new Fake("ipc.short", "IPC round trip", 2_500, clock, new long[0], new int[1]);
        BenchRunner runner = new BenchRunner(1, 3, 1_000_000, () -> clock.now);
        BenchReport report = runner.run(List.of(memory, ipc), Benchmarks.BASELINE);
        assertEquals(100.0, report.get("host.memory-access").medianNanos());
        assertEquals(400_000.0, report.get("ipc.short").perSecond());
        assertEquals(0.04, report.ratio("ipc.short", "host.memory-access"), 1e-12);
        String table = report.table();
        assertTrue(table.contains("cost vs host.memory-access"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("ipc.short") && l.endsWith("25")), table);
        assertEquals(10_000, report.get("host.memory-access").iterations(), "calibrated to a round of 1 ms");
    }

    @Test
    void medianIgnoresOneSlowRound() {
        FakeClock clock = new FakeClock();
        // Calls: calibration (several), then no warm-up, then 5 rounds; jitter hits one measured round.
        Benchmark b = new Fake("b", "op", 10, clock, new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5_000_000}, new int[1]);
        BenchResult r = new BenchRunner(0, 5, 100_000, () -> clock.now).measure(b);
        assertEquals(5, r.nanosPerUnit().size());
        assertEquals(10.0, r.medianNanos());
        assertTrue(r.spread() > 1, "the slow round shows in the spread");
    }

    @Test
    void builtInsRunAndDiscoveryPutsTheBaselineFirst() {
        List<String> problems = new java.util.ArrayList<>();
        List<Benchmark> all = Benchmarks.discover(problems);
        assertEquals(Benchmarks.BASELINE, all.get(0).name());
        assertTrue(problems.isEmpty(), problems.toString());
        for (Benchmark b : Benchmarks.builtIns()) assertTrue(b.run(1000) != Long.MIN_VALUE);
        assertEquals(1000, new dev.mkw.sim.bench.EngineEventBenchmark().run(1000), "one event fired per iteration");
        assertThrows(IllegalArgumentException.class, () -> new BenchRunner(0, 0, 1, () -> 0));
    }
}
