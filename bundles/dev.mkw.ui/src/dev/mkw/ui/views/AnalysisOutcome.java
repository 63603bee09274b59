package dev.mkw.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import dev.mkw.sim.analysis.Analyses;
import dev.mkw.sim.analysis.Analysis;
import dev.mkw.sim.analysis.AnalysisResult;
import dev.mkw.sim.report.RunReport;

/**
 * One analysis applied to a run: its table, or what it threw. Each analysis runs on its own,
 * so a broken contribution costs its own table and nothing else.
 *
 * @param id     the analysis' id
 * @param origin "built-in" or the contributing plugin's symbolic name
 * @param result the table, or null if it failed
 * @param error  the failure as one line, or null
 */
public record AnalysisOutcome(String id, String description, String origin, AnalysisResult result, String error) {

    public boolean failed() {
        return error != null;
    }

    /** Apply every analysis of {@code analyses} to {@code report}, in id order. */
    public static List<AnalysisOutcome> of(Analyses analyses, RunReport report) {
        List<AnalysisOutcome> out = new ArrayList<>();
        for (Analysis a : analyses.all()) out.add(of(a, report));
        return out;
    }

    static AnalysisOutcome of(Analysis a, RunReport report) {
        String origin = origin(a);
        String id = "?", description = "";
        try {
            id = a.id();
            description = a.description();
            return new AnalysisOutcome(id, description, origin, a.analyze(report), null);
        } catch (RuntimeException | LinkageError e) {
            // A contribution's bug must not take the other tables down: show it as its error row.
            return new AnalysisOutcome(id, description, origin, null,
                    "analysis '" + id + "'" + (origin.equals(BUILT_IN) ? "" : " from plugin " + origin) + " failed: " + e);
        }
    }

    static final String BUILT_IN = "built-in";

    private static String origin(Analysis a) {
        Bundle b = FrameworkUtil.getBundle(a.getClass());
        if (b == null) return "unknown plugin";
        return b.getSymbolicName().equals("dev.mkw.sim") ? BUILT_IN : b.getSymbolicName();
    }
}
