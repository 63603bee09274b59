package dev.mkw.ui.tests;

import dev.mkw.sim.analysis.Analysis;
import dev.mkw.sim.analysis.AnalysisResult;
import dev.mkw.sim.report.RunReport;

/** A contributed analysis (see this bundle's plugin.xml) that always fails, to see the Analyses view survive it. */
public final class ThrowingAnalysis implements Analysis {
    public static final String ID = "ui-test-throws";

    @Override public String id() { return ID; }
    @Override public String description() { return "fails on purpose (UI test)"; }

    @Override
    public AnalysisResult analyze(RunReport report) {
        throw new IllegalStateException("broken on purpose for " + report.scenario());
    }
}
