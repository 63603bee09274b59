package dev.mkw.sim.tests;

import java.util.List;

import dev.mkw.sim.CycleAccounting;
import dev.mkw.sim.Trace;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;
import dev.mkw.sim.report.HardwareCounters;
import dev.mkw.sim.report.RunError;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.RunReportBuilder;
import dev.mkw.sim.report.SourceLocation;
import dev.mkw.sim.report.ThreadStats;

/**
 * A hand-made two-CPU run the way a kernel would report it: on cpu0 ping and pong exchange
 * IPCs through ipc.fastpath and pong takes a page fault each round; on cpu1 a driver thread
 * (with an awkward name, to test quoting) handles IRQ 4 and the rest is idle.
 */
final class SampleRun {
    static final String PING = "ping.main";
    static final String PONG = "pong.main";
    static final String DRIVER = "drv,\"x\".irq";
    static final int ROUND = 300;

    private SampleRun() {}

    static RunReport report(int rounds, boolean withError) {
        return builder(rounds, withError, Trace.Mode.ON, 0).build();
    }

    static RunReportBuilder builder(int rounds, boolean withError, Trace.Mode mode, int ring) {
        Trace trace = new Trace(mode, ring);
        CycleAccounting acc = new CycleAccounting(2);
        RunReportBuilder b = RunReport.builder("ping-pong").preset("pentium_100").seed(42).clockMhz(100)
                .setting("kernel.scheduling", "lazy").setting("kernel.fastpath", "on").cpus(2);
        ThreadStats.Counter ping = b.thread(PING), pong = b.thread(PONG), drv = b.thread(DRIVER);
        HardwareCounters.Counter hw0 = b.hardware(0), hw1 = b.hardware(1);
        for (int r = 0; r < rounds; r++) {
            long t = (long) r * ROUND;
            acc.chargeUser(0, PING, 100);
            ev(trace, t + 100, 0, TraceKind.KERNEL_ENTRY, PING, "", "ipc.fastpath", 0);
            int words = r % 3 == 0 ? 8 : 2;
            ev(trace, t + 110, 0, TraceKind.IPC_SEND, PING, PONG, "ipc.fastpath", words);
            ev(trace, t + 120, 0, TraceKind.THREAD_SWITCH, PING, PONG, "ipc.fastpath", 0);
            ev(trace, t + 130, 0, TraceKind.IPC_RECEIVE, PONG, PING, "ipc.fastpath", words);
            ev(trace, t + 150, 0, TraceKind.KERNEL_EXIT, PONG, "", "ipc.fastpath", 0);
            acc.chargeKernel(0, "ipc.fastpath", PING, 50);
            b.path("ipc.fastpath").add(50);
            b.ipc(t + 100, PING, PONG, words, 30 + (words == 8 ? 10 : 0) + r % 5);
            ping.ipcSent++;
            pong.ipcReceived++;
            pong.switches++;
            acc.chargeUser(0, PONG, 50);
            ev(trace, t + 200, 0, TraceKind.KERNEL_ENTRY, PONG, "", "pagefault", 0);
            ev(trace, t + 205, 0, TraceKind.PAGE_FAULT, PONG, "", "pagefault", 0x4000 + r);
            ev(trace, t + 260, 0, TraceKind.KERNEL_EXIT, PONG, "", "pagefault", 0);
            acc.chargeKernel(0, "pagefault", PONG, 60);
            b.path("pagefault").add(55 + r % 10);
            pong.pageFaults++;
            acc.chargeUser(0, PONG, 40);
            hw0.tlbHits += 90;
            hw0.tlbMisses += 10;
            hw0.cacheHit("L1d");
            hw0.cacheMiss("L2");
            hw0.memoryAccesses += 3;

            ev(trace, t + 50, 1, TraceKind.IRQ_RAISED, "", "irq4", "", 4);
            b.irqRaised(4);
            acc.chargeIdle(1, 60);
            ev(trace, t + 60, 1, TraceKind.KERNEL_ENTRY, DRIVER, "", "irq.entry", 0);
            ev(trace, t + 80, 1, TraceKind.IRQ_DELIVERED, DRIVER, "irq4", "irq.entry", 4);
            ev(trace, t + 90, 1, TraceKind.KERNEL_EXIT, DRIVER, "", "irq.entry", 0);
            acc.chargeKernel(1, "irq.entry", DRIVER, 30);
            b.path("irq.entry").add(30);
            b.irqDelivered(4, 30 + r % 4);
            acc.chargeUser(1, DRIVER, 30);
            ev(trace, t + 120, 1, TraceKind.THREAD_SWITCH, DRIVER, "", "", 0);
            drv.switches++;
            acc.chargeIdle(1, 180);
            hw1.tlbFlushes++;
            hw1.cache("L1d", 5L * (r + 1), r + 1);
        }
        long elapsed = (long) rounds * ROUND;
        acc.check(0, elapsed);
        acc.check(1, elapsed);
        b.elapsed(0, elapsed).elapsed(1, elapsed).accounting(acc).trace(trace).endReason("all-threads-ended");
        if (withError) {
            b.error(new RunError("deadlock", "every thread is blocked, nothing is pending", PONG, elapsed,
                    new SourceLocation("ping-pong.mkw", 12, 5), List.of("ipc_send ping.main -> pong.main @" + elapsed)));
            b.endReason("deadlock");
        }
        return b;
    }

    private static void ev(Trace t, long cycle, int cpu, TraceKind k, String thread, String partner, String path, long value) {
        t.record(new TraceEvent(cycle, cpu, k, thread, partner, path, value, k == TraceKind.PAGE_FAULT ? "read" : ""));
    }
}
