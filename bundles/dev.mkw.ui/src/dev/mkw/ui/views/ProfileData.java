package dev.mkw.ui.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import dev.mkw.sim.report.CacheLevelCounters;
import dev.mkw.sim.report.Histogram;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.ThreadStats;
import dev.mkw.ui.charts.BarChartData;
import dev.mkw.ui.charts.HistogramData;
import dev.mkw.ui.run.RunResults;

/**
 * Turns one run, or a run and the previous one, into the profile views' chart data. Cheap:
 * the report has aggregated everything already, so this runs on the UI thread. Rows present
 * in only one run get a zero bar in the other, so the comparison never silently drops a row.
 */
final class ProfileData {
    private ProfileData() {}

    static final String NO_RUN = "No run yet: run a .mkw scenario (right-click > Run MKW Scenario, or Run Control).";

    /** The status line above a chart: which run is shown and what it is compared with. */
    static String status(List<RunResults.Run> runs) {
        if (runs.isEmpty()) return NO_RUN;
        RunReport r = runs.get(0).report();
        String s = runs.get(0).label() + ": " + String.format("%,d", r.cycles()) + " cycles, " + r.endReason();
        return runs.size() > 1 ? s + "   |   compared with previous run " + runs.get(1).label() : s;
    }

    /** The runs compared: the latest, then the previous finished one if it exists and differs. */
    static List<RunResults.Run> runs(RunResults.Run latest, RunResults.Run previous) {
        List<RunResults.Run> l = new ArrayList<>();
        if (latest != null) l.add(latest);
        if (latest != null && previous != null && previous != latest) l.add(previous);
        return l;
    }

    static List<String> names(List<RunResults.Run> runs) {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) n.add((i == 0 ? "current: " : "previous: ") + runs.get(i).label());
        return n;
    }

    /** Cycles per kernel path, dearest first (by the current run); paths that never ran are left out. */
    static BarChartData kernelPaths(List<RunResults.Run> runs) {
        String title = "Kernel paths: total cycles (count x mean)";
        if (runs.isEmpty()) return BarChartData.empty(title, NO_RUN);
        Map<String, KernelPathStats> cur = runs.get(0).report().kernelPaths();
        Set<String> names = new LinkedHashSet<>();
        cur.values().stream().filter(p -> p.total() > 0)
                .sorted(Comparator.comparingLong(KernelPathStats::total).reversed().thenComparing(KernelPathStats::name))
                .forEach(p -> names.add(p.name()));
        for (RunResults.Run r : runs) r.report().kernelPaths().values().stream().filter(p -> p.total() > 0).forEach(p -> names.add(p.name()));
        List<BarChartData.Group> groups = new ArrayList<>();
        for (String n : names) {
            List<BarChartData.Bar> bars = new ArrayList<>();
            for (RunResults.Run r : runs) {
                KernelPathStats p = r.report().kernelPaths().getOrDefault(n, new KernelPathStats(n, 0, 0, 0, 0));
                bars.add(new BarChartData.Bar(new long[] {p.total()}, String.format("%,d cyc (%,d x %.1f)", p.total(), p.count(), p.mean())));
            }
            groups.add(new BarChartData.Group(n, bars));
        }
        return new BarChartData(title, List.of("cycles"), names(runs), groups, "No kernel path ran (yet).");
    }

    /** Hits and misses per translation/cache level over all CPUs, with the miss rate after the bar. */
    static BarChartData cacheTlb(List<RunResults.Run> runs) {
        String title = "TLB and caches: hits and misses (all CPUs)";
        if (runs.isEmpty()) return BarChartData.empty(title, NO_RUN);
        Set<String> levels = new LinkedHashSet<>();
        levels.add("TLB");
        for (RunResults.Run r : runs) levels.addAll(r.report().cacheTotals().keySet());
        List<BarChartData.Group> groups = new ArrayList<>();
        for (String level : levels) {
            List<BarChartData.Bar> bars = new ArrayList<>();
            for (RunResults.Run r : runs) {
                RunReport rep = r.report();
                SortedMap<String, CacheLevelCounters> caches = rep.cacheTotals();
                CacheLevelCounters c = level.equals("TLB") ? new CacheLevelCounters(rep.tlbHits(), rep.tlbMisses())
                        : caches.getOrDefault(level, new CacheLevelCounters(0, 0));
                bars.add(new BarChartData.Bar(new long[] {c.hits(), c.misses()},
                        String.format("%,d / %,d  miss %.2f%%", c.hits(), c.misses(), 100 * c.missRate())));
            }
            groups.add(new BarChartData.Group(level, bars));
        }
        return new BarChartData(title, List.of("hits", "misses"), names(runs), groups, "");
    }

    /** Per thread user and kernel cycles, plus idle, as shares of all accounted cycles. */
    static BarChartData cpuShare(List<RunResults.Run> runs) {
        String title = "CPU share per thread: user and kernel cycles, and idle (all CPUs)";
        if (runs.isEmpty()) return BarChartData.empty(title, NO_RUN);
        Set<String> threads = new LinkedHashSet<>();
        for (RunResults.Run r : runs) threads.addAll(r.report().threads().keySet());
        List<BarChartData.Group> groups = new ArrayList<>();
        for (String t : threads) {
            List<BarChartData.Bar> bars = new ArrayList<>();
            for (RunResults.Run r : runs) {
                ThreadStats s = r.report().threads().get(t);
                long user = s == null ? 0 : s.userCycles(), kernel = s == null ? 0 : s.kernelCycles();
                bars.add(new BarChartData.Bar(new long[] {user, kernel, 0}, share(user + kernel, r.report())));
            }
            groups.add(new BarChartData.Group(t, bars));
        }
        List<BarChartData.Bar> idle = new ArrayList<>();
        for (RunResults.Run r : runs) {
            long i = r.report().cyclesOf(RunReport.AccountKind.IDLE, -1);
            idle.add(new BarChartData.Bar(new long[] {0, 0, i}, share(i, r.report())));
        }
        groups.add(new BarChartData.Group("idle", idle));
        return new BarChartData(title, List.of("user", "kernel", "idle"), names(runs), groups, "");
    }

    private static String share(long cycles, RunReport r) {
        long all = 0;
        for (long v : r.accountTotals().values()) all += v;
        return String.format("%,d cyc  %.1f%%", cycles, all == 0 ? 0 : 100.0 * cycles / all);
    }

    /** The IPC latency histogram of each run. */
    static HistogramData ipcLatency(List<RunResults.Run> runs) {
        List<Histogram> hs = new ArrayList<>();
        for (RunResults.Run r : runs) hs.add(r.report().ipcLatency());
        return HistogramData.of("IPC latency: send to receiver running with the message", names(runs), hs, "cycles",
                runs.isEmpty() ? NO_RUN : "No IPC in this run.");
    }
}
