package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.RunPipeline;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.ThreadSpec;

/**
 * The language's multiprocessor words: {@code cpus N}, {@code thread T cpu K} (a pin; none:
 * the kernel's placement), {@code kernel { smp-lock ... placement ... }} and {@code migrate [T]
 * to cpu K}; each changes the run.
 */
class MultiprocessorLanguageTest {
    private static final String SCENARIO = """
            scenario Smp
            machine preset cortex_a9 { cpus 2 }
            kernel {
                smp-lock per-cpu
                placement spread
            }
            task s {
                thread pong priority 100 cpu 1 {
                    wait any as req
                    repeat 5 { reply-wait req words (1) as req }
                }
            }
            task c {
                thread ping priority 100 {
                    repeat 3 { call s.pong words (1) as r }
                    migrate to cpu 1
                    repeat 2 { call s.pong words (1) as r }
                }
            }
            run until all-done seed 1
            """;

    @Test
    void theWordsTranslate() {
        LoadResult r = ScenarioLoader.standalone().load(SCENARIO, "/t/m.mkw");
        assertEquals(List.of(), Scenarios.formatted(r));
        assertEquals("2", r.scenario().machine().overrides().get("cpus"));
        assertEquals(KernelConfig.SmpLock.PER_CPU, r.scenario().kernel().smpLock());
        assertEquals(KernelConfig.Placement.SPREAD, r.scenario().kernel().placement());
        ThreadSpec pong = r.scenario().tasks().get(0).threads().get(0), ping = r.scenario().tasks().get(1).threads().get(0);
        assertEquals(1, pong.cpu(), "pinned");
        assertEquals(ThreadSpec.ANY_CPU, ping.cpu(), "not pinned: the placement chooses");
        assertTrue(ping.body().stream().anyMatch(o -> o instanceof Op.Migrate m && m.thread() == null), "migrate without a thread moves the caller");
    }

    @Test
    void theRunMovesTheClientAndCrossesProcessorsUntilThen() throws Exception {
        LoadResult r = ScenarioLoader.standalone().load(SCENARIO, "/t/m.mkw");
        var sim = RunPipeline.prepare(r.scenario());
        var report = RunPipeline.report(sim, RunPipeline.endReason(sim, sim.run()));
        assertTrue(report.errors().isEmpty(), () -> "" + report.errors());
        assertEquals(1, sim.inspector().thread("c.ping").cpu(), "the client moved to cpu 1");
        assertEquals(1, report.kernelPaths().get("schedule.migrate").count());
        assertTrue(report.ipcLatencyCrossCpu().count() >= 6, "the first three round trips crossed processors: " + report.ipcLatencyCrossCpu().count());
        assertTrue(report.ipcLatencyLocal().count() >= 4, "the last two did not");
        assertEquals(2, report.processors().size());
    }

    /**
     * The forum thread's claim, as the two example scenarios put it: batched asynchronous requests
     * to a server on another processor finish sooner, and each side misses its L1 less, than the
     * same work as synchronous calls on one processor, where the two working sets share one cache.
     */
    @Test
    void asynchronousBatchesOnTwoProcessorsBeatSynchronousCallsOnOne() throws Exception {
        var async = runExample("async-batching.mkw");
        var sync = runExample("sync-calls.mkw");
        assertTrue(async.cycles() < sync.cycles(), () -> "throughput: async ends at " + async.cycles() + ", sync at " + sync.cycles());
        long asyncL1 = l1Misses(async, "user:server.srv"), syncL1 = l1Misses(sync, "user:server.srv");
        assertTrue(asyncL1 < syncL1, () -> "the server's own L1 misses: async " + asyncL1 + ", sync " + syncL1);
    }

    private static dev.mkw.sim.report.RunReport runExample(String name) throws Exception {
        java.nio.file.Path file = Scenarios.examples().resolve(name);
        LoadResult r = ScenarioLoader.standalone().load(java.nio.file.Files.readString(file), file.toString());
        assertEquals(List.of(), Scenarios.formatted(r));
        var sim = RunPipeline.prepare(r.scenario());
        var report = RunPipeline.report(sim, RunPipeline.endReason(sim, sim.run()));
        assertTrue(report.errors().isEmpty(), () -> name + ": " + report.errors());
        return report;
    }

    private static long l1Misses(dev.mkw.sim.report.RunReport r, String cause) {
        var m = r.misses().get(cause);
        return m == null ? 0 : m.cache().getOrDefault("L1D", 0L);
    }
}
