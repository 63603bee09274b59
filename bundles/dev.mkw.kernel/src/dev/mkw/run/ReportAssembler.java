package dev.mkw.run;

import java.util.List;
import java.util.Map;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelError;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.report.HardwareCounters;
import dev.mkw.sim.report.RunError;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.RunReportBuilder;
import dev.mkw.sim.report.SourceLocation;

/**
 * Turns a finished (or paused) {@link Simulation} into the simulator's {@link RunReport},
 * which every exporter and analysis reads.
 */
public final class ReportAssembler {
    private ReportAssembler() {}

    public static RunReport report(Simulation sim, Map<String, String> settings, String endReason) {
        Kernel k = sim.kernel();
        // The kernel fed its statistics (paths, threads, IPC and IRQ latencies) as it worked;
        // the run-level facts, hardware counters, errors and trace are added here.
        RunReportBuilder b = k.statistics().scenario(sim.scenario().name())
                .preset(sim.machine().name()).seed(sim.scenario().run().seed()).clockMhz(sim.machine().clockMhz())
                .endReason(endReason).settings(settings).cpus(sim.machine().cpuCount());
        for (int cpu = 0; cpu < sim.machine().cpuCount(); cpu++) b.elapsed(cpu, sim.engine().cpuClock(cpu));
        b.accounting(k.accounting());
        b.queueOperations(k.scheduler().queueOps());
        for (int cpu = 0; cpu < sim.machine().cpuCount(); cpu++) {
            MemoryHierarchy mem = sim.machine().mem(cpu);
            HardwareCounters.Counter h = b.hardware(cpu);
            // Instruction and data TLB together (split on most presets): code fetch misses count too.
            h.tlbHits = mem.tlbHits();
            h.tlbMisses = mem.tlbMisses();
            h.tlbFlushes = mem.tlb().flushes();
            h.memoryAccesses = mem.memoryAccesses();
            // A shared level appears in every CPU's row with that CPU's own hits and misses.
            for (int i = 0; i < mem.cacheLevels(); i++) h.cache(mem.cache(i).name(), mem.hitsOf(i), mem.missesOf(i));
        }
        if (k.processorCount() > 1) {
            for (var p : sim.inspector().processors()) {
                b.processor(new dev.mkw.sim.report.ProcessorStats(p.index(), p.ipisSent(), p.ipisReceived(), p.shootdowns(), p.pagesShotDown(),
                        p.shootdownWait(), p.lockSpin(), p.lockContended(), p.lineTransfers(), p.invalidations()));
            }
        }
        if (k.ipcFootprint().measured()) b.ipcFootprint(new dev.mkw.sim.report.IpcFootprint(k.ipcFootprint().codeBytes(), k.ipcFootprint().dataBytes(), k.ipcFootprint().path()));
        // The controller counts every raise, also those while the line was masked.
        var pic = sim.machine().interruptController();
        for (int line = 0; line < pic.lines(); line++) b.irqRaisedTotal(line, pic.raisedCount(line));
        List<TraceEvent> events = k.trace().events();
        List<String> last = events.subList(Math.max(0, events.size() - 10), events.size()).stream().map(ReportAssembler::line).toList();
        b.clearErrors();
        for (KernelError err : k.errors()) {
            SourceLocation loc = err.at() == null || err.at().line() == 0 ? null : new SourceLocation(err.at().file(), err.at().line(), err.at().column());
            String kind = err.kind().word();
            // The kind is printed before the message: don't say it twice ("deadlock: deadlock: ...").
            String message = err.message().startsWith(kind + ": ") ? err.message().substring(kind.length() + 2) : err.message();
            b.error(new RunError(kind, message, err.thread(), err.cycle(), loc, err.fatal() ? last : List.of()));
        }
        b.trace(k.trace());
        return b.build();
    }

    private static String line(TraceEvent e) {
        return e.cycle() + " " + e.kind() + " " + e.thread() + (e.partner().isEmpty() ? "" : " -> " + e.partner()) + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")");
    }
}
