package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.CycleAccounting;
import dev.mkw.sim.Trace;
import dev.mkw.sim.report.Account;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.RunReportBuilder;

class RunReportTest {

    @Test
    void accountingIsTheTruthForThreadCycles() {
        RunReport r = SampleRun.report(10, false);
        long elapsed = 10L * SampleRun.ROUND;
        assertEquals(List.of(elapsed, elapsed), r.elapsedCycles());
        long sum = 0;
        for (Account a : r.accounts().values()) sum += a.total();
        assertEquals(2 * elapsed, sum, "accounts add up to elapsed cycles on every CPU");
        assertEquals(1000, r.threads().get(SampleRun.PING).userCycles());
        assertEquals(500, r.threads().get(SampleRun.PING).kernelCycles());
        assertEquals(900, r.threads().get(SampleRun.PONG).userCycles());
        assertEquals(10, r.threads().get(SampleRun.PONG).pageFaults());
        assertEquals(10, r.cpus() == 2 ? r.ipcCount() : -1);
        assertEquals(r.cyclesOf(RunReport.AccountKind.IDLE, 1), 2400);
        assertEquals(0, r.cyclesOf(RunReport.AccountKind.IDLE, 0));
        assertEquals(30.0, r.simulatedMicros());
    }

    @Test
    void ipcIsKeptPerMessageSize() {
        RunReport r = SampleRun.report(10, false);
        assertEquals(List.of(2, 8), List.copyOf(r.ipcLatencyBySize().keySet()));
        assertEquals(4, r.ipcLatencyBySize().get(8).count());
        assertEquals(6, r.ipcLatencyBySize().get(2).count());
        assertEquals(30, r.ipcLatency().min());
        assertEquals(10, r.ipcSamples().size());
        assertEquals(List.of(4), List.copyOf(r.irqs().keySet()));
        assertEquals(10, r.irqsRaised());
        assertEquals(10, r.irqsDelivered());
    }

    @Test
    void sampleLimitBoundsMemoryNotStatistics() {
        RunReportBuilder b = RunReport.builder("x").ipcSampleLimit(3);
        for (int i = 0; i < 100; i++) b.ipc(i, "a.t", "b.t", 1, i);
        RunReport r = b.build();
        assertEquals(3, r.ipcSamples().size());
        assertEquals(100, r.ipcCount());
        assertEquals(99, r.ipcLatency().max());
    }

    @Test
    void kernelPathsKnownOnlyFromAccountingAppearWithCountZero() {
        CycleAccounting acc = new CycleAccounting(1);
        acc.chargeKernel(0, "schedule", null, 40);
        acc.chargeIdle(0, 60);
        RunReport r = RunReport.builder("x").accounting(acc).elapsed(0, 100).build();
        assertEquals(0, r.kernelPaths().get("schedule").count());
        assertEquals(40, r.kernelPaths().get("schedule").total());
        assertEquals(40L, r.kernelPathCycles().get("schedule"));
    }

    @Test
    void hardwareTotalsSumOverCpus() {
        RunReport r = SampleRun.report(4, false);
        assertEquals(360, r.tlbHits());
        assertEquals(40, r.tlbMisses());
        assertEquals(4, r.tlbFlushes());
        assertEquals(4 + 20, r.cacheTotals().get("L1d").hits());
        assertEquals(4, r.cacheTotals().get("L2").misses());
    }

    @Test
    void errorsPrintAsFileLineColumn() {
        RunReport r = SampleRun.report(2, true);
        assertTrue(r.failed());
        assertEquals("ping-pong.mkw:12:5: deadlock: every thread is blocked, nothing is pending (thread pong.main, cycle 600)",
                r.errorLines().get(0));
        assertEquals("deadlock", r.endReason());
    }

    @Test
    void ringTraceIsSnapshotWithDrops() {
        RunReport r = SampleRun.builder(10, false, Trace.Mode.RING, 16).build();
        assertEquals(16, r.trace().events().size());
        assertEquals(r.trace().offered() - 16, r.trace().dropped());
    }
}
