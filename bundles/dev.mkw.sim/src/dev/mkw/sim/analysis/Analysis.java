package dev.mkw.sim.analysis;

import dev.mkw.sim.report.RunReport;

/**
 * A statistic over a finished run, as a table. Must be deterministic. Contribute one
 * through the {@code dev.mkw.sim.analyses} extension point, a
 * {@code META-INF/services/dev.mkw.sim.analysis.Analysis} entry, or {@link Analyses#register}.
 */
public interface Analysis {
    /** A short stable id: {@code ipc-latency}, {@code kernel-paths}, {@code cache-tlb}. */
    String id();

    /** One line saying what the table shows. */
    String description();

    AnalysisResult analyze(RunReport report);
}
