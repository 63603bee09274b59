package dev.mkw.sim.analysis;

import java.util.Map;

import dev.mkw.sim.export.Decimals;
import dev.mkw.sim.report.Histogram;
import dev.mkw.sim.report.RunReport;

/** IPC latency per message size: how the cost grows with the words copied. */
public final class IpcLatencyAnalysis implements Analysis {
    @Override public String id() { return "ipc-latency"; }
    @Override public String description() { return "IPC latency in cycles per message size (count, mean, percentiles)"; }

    @Override
    public AnalysisResult analyze(RunReport r) {
        AnalysisResult.Builder b = new AnalysisResult.Builder("IPC latency (cycles) by message size",
                "words", "count", "mean", "min", "p50", "p90", "p99", "max");
        for (Map.Entry<Integer, Histogram> e : r.ipcLatencyBySize().entrySet()) row(b, e.getKey().toString(), e.getValue());
        row(b, "all", r.ipcLatency());
        return b.build();
    }

    private static void row(AnalysisResult.Builder b, String label, Histogram h) {
        b.row(label, h.count(), Decimals.format(h.mean(), 1), h.min(), h.p50(), h.p90(), h.p99(), h.max());
    }
}
