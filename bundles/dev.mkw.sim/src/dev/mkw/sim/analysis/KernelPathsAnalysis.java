package dev.mkw.sim.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.mkw.sim.export.Decimals;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;

/** Where the kernel's cycles went, dearest path first (ties by name, so the order is fixed). */
public final class KernelPathsAnalysis implements Analysis {
    @Override public String id() { return "kernel-paths"; }
    @Override public String description() { return "cycles per kernel path, with share of all kernel cycles"; }

    @Override
    public AnalysisResult analyze(RunReport r) {
        List<KernelPathStats> paths = new ArrayList<>(r.kernelPaths().values());
        paths.sort(Comparator.comparingLong(KernelPathStats::total).reversed().thenComparing(KernelPathStats::name));
        long kernel = 0;
        for (KernelPathStats p : paths) kernel += p.total();
        AnalysisResult.Builder b = new AnalysisResult.Builder("Kernel paths by cycles",
                "path", "count", "total", "mean", "min", "max", "% of kernel");
        for (KernelPathStats p : paths) {
            b.row(p.name(), p.count(), p.total(), Decimals.format(p.mean(), 1), p.min(), p.max(), Decimals.percent(p.total(), kernel));
        }
        return b.build();
    }
}
