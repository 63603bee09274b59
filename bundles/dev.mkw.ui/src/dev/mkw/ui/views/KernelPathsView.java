package dev.mkw.ui.views;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.ui.charts.BarChartData;
import dev.mkw.ui.run.RunResults;

/**
 * Cycles per kernel path of the latest run: how often each path ran and what it cost, as a
 * table and as a bar chart beside it (with the previous finished run's bars for comparison).
 * Beside the cycles and their split, the TLB and cache misses each path caused. The status line gives the IPC cache footprint: the distinct kernel code and data one short
 * IPC touched.
 */
public final class KernelPathsView extends RunTableView<KernelPathStats> {
    public static final String ID = "dev.mkw.ui.views.kernelPaths";

    @Override
    protected List<Column<KernelPathStats>> columns() {
        return List.of(
                new Column<>("Kernel path", 140, KernelPathStats::name),
                new Column<>("Count", 80, p -> Long.toString(p.count())),
                new Column<>("Total cycles", 100, p -> Long.toString(p.total())),
                new Column<>("Mean", 80, p -> String.format("%.1f", p.mean())),
                new Column<>("Min", 70, p -> Long.toString(p.min())),
                new Column<>("Max", 70, p -> Long.toString(p.max())),
                new Column<>("Instructions", 90, p -> Long.toString(p.instructionCycles())),
                new Column<>("Privileged", 80, p -> Long.toString(p.privilegedCycles())),
                new Column<>("Memory", 80, p -> Long.toString(p.memoryCycles())),
                new Column<>("Fetch stalls", 90, p -> Long.toString(p.fetchStallCycles())),
                new Column<>("TLB misses", 80, p -> Long.toString(p.tlbMisses())),
                new Column<>("Cache misses", 90, p -> Long.toString(p.cacheMisses())));
    }

    @Override
    protected String statusDetail(RunResults.Run run) {
        var f = run.report().ipcFootprint();
        if (!f.measured()) return "";
        return String.format("; IPC cache footprint %,d bytes (code %,d, data %,d) of one short IPC (%s)", f.bytes(), f.codeBytes(), f.dataBytes(), f.path());
    }

    @Override
    protected BarChartData chart(List<RunResults.Run> runs) {
        return ProfileData.kernelPaths(runs);
    }

    @Override
    protected List<KernelPathStats> rows(RunResults.Run run) {
        return new ArrayList<>(run.report().kernelPaths().values());
    }
}
