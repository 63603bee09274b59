package dev.mkw.run;

import java.util.List;
import java.util.Map;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelError;
import dev.mkw.kernel.PathStats;
import dev.mkw.kernel.tcb.Tcb;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.report.HardwareCounters;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunError;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.RunReportBuilder;
import dev.mkw.sim.report.SourceLocation;
import dev.mkw.sim.report.ThreadStats;

/**
 * Turns a finished (or paused) {@link Simulation} into the simulator's {@link RunReport},
 * which every exporter and analysis reads.
 */
public final class ReportAssembler {
    private ReportAssembler() {}

    public static RunReport report(Simulation sim, Map<String, String> settings, String endReason) {
        Kernel k = sim.kernel();
        RunReportBuilder b = RunReport.builder(sim.scenario().name())
                .preset(sim.machine().name()).seed(sim.scenario().run().seed()).clockMhz(sim.machine().clockMhz())
                .endReason(endReason).settings(settings).cpus(sim.machine().cpuCount());
        for (int cpu = 0; cpu < sim.machine().cpuCount(); cpu++) b.elapsed(cpu, sim.engine().cpuClock(cpu));
        b.accounting(k.accounting);
        for (Map.Entry<String, PathStats> e : k.paths.entrySet()) {
            KernelPathStats.Counter c = b.path(e.getKey());
            // The path's samples are summarized already; replay min, max and the remaining total.
            PathStats p = e.getValue();
            if (p.count == 0) continue;
            c.split(p.fetchStallCycles, p.instructionCycles, p.privilegedCycles, p.memoryCycles);
            c.add(p.min);
            if (p.count > 1) c.add(p.max);
            long rest = p.cycles - p.min - (p.count > 1 ? p.max : 0);
            for (long i = 2; i < p.count; i++) {
                long share = rest / (p.count - i);
                c.add(share);
                rest -= share;
            }
        }
        for (Tcb t : k.threads) {
            ThreadStats.Counter c = b.thread(t.name);
            c.userCycles = t.userCycles;
            c.kernelCycles = t.kernelCycles;
            c.ipcSent = t.ipcsSent;
            c.ipcReceived = t.ipcsReceived;
            c.pageFaults = t.pageFaults;
            c.switches = t.switchesIn;
        }
        for (int cpu = 0; cpu < sim.machine().cpuCount(); cpu++) {
            MemoryHierarchy mem = sim.machine().mem(cpu);
            HardwareCounters.Counter h = b.hardware(cpu);
            h.tlbHits = mem.tlb().hits();
            h.tlbMisses = mem.tlb().misses();
            h.tlbFlushes = mem.tlb().flushes();
            h.memoryAccesses = mem.memoryAccesses();
            for (int i = 0; i < mem.cacheLevels(); i++) h.cache(mem.cache(i).name(), mem.cache(i).hits(), mem.cache(i).misses());
        }
        for (Map.Entry<Integer, List<Long>> e : k.ipcLatency.entrySet()) {
            for (long l : e.getValue()) b.ipcLatency(e.getKey(), l);
        }
        k.ipcSamples.forEach(b::ipcSample);
        if (k.ipcFootprint.measured()) b.ipcFootprint(new dev.mkw.sim.report.IpcFootprint(k.ipcFootprint.codeBytes(), k.ipcFootprint.dataBytes(), k.ipcFootprint.path()));
        // The controller counts every raise, also those while the line was masked.
        var pic = sim.machine().interruptController();
        for (int line = 0; line < pic.lines(); line++) {
            if (pic.raisedCount(line) > 0) b.irqRaised(line, pic.raisedCount(line));
        }
        for (Map.Entry<Integer, List<Long>> e : k.irqLatency.entrySet()) {
            for (long l : e.getValue()) b.irqDelivered(e.getKey(), l);
        }
        List<TraceEvent> events = k.trace.events();
        List<String> last = events.subList(Math.max(0, events.size() - 10), events.size()).stream().map(ReportAssembler::line).toList();
        for (KernelError err : k.errors) {
            SourceLocation loc = err.at() == null || err.at().line() == 0 ? null : new SourceLocation(err.at().file(), err.at().line(), err.at().column());
            String kind = kind(err);
            // The kind is printed before the message: don't say it twice ("deadlock: deadlock: ...").
            String message = err.message().startsWith(kind + ": ") ? err.message().substring(kind.length() + 2) : err.message();
            b.error(new RunError(kind, message, err.thread(), err.cycle(), loc, err.fatal() ? last : List.of()));
        }
        b.trace(k.trace);
        return b.build();
    }

    private static String kind(KernelError e) {
        if (e.message().startsWith("deadlock")) return "deadlock";
        if (e.message().startsWith("kernel invariant")) return "invariant";
        if (e.message().startsWith("unhandled exception")) return "unhandled-exception";
        if (e.message().startsWith("page fault")) return "page-fault";
        return e.fatal() ? "error" : "ipc-error";
    }

    private static String line(TraceEvent e) {
        return e.cycle() + " " + e.kind() + " " + e.thread() + (e.partner().isEmpty() ? "" : " -> " + e.partner()) + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")");
    }
}
