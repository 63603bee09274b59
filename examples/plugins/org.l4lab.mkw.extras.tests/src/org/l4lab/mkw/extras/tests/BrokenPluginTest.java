package org.l4lab.mkw.extras.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelError;
import dev.mkw.run.Simulation;
import dev.mkw.sim.analysis.Analyses;
import dev.mkw.sim.report.RunReport;

/**
 * A plugin whose contribution throws is named (this bundle, org.l4lab.mkw.extras.tests,
 * contributes deliberately broken ones), switched off, and everything else goes on.
 */
class BrokenPluginTest {
    private static final String PLUGIN = "org.l4lab.mkw.extras.tests";

    @Test
    void aThrowingSchedulerPolicyIsReplacedByTheBuiltInOne() {
        Simulation sim = Runs.simulate("""
                scenario Explodes "a policy that throws"
                machine preset pentium_100
                kernel { scheduler explodes timeslice 5000 cycles }
                task work pager root {
                    thread a priority 10 { repeat 20 { compute 1000 cycles } }
                    thread b priority 10 { repeat 20 { compute 1000 cycles } }
                }
                run until all-done seed 1
                """);
        List<KernelError> errors = sim.inspector().errors();
        assertEquals(1, errors.size(), errors.toString());
        String m = errors.get(0).message();
        assertTrue(m.startsWith("scheduler policy 'explodes' (plugin " + PLUGIN + ") failed: java.lang.IllegalStateException: boom in choose"), m);
        assertTrue(m.endsWith("the built-in priority-rr schedules the rest of the run"), m);
        assertTrue(sim.isFinished(), "both threads ran to their end under the built-in policy");
        assertEquals(20_000, Runs.report(sim).threads().get("work.a").userCycles(), 2_000);
    }

    @Test
    void aThrowingDeviceIsDroppedAndTheRunGoesOn() {
        Simulation sim = Runs.simulate("""
                scenario FaultyDevice "a device that throws"
                machine preset pentium_100
                task work pager root {
                    thread a priority 10 { repeat 50 { compute 1000 cycles } }
                }
                device faulty f0 irq 9
                run until all-done seed 1
                """);
        List<KernelError> errors = sim.inspector().errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().startsWith("device f0 (plugin " + PLUGIN + ") failed at cycle 2000: java.lang.IllegalStateException: boom in the device"),
                errors.get(0).message());
        assertTrue(sim.isFinished(), "the thread ran to its end");
        RunReport r = Runs.report(sim);
        assertEquals(1, r.irqs().get(9).raised());
    }

    @Test
    void aThrowingAnalysisIsReportedAndTheOthersStillRun() {
        RunReport r = Runs.run("""
                scenario Quiet "nothing much"
                machine preset pentium_100
                task work pager root { thread a priority 10 { compute 1000 cycles } }
                run until all-done seed 1
                """);
        List<Analyses.Outcome> outcomes = Analyses.discover().runAll(r);
        Analyses.Outcome broken = outcomes.stream().filter(o -> o.id().equals("broken")).findFirst().orElseThrow();
        assertTrue(broken.failed());
        assertEquals("analysis 'broken' (plugin " + PLUGIN + ") failed: java.lang.IllegalStateException: boom in the analysis; skipped", broken.failure());
        assertTrue(outcomes.stream().filter(o -> !o.id().equals("broken")).noneMatch(Analyses.Outcome::failed), outcomes.toString());
        assertTrue(outcomes.stream().anyMatch(o -> o.id().equals("ipc-cost-by-size") && o.plugin().equals("org.l4lab.mkw.extras")), outcomes.toString());
    }
}
