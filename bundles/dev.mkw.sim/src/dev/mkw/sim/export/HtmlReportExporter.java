package dev.mkw.sim.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mkw.sim.report.CacheLevelCounters;
import dev.mkw.sim.report.Histogram;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.ThreadStats;

/**
 * The run report as one self-contained HTML page for people without the workbench: the
 * summary, then the workbench's charts as inline SVG (kernel paths, IPC latency histogram,
 * TLB and caches, CPU share per thread, a timeline excerpt), each with its numbers in a table.
 * No scripts, no external files, fixed number formats: the same report gives the same bytes.
 */
public final class HtmlReportExporter implements Exporter {
    @Override public String id() { return "html"; }
    @Override public String fileExtension() { return "html"; }
    @Override public String description() { return "self-contained HTML report with charts (inline SVG)"; }

    @Override
    public void write(RunReport r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(render(r));
        w.flush();
    }

    /** The page. */
    public static String render(RunReport r) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>MKW run: ").append(Svg.esc(r.scenario())).append("</title>\n");
        b.append("<style>body{font-family:sans-serif;margin:2em;max-width:1250px;color:#1e1e1e}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}"
                + "table{border-collapse:collapse;font-size:.9em;margin:.6em 0}td,th{border:1px solid #ddd;padding:2px 8px;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}.err{color:#b00}svg{display:block;margin:.5em 0}</style>\n</head><body>\n");
        b.append("<h1>MKW run: ").append(Svg.esc(r.scenario())).append("</h1>\n");
        summary(b, r);
        kernelPaths(b, r);
        ipcLatency(b, r);
        cacheTlb(b, r);
        cpuShare(b, r);
        timeline(b, r);
        b.append("<p><small>Written by MKW (the Microkernel Workbench). Same scenario and seed give the same report.</small></p>\n</body></html>\n");
        return b.toString();
    }

    private static void summary(StringBuilder b, RunReport r) {
        List<String[]> rows = new ArrayList<>();
        if (!r.preset().isEmpty()) rows.add(new String[] {"machine", r.preset()});
        rows.add(new String[] {"seed", Long.toString(r.seed())});
        r.settings().forEach((k, v) -> rows.add(new String[] {"setting " + k, v}));
        rows.add(new String[] {"cycles", String.format(Locale.ROOT, "%,d (%s us at %s MHz, %d CPU%s)", r.cycles(),
                Decimals.format(r.simulatedMicros(), 3), Decimals.format(r.clockMhz(), 3), r.cpus(), r.cpus() == 1 ? "" : "s")});
        if (!r.endReason().isEmpty()) rows.add(new String[] {"ended", r.endReason()});
        rows.add(new String[] {"IPCs", String.format(Locale.ROOT, "%,d", r.ipcCount())});
        rows.add(new String[] {"page faults", String.format(Locale.ROOT, "%,d", r.pageFaults())});
        table(b, List.of("", ""), rows);
        if (r.failed()) {
            b.append("<h2 class=\"err\">Errors</h2>\n<ul class=\"err\">");
            for (String line : r.errorLines()) b.append("<li>").append(Svg.esc(line)).append("</li>");
            b.append("</ul>\n");
        }
    }

    private static void kernelPaths(StringBuilder b, RunReport r) {
        b.append("<h2>Kernel paths</h2>\n");
        List<KernelPathStats> paths = r.kernelPaths().values().stream().filter(p -> p.total() > 0)
                .sorted(Comparator.comparingLong(KernelPathStats::total).reversed().thenComparing(KernelPathStats::name)).toList();
        if (paths.isEmpty()) {
            b.append("<p>No kernel path ran.</p>\n");
            return;
        }
        List<Svg.Row> bars = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (KernelPathStats p : paths) {
            bars.add(new Svg.Row(p.name(), new long[] {p.total()}, String.format(Locale.ROOT, "%,d cyc (%,d x %s)", p.total(), p.count(), Decimals.format(p.mean(), 1))));
            rows.add(new String[] {p.name(), num(p.count()), num(p.total()), Decimals.format(p.mean(), 1), num(p.min()), num(p.max())});
        }
        b.append(Svg.bars("Kernel paths: total cycles (count x mean)", List.of("cycles"), bars)).append('\n');
        table(b, List.of("kernel path", "count", "total", "mean", "min", "max"), rows);
    }

    private static void ipcLatency(StringBuilder b, RunReport r) {
        b.append("<h2>IPC latency</h2>\n");
        Histogram h = r.ipcLatency();
        if (h.count() == 0) {
            b.append("<p>No IPC in this run.</p>\n");
            return;
        }
        List<long[]> buckets = new ArrayList<>();
        for (Histogram.Bucket bk : h.buckets()) buckets.add(new long[] {bk.lower(), bk.upper(), bk.count()});
        b.append(Svg.histogram("IPC latency: send to receiver running with the message", buckets, "cycles")).append('\n');
        table(b, List.of("IPCs", "min", "p50", "p90", "p99", "max", "mean"), List.<String[]>of(new String[] {num(h.count()), num(h.min()),
                num(h.p50()), num(h.p90()), num(h.p99()), num(h.max()), Decimals.format(h.mean(), 1)}));
    }

    private static void cacheTlb(StringBuilder b, RunReport r) {
        b.append("<h2>TLB and caches</h2>\n");
        List<Svg.Row> bars = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        level(bars, rows, "TLB", new CacheLevelCounters(r.tlbHits(), r.tlbMisses()));
        for (Map.Entry<String, CacheLevelCounters> e : r.cacheTotals().entrySet()) level(bars, rows, e.getKey(), e.getValue());
        b.append(Svg.bars("TLB and caches: hits and misses (all CPUs)", List.of("hits", "misses"), bars)).append('\n');
        table(b, List.of("level", "hits", "misses", "miss rate"), rows);
    }

    private static void level(List<Svg.Row> bars, List<String[]> rows, String name, CacheLevelCounters c) {
        String rate = Decimals.format(100 * c.missRate(), 2) + " %";
        bars.add(new Svg.Row(name, new long[] {c.hits(), c.misses()}, String.format(Locale.ROOT, "%,d / %,d  miss %s", c.hits(), c.misses(), rate)));
        rows.add(new String[] {name, num(c.hits()), num(c.misses()), rate});
    }

    private static void cpuShare(StringBuilder b, RunReport r) {
        b.append("<h2>CPU share</h2>\n");
        long all = 0;
        for (long v : r.accountTotals().values()) all += v;
        List<Svg.Row> bars = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (ThreadStats t : r.threads().values()) {
            long sum = t.userCycles() + t.kernelCycles();
            bars.add(new Svg.Row(t.name(), new long[] {t.userCycles(), t.kernelCycles(), 0}, share(sum, all)));
            rows.add(new String[] {t.name(), num(t.userCycles()), num(t.kernelCycles()), share(sum, all)});
        }
        long idle = r.cyclesOf(RunReport.AccountKind.IDLE, -1);
        bars.add(new Svg.Row("idle", new long[] {0, 0, idle}, share(idle, all)));
        rows.add(new String[] {"idle", "", "", share(idle, all)});
        b.append(Svg.bars("CPU share per thread: user and kernel cycles, and idle (all CPUs)", List.of("user", "kernel", "idle"), bars)).append('\n');
        table(b, List.of("thread", "user cycles", "kernel cycles", "share"), rows);
    }

    private static String share(long cycles, long all) {
        return String.format(Locale.ROOT, "%,d cyc  %s %%", cycles, Decimals.format(all == 0 ? 0 : 100.0 * cycles / all, 1));
    }

    private static void timeline(StringBuilder b, RunReport r) {
        b.append("<h2>Timeline excerpt</h2>\n");
        TimelineExcerpt t = TimelineExcerpt.of(r);
        if (t == null) {
            b.append("<p>Tracing was off for this run, so there is no timeline (run with a trace: <code>run ... trace on</code>).</p>\n");
            return;
        }
        b.append(String.format(Locale.ROOT, "<p>Cycles %,d to %,d of the recorded trace: %d IPC%s as arrows from sender to receiver%s.</p>%n",
                t.from(), t.to(), t.arrows(), t.arrows() == 1 ? "" : "s",
                r.trace().dropped() > 0 ? String.format(Locale.ROOT, " (the trace ring kept the last events; %,d earlier ones were dropped)", r.trace().dropped()) : ""));
        b.append(t.svg()).append('\n');
    }

    private static void table(StringBuilder b, List<String> header, List<String[]> rows) {
        b.append("<table>");
        if (header.stream().anyMatch(h -> !h.isEmpty())) {
            b.append("<tr>");
            for (String h : header) b.append("<th>").append(Svg.esc(h)).append("</th>");
            b.append("</tr>");
        }
        for (String[] row : rows) {
            b.append("<tr>");
            for (String c : row) b.append("<td>").append(Svg.esc(c)).append("</td>");
            b.append("</tr>");
        }
        b.append("</table>\n");
    }

    private static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
