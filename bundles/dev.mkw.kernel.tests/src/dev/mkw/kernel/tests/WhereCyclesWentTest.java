package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.pingPong;
import static dev.mkw.test.support.Scenarios.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.ReportAssembler;
import dev.mkw.run.RunPipeline;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.ThreadStats;

/** Issue 18, item 4: the report says where the kernel's cycles went, per thread and for the ready queues. */
class WhereCyclesWentTest {

    private static RunReport report(KernelConfig k) {
        return ReportAssembler.report(run(pingPong("i486_50", k, 200)), Map.of(), "test");
    }

    @Test
    void eachThreadsKernelCyclesSplitLikeThePaths() {
        RunReport r = report(KernelConfig.defaults());
        long split = 0, kernel = 0;
        for (ThreadStats t : r.threads().values()) {
            long parts = t.kernelInstructionCycles() + t.kernelPrivilegedCycles() + t.kernelMemoryCycles() + t.kernelFetchStallCycles();
            assertEquals(t.kernelCycles(), parts, t.name() + ": the parts add up to its kernel cycles");
            split += t.kernelPrivilegedCycles();
            kernel += t.kernelCycles();
        }
        assertTrue(split > 0 && split < kernel, "traps and returns are a part, not all: " + split + " of " + kernel);
    }

    @Test
    void theReportShowsTheQueueWorkEagerDoesAndBennoAvoids() {
        RunReport eager = report(KernelConfig.defaults().withScheduling(KernelConfig.Scheduling.EAGER));
        RunReport benno = report(KernelConfig.defaults().withScheduling(KernelConfig.Scheduling.BENNO));
        assertTrue(eager.queueOperations() > benno.queueOperations(), eager.queueOperations() + " vs " + benno.queueOperations());
        assertTrue(eager.queueCycles() > benno.queueCycles() && benno.queueCycles() >= 0, eager.queueCycles() + " vs " + benno.queueCycles());
        assertTrue(eager.queueCycles() > 0, "queue operations cost cycles");
    }

    /**
     * Memory work splits into page-table walks and cache time. The i486 has no global pages, so
     * every address-space switch flushes the kernel's TLB entries too and the kernel walks again
     * in every IPC; x86-64 keeps the kernel's pages global, so its walks are the cold ones only.
     */
    @Test
    void memoryWorkShowsItsPageTableWalks() throws Exception {
        long i486Short = walks(RunPipeline.run(pingPong("i486_50", KernelConfig.defaults(), 100)));
        long i486Long = walks(RunPipeline.run(pingPong("i486_50", KernelConfig.defaults(), 200)));
        long x64Short = walks(RunPipeline.run(pingPong("x86_64_pcid", KernelConfig.defaults(), 100)));
        long x64Long = walks(RunPipeline.run(pingPong("x86_64_pcid", KernelConfig.defaults(), 200)));
        assertTrue(i486Long > i486Short * 3 / 2, "i486: walks grow with the IPCs: " + i486Short + " → " + i486Long);
        assertTrue(x64Long < x64Short * 11 / 10, "x86-64: only the cold walks: " + x64Short + " → " + x64Long);
        RunReport r = RunPipeline.run(pingPong("i486_50", KernelConfig.defaults(), 100));
        for (KernelPathStats p : r.kernelPaths().values()) {
            assertTrue(p.walkCycles() >= 0 && p.walkCycles() <= p.memoryCycles(), p.name() + ": walks are part of the memory work");
        }
        long byThread = r.threads().values().stream().mapToLong(ThreadStats::kernelWalkCycles).sum();
        assertTrue(byThread > 0 && byThread <= walks(r), "the threads' share: " + byThread);
    }

    private static long walks(RunReport r) {
        return r.kernelPaths().values().stream().mapToLong(KernelPathStats::walkCycles).sum();
    }
}
