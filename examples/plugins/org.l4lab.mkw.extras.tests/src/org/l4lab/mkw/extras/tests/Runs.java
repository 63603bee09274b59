package org.l4lab.mkw.extras.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.WeakHashMap;

import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.run.RunPipeline;
import dev.mkw.run.RunRefused;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.report.RunReport;

/** Runs a scenario text the way ./mkw run does: load and validate, then MKW's {@link RunPipeline} (machine, run, report). */
final class Runs {
    private Runs() {}

    static Simulation simulate(String scenarioText) {
        LoadResult loaded = ScenarioLoader.standalone().load(scenarioText, "plugin-test.mkw");
        assertFalse(loaded.hasErrors(), () -> "scenario does not load: " + loaded.diagnostics());
        Scenario s = loaded.scenario();
        Simulation sim;
        try {
            sim = RunPipeline.prepare(s);
        } catch (RunRefused e) {
            throw new AssertionError("the scenario cannot run: " + e.getMessage(), e);
        }
        String end = RunPipeline.endReason(sim, sim.run());
        synchronized (ENDED) {
            ENDED.put(sim, end);
        }
        return sim;
    }

    /** Why each simulation of {@link #simulate} ended, for its report. */
    private static final Map<Simulation, String> ENDED = new WeakHashMap<>();

    static RunReport report(Simulation sim) {
        synchronized (ENDED) {
            return RunPipeline.report(sim, ENDED.getOrDefault(sim, ""));
        }
    }

    static RunReport run(String scenarioText) {
        return report(simulate(scenarioText));
    }
}
