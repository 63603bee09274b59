package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.ReportAssembler;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.sim.report.Misses;
import dev.mkw.sim.report.RunReport;

/**
 * Issue 18, "where every cycle went": every TLB and cache miss is attributed to the kernel
 * path or the thread's code that caused it, and the attribution adds up to the hardware's own
 * counters.
 */
class MissAttributionTest {

    private static RunReport report(Simulation sim) {
        return ReportAssembler.report(sim, Map.of(), "test");
    }

    @Test
    void theCausesAddUpToTheHardwareCounters() {
        for (String preset : new String[] {"i486_50", "x86_64_pcid", "cortex_a9"}) {
            RunReport r = report(run(pingPong(preset, KernelConfig.defaults(), 300)));
            long tlb = 0;
            Map<String, Long> cache = new TreeMap<>();
            long onBehalf = 0, paths = 0;
            for (Map.Entry<String, Misses> e : r.misses().entrySet()) {
                if (e.getKey().startsWith(RunReport.KERNEL_FOR)) {
                    onBehalf += e.getValue().tlb() + e.getValue().cacheTotal();
                    continue; // the same misses again, by thread
                }
                if (e.getKey().startsWith("kernel:")) paths += e.getValue().tlb() + e.getValue().cacheTotal();
                tlb += e.getValue().tlb();
                e.getValue().cache().forEach((level, m) -> cache.merge(level, m, Long::sum));
            }
            assertEquals(r.tlbMisses(), tlb, preset + ": TLB misses by cause add up");
            int levels = 0;
            for (var level : r.cacheTotals().entrySet()) {
                assertEquals(level.getValue().misses(), cache.getOrDefault(level.getKey(), 0L), preset + ": " + level.getKey() + " misses by cause add up");
                levels++;
            }
            assertTrue(levels > 0, preset + " has caches");
            assertTrue(paths > 0 && onBehalf <= paths && onBehalf > paths / 2, preset + ": the kernel's misses are the threads' too: " + onBehalf + " of " + paths);
        }
    }

    @Test
    void aThreadThatStreamsThroughMemoryCarriesItsOwnMisses() {
        // The streamer touches 256 KiB twice (more than the i486's 8 KiB cache); the other thread only computes.
        var streamer = thread("s", 10, repeat(2, new Op.Touch(c(0x100000), c(0x140000), c(16), false, AT)));
        var computer = thread("c", 10, new Op.Compute(c(200_000), AT));
        RunReport r = report(run(scenario("i486_50", KernelConfig.defaults(), task("a", "root", streamer), task("b", "root", computer))));
        Misses s = r.misses().get("user:a.s");
        Misses c = r.misses().get("user:b.c");
        assertTrue(s != null && s.cacheTotal() > 16_000, "one miss per line of the stream at least: " + s);
        assertTrue(c == null || c.cacheTotal() < s.cacheTotal() / 100, "the computing thread caused almost none: " + c);
        // Its page faults are served by the kernel: those misses are the fault path's, not the streamer's code's.
        assertTrue(r.misses().containsKey("kernel:pagefault"), r.misses().keySet().toString());
    }

    @Test
    void theColdFastPathsInstructionMissesAreItsOwn() {
        RunReport r = report(run(pingPong("i486_50", KernelConfig.defaults(), 200)));
        Misses fast = r.misses().get("kernel:ipc.fastpath");
        assertTrue(fast != null && fast.cacheTotal() > 0, "the first fast paths fetched their code: " + fast);
        // A warm fast path misses nothing: the misses per IPC are far below one per call.
        assertTrue(fast.cacheTotal() < r.kernelPaths().get("ipc.fastpath").count(), fast + " over " + r.kernelPaths().get("ipc.fastpath").count() + " IPCs");
        assertEquals(fast.cacheTotal(), r.kernelPaths().get("ipc.fastpath").cacheMisses(), "the path's row carries its misses (Kernel Paths view)");
        assertEquals(fast.tlb(), r.kernelPaths().get("ipc.fastpath").tlbMisses());
    }
}
