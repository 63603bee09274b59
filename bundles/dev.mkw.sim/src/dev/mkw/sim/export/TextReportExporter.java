package dev.mkw.sim.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.mkw.sim.report.CacheLevelCounters;
import dev.mkw.sim.report.HardwareCounters;
import dev.mkw.sim.report.Histogram;
import dev.mkw.sim.report.IrqStats;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunError;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.ThreadStats;

/** The run report for people at a console: a header, then one table per topic. */
public final class TextReportExporter implements Exporter {
    @Override public String id() { return "text"; }
    @Override public String fileExtension() { return "txt"; }
    @Override public String description() { return "human-readable run report (tables)"; }

    @Override
    public void write(RunReport r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(render(r));
        w.flush();
    }

    /** The report as text. */
    public static String render(RunReport r) {
        StringBuilder b = new StringBuilder();
        b.append("Scenario  ").append(r.scenario()).append('\n');
        if (!r.preset().isEmpty()) b.append("Machine   ").append(r.preset()).append('\n');
        b.append("Seed      ").append(r.seed()).append('\n');
        r.settings().forEach((k, v) -> b.append("Setting   ").append(k).append(" = ").append(v).append('\n'));
        b.append("Cycles    ").append(r.cycles()).append(" (").append(Decimals.format(r.simulatedMicros(), 3))
                .append(" us at ").append(Decimals.format(r.clockMhz(), 3)).append(" MHz, ").append(r.cpus())
                .append(r.cpus() == 1 ? " CPU)" : " CPUs)").append('\n');
        if (!r.endReason().isEmpty()) b.append("Ended     ").append(r.endReason()).append('\n');

        TextTable cpus = new TextTable("cpu", "elapsed", "user", "kernel", "idle", "kernel %");
        for (int c = 0; c < r.cpus(); c++) {
            long kernel = r.cyclesOf(RunReport.AccountKind.KERNEL, c);
            cpus.row(c, r.elapsedCycles().get(c), r.cyclesOf(RunReport.AccountKind.USER, c), kernel,
                    r.cyclesOf(RunReport.AccountKind.IDLE, c), Decimals.percent(kernel, r.elapsedCycles().get(c)));
        }
        section(b, "Cycles per CPU", cpus);

        TextTable threads = new TextTable("thread", "user", "kernel", "ipc sent", "ipc recv", "faults", "switches");
        for (ThreadStats t : r.threads().values()) {
            threads.row(t.name(), t.userCycles(), t.kernelCycles(), t.ipcSent(), t.ipcReceived(), t.pageFaults(), t.switches());
        }
        section(b, "Threads", threads);

        TextTable paths = new TextTable("kernel path", "count", "total", "mean", "min", "max", "instr", "priv", "memory", "(walks)", "fetch stall", "% of cycles");
        long all = 0;
        for (long e : r.elapsedCycles()) all += e;
        for (KernelPathStats p : r.kernelPaths().values()) {
            paths.row(p.name(), p.count(), p.total(), Decimals.format(p.mean(), 1), p.min(), p.max(), p.instructionCycles(), p.privilegedCycles(),
                    p.memoryCycles(), p.walkCycles(), p.fetchStallCycles(), Decimals.percent(p.total(), all));
        }
        section(b, "Kernel paths", paths);

        TextTable split = new TextTable("kernel on behalf of", "cycles", "instr", "priv", "memory", "(walks)", "fetch stall");
        for (ThreadStats t : r.threads().values()) {
            if (t.kernelCycles() == 0) continue;
            split.row(t.name(), t.kernelCycles(), t.kernelInstructionCycles(), t.kernelPrivilegedCycles(), t.kernelMemoryCycles(), t.kernelWalkCycles(),
                    t.kernelFetchStallCycles());
        }
        section(b, "Kernel cycles by thread", split);
        b.append("\nReady-queue operations: ").append(r.queueOperations()).append(" (").append(r.queueCycles()).append(" cycles)\n");

        if (!r.misses().isEmpty()) {
            List<String> levels = new java.util.ArrayList<>(r.misses().values().iterator().next().cache().keySet());
            List<String> head = new java.util.ArrayList<>(List.of("misses caused by", "tlb"));
            levels.forEach(l -> head.add(l));
            TextTable misses = new TextTable(head);
            for (Map.Entry<String, dev.mkw.sim.report.Misses> e : r.misses().entrySet()) {
                List<String> row = new java.util.ArrayList<>(List.of(e.getKey(), Long.toString(e.getValue().tlb())));
                for (String l : levels) row.add(Long.toString(e.getValue().cache().getOrDefault(l, 0L)));
                misses.row(row);
            }
            section(b, "TLB and cache misses by cause (kernel: path, user: a thread's code, kernel-for: the kernel on a thread's behalf)", misses);
        }

        TextTable ipc = new TextTable("ipc words", "count", "mean", "min", "p50", "p90", "p99", "max");
        for (Map.Entry<Integer, Histogram> e : r.ipcLatencyBySize().entrySet()) latencyRow(ipc, e.getKey().toString(), e.getValue());
        if (r.ipcLatencyBySize().size() != 1) latencyRow(ipc, "all", r.ipcLatency());
        section(b, "IPC latency (cycles)", ipc);
        if (r.ipcFootprint().measured()) {
            var f = r.ipcFootprint();
            b.append(String.format(java.util.Locale.ROOT, "IPC cache footprint: %d bytes (code %d, data %d) touched by one short IPC (%s)%n",
                    f.bytes(), f.codeBytes(), f.dataBytes(), f.path()));
        }

        TextTable irqs = new TextTable("irq", "raised", "delivered", "mean", "min", "p50", "p99", "max");
        for (IrqStats s : r.irqs().values()) {
            Histogram h = s.latency();
            irqs.row(s.line(), s.raised(), s.delivered(), Decimals.format(h.mean(), 1), h.min(), h.p50(), h.p99(), h.max());
        }
        section(b, "IRQ latency (cycles)", irqs);

        TextTable hw = new TextTable("cpu", "tlb hits", "tlb misses", "tlb flushes", "cache level", "hits", "misses", "memory");
        for (HardwareCounters h : r.hardware()) {
            if (h.caches().isEmpty()) {
                hw.row(h.cpu(), h.tlbHits(), h.tlbMisses(), h.tlbFlushes(), "-", "-", "-", h.memoryAccesses());
            }
            boolean first = true;
            for (Map.Entry<String, CacheLevelCounters> e : h.caches().entrySet()) {
                hw.row(first ? h.cpu() : "", first ? h.tlbHits() : "", first ? h.tlbMisses() : "", first ? h.tlbFlushes() : "",
                        e.getKey(), e.getValue().hits(), e.getValue().misses(), first ? h.memoryAccesses() : "");
                first = false;
            }
        }
        section(b, "Hardware counters", hw);

        if (!r.processors().isEmpty()) {
            TextTable mp = new TextTable("cpu", "busy", "IPIs sent", "IPIs taken", "shootdowns", "TLB entries shot", "shootdown wait",
                    "lock spin", "lines moved in", "copies invalidated");
            for (var p : r.processors()) {
                long busy = 0;
                for (var e : r.accounts().entrySet()) if (!e.getKey().equals(dev.mkw.sim.CycleAccounting.IDLE)) busy += p.cpu() < e.getValue().perCpu().size() ? e.getValue().perCpu().get(p.cpu()) : 0;
                mp.row(p.cpu(), busy, p.ipisSent(), p.ipisReceived(), p.shootdowns(), p.pagesShotDown(), p.shootdownWaitCycles(),
                        p.lockSpinCycles(), p.lineTransfers(), p.invalidations());
            }
            section(b, "Processors (cycles; lines moved in: from another cache that held them modified)", mp);
            Histogram cross = r.ipcLatencyCrossCpu(), local = r.ipcLatencyLocal();
            TextTable where = new TextTable("IPC between threads", "count", "mean", "p50", "p99");
            where.row("on the same processor", local.count(), Decimals.format(local.mean(), 1), local.p50(), local.p99());
            where.row("on different processors", cross.count(), Decimals.format(cross.mean(), 1), cross.p50(), cross.p99());
            section(b, "IPC latency, local vs cross-processor (cycles)", where);
        }

        if (!r.errors().isEmpty()) {
            b.append("\nErrors\n");
            for (RunError e : r.errors()) {
                b.append("  ").append(e).append('\n');
                for (String ev : e.lastEvents()) b.append("    ").append(ev).append('\n');
            }
        }
        b.append("\nTrace     ").append(r.trace().mode().name().toLowerCase(java.util.Locale.ROOT)).append(", ")
                .append(r.trace().events().size()).append(" events kept of ").append(r.trace().offered());
        if (r.trace().dropped() > 0) b.append(", ").append(r.trace().dropped()).append(" dropped by the ring");
        b.append('\n');
        return b.toString();
    }

    private static void latencyRow(TextTable t, String label, Histogram h) {
        t.row(label, h.count(), Decimals.format(h.mean(), 1), h.min(), h.p50(), h.p90(), h.p99(), h.max());
    }

    private static void section(StringBuilder b, String title, TextTable t) {
        if (t.size() == 0) return;
        b.append('\n').append(title).append('\n').append(t.render());
    }
}
