package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;

/**
 * The x86 I/O permission bitmap per task (Intel SDM vol. 1, §19.5 "I/O permission bit map";
 * L4 X.2 reference manual, "IO-Fpages"): a user-level driver may use exactly the ports its task
 * was given, both ends of a range included; any other port is a protection fault (#GP, vector
 * 13), delivered to the exception handler like any exception.
 */
class IoPermissionsTest {

    @Test
    void ioPortsOutsideTheBitmapFault() {
        var t = thread("d", 10, new Op.IoAccess(c(0x3f8), false, AT), new Op.IoAccess(c(0x60), false, AT));
        TaskSpec task = new TaskSpec("drv", null, null, List.of(), List.of(new TaskSpec.IoPortRange(0x3f8, 0x3ff)), List.of(), List.of(t), AT);
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task));
        assertEquals(1, sim.inspector().errors().size());
        assertTrue(sim.inspector().errors().get(0).message().contains("I/O port 0x60 not in the task's I/O bitmap"), sim.inspector().errors().toString());
    }

    /**
     * Ports 0x3f8 and 0x3ff, the range's ends, are allowed; 0x3f7 and 0x400, just outside, each
     * raise #GP, which the handler receives; another task holds no ports at all.
     */
    @Test
    void exactlyTheGivenRangeIsAllowed() {
        var d = new ThreadSpec("d", 10, 0, 0, false, null, "sup.h", List.of(new Op.IoAccess(c(0x3f8), true, AT), new Op.IoAccess(c(0x3ff), false, AT),
                new Op.IoAccess(c(0x3f7), false, AT), new Op.IoAccess(c(0x400), true, AT)), AT);
        var other = new ThreadSpec("o", 10, 0, 0, false, null, "sup.h", List.of(new Op.IoAccess(c(0x3f8), false, AT)), AT);
        MessageSpec resume = new MessageSpec(null, c(0), List.of(), List.of());
        var handler = thread("h", 100, repeat(3, waitAny("e"), new Op.Let("v", new Expr.Field("e", "exception"), AT),
                new Op.Reply(new Target.Sender("e"), resume, AT)));
        TaskSpec drv = new TaskSpec("drv", null, null, List.of(), List.of(new TaskSpec.IoPortRange(0x3f8, 0x3ff)), List.of(), List.of(d), AT);
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), drv, task("app", null, other), task("sup", null, handler)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(3, sim.inspector().path("exception").count(), "0x3f7, 0x400 and the other task's 0x3f8");
        assertEquals(13L, sim.userState("sup.h").variable("v"), "a #GP");
        assertEquals("DEAD", sim.inspector().thread("drv.d").state(), "the driver went on after each fault");
    }
}
