package dev.mkw.sim.analysis;

import dev.mkw.sim.export.Decimals;
import dev.mkw.sim.report.Histogram;
import dev.mkw.sim.report.IrqStats;
import dev.mkw.sim.report.RunReport;

/** Interrupt latency per line: raise to delivery to the handler thread. */
public final class IrqLatencyAnalysis implements Analysis {
    @Override public String id() { return "irq-latency"; }
    @Override public String description() { return "IRQ delivery latency in cycles per line"; }

    @Override
    public AnalysisResult analyze(RunReport r) {
        AnalysisResult.Builder b = new AnalysisResult.Builder("IRQ latency (cycles) by line",
                "line", "raised", "delivered", "mean", "min", "p50", "p90", "p99", "max");
        for (IrqStats s : r.irqs().values()) {
            Histogram h = s.latency();
            b.row(s.line(), s.raised(), s.delivered(), Decimals.format(h.mean(), 1), h.min(), h.p50(), h.p90(), h.p99(), h.max());
        }
        return b.build();
    }
}
