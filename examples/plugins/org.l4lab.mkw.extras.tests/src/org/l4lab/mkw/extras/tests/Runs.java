package org.l4lab.mkw.extras.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.run.ReportAssembler;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.report.RunReport;

/** Runs a scenario text the way ./mkw run does: load and validate, build the machine, run, report. */
final class Runs {
    private Runs() {}

    static Simulation simulate(String scenarioText) {
        LoadResult loaded = ScenarioLoader.standalone().load(scenarioText, "plugin-test.mkw");
        assertFalse(loaded.hasErrors(), () -> "scenario does not load: " + loaded.diagnostics());
        Scenario s = loaded.scenario();
        Simulation sim = Simulation.create(s, MachinePresets.get().machine(s.machine().preset(), s.machine().overrides()));
        sim.run();
        return sim;
    }

    static RunReport report(Simulation sim) {
        return ReportAssembler.report(sim, Map.of(), "test");
    }

    static RunReport run(String scenarioText) {
        return report(simulate(scenarioText));
    }
}
