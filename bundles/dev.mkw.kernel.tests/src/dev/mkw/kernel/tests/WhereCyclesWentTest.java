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
}
