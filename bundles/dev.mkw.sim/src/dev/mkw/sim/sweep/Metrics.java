package dev.mkw.sim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import dev.mkw.sim.export.Decimals;
import dev.mkw.sim.report.CacheLevelCounters;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;

/**
 * The metrics a sweep can tabulate. {@link #standard()} is the default column set; {@link
 * #parse} also understands {@code path:NAME} (a kernel path's total cycles), {@code
 * path-count:NAME}, {@code thread:NAME} (a thread's user cycles), {@code cache:LEVEL}
 * (a cache level's misses over all CPUs) and {@code one-way:PATH@THREAD} (a one-way IPC as
 * measured from user level, {@link OneWayFigure}: PATH's mean cycles plus THREAD's user cycles
 * from getting a message to sending its next).
 */
public final class Metrics {
    private Metrics() {}

    public static List<Metric> standard() {
        List<Metric> m = new ArrayList<>();
        m.add(count("cycles", RunReport::cycles));
        m.add(decimal("simulated_us", r -> r.simulatedMicros()));
        m.add(count("user_cycles", r -> r.cyclesOf(RunReport.AccountKind.USER, -1)));
        m.add(count("kernel_cycles", r -> r.cyclesOf(RunReport.AccountKind.KERNEL, -1)));
        m.add(count("idle_cycles", r -> r.cyclesOf(RunReport.AccountKind.IDLE, -1)));
        m.add(count("ipc_count", RunReport::ipcCount));
        m.add(decimal("ipc_avg_cycles", r -> r.ipcLatency().mean()));
        m.add(count("ipc_min_cycles", r -> r.ipcLatency().min()));
        m.add(count("ipc_p50_cycles", r -> r.ipcLatency().p50()));
        m.add(count("ipc_p99_cycles", r -> r.ipcLatency().p99()));
        m.add(count("ipc_max_cycles", r -> r.ipcLatency().max()));
        m.add(count("page_faults", RunReport::pageFaults));
        m.add(count("tlb_misses", RunReport::tlbMisses));
        m.add(count("tlb_flushes", RunReport::tlbFlushes));
        m.add(count("memory_accesses", RunReport::memoryAccesses));
        m.add(count("irqs_delivered", RunReport::irqsDelivered));
        m.add(decimal("irq_avg_latency_cycles", r -> r.irqLatency().mean()));
        return m;
    }

    /**
     * Metrics a sweep or an experiment can ask for by name but that are not among the standard
     * columns (so the default CSV keeps its columns): the ready queue's work.
     */
    public static List<Metric> extra() {
        return List.of(count("queue_ops", RunReport::queueOperations), count("queue_cycles", RunReport::queueCycles));
    }

    /** A metric by name: a standard one, an {@link #extra} one or a {@code prefix:NAME} one. */
    public static Metric parse(String name) {
        for (Metric m : standard()) if (m.name().equals(name)) return m;
        for (Metric m : extra()) if (m.name().equals(name)) return m;
        int colon = name.indexOf(':');
        String arg = colon < 0 ? "" : name.substring(colon + 1);
        if (!arg.isEmpty()) {
            switch (name.substring(0, colon)) {
                case "path": return count(name, r -> path(r, arg).total());
                case "path-count": return count(name, r -> path(r, arg).count());
                case "thread": return count(name, r -> r.threads().containsKey(arg) ? r.threads().get(arg).userCycles() : 0);
                case "cache": return count(name, r -> r.cacheTotals().getOrDefault(arg, new CacheLevelCounters(0, 0)).misses());
                case "one-way": {
                    int at = arg.indexOf('@');
                    if (at <= 0 || at == arg.length() - 1) break;
                    String path = arg.substring(0, at), thread = arg.substring(at + 1);
                    // Empty when the run took no such path or the thread answered nothing: no figure, not 0.
                    return new Metric(name, r -> {
                        double v = OneWayFigure.cycles(r, path, thread);
                        return Double.isNaN(v) ? "" : Decimals.format(v, 3);
                    }, Metric.Kind.DECIMAL);
                }
                default: break;
            }
        }
        List<String> known = new ArrayList<>();
        for (Metric m : standard()) known.add(m.name());
        for (Metric m : extra()) known.add(m.name());
        throw new IllegalArgumentException("no metric '" + name + "'; known: " + String.join(", ", known)
                + ", path:NAME, path-count:NAME, thread:NAME, cache:LEVEL, one-way:PATH@THREAD");
    }

    private static KernelPathStats path(RunReport r, String name) {
        return r.kernelPaths().getOrDefault(name, new KernelPathStats(name, 0, 0, 0, 0));
    }

    private static Metric count(String name, ToLongFunction<RunReport> f) {
        return new Metric(name, r -> Long.toString(f.applyAsLong(r)), Metric.Kind.COUNT);
    }

    private static Metric decimal(String name, ToDoubleFunction<RunReport> f) {
        return new Metric(name, r -> Decimals.format(f.applyAsDouble(r), 3), Metric.Kind.DECIMAL);
    }
}
