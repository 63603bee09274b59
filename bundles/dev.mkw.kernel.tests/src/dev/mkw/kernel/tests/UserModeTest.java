package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.ThreadSpec;
import dev.mkw.scenario.Timeout;

/**
 * The CPU in user mode: plain computation costs the thread exactly its cycles; an access
 * outside user space is a protection fault (#GP, vector 13) that goes to the exception handler;
 * the virtual interrupt flag of a user-level driver (cli/sti) holds its interrupts pending while
 * clear (L4 X.2 reference manual, "Interrupts": a driver masks by not receiving); the simulated
 * clock cannot be wrapped by a program.
 */
class UserModeTest {
    /** Runs with devices end here at the latest: a kernel that loses an interrupt fails the test instead of running on forever. */

    @Test
    void computationCostsTheThreadExactlyItsCycles() {
        RawThread code = new RawThread(cpu -> cpu.compute(1000), cpu -> cpu.compute(234));
        Simulation sim = RawThread.run(scenario("i486_50", KernelConfig.defaults(), task("a", null, thread("t", 10, new Op.Exit(AT)))), Map.of("t", code));
        assertEquals(1234, sim.inspector().thread("a.t").userCycles());
        assertEquals("DEAD", sim.inspector().thread("a.t").state(), "returning false from its code ends the thread");
    }

    @Test
    void aComputationPastTheClocksRangeIsRefused() {
        RawThread code = new RawThread(cpu -> cpu.compute(Long.MAX_VALUE), cpu -> cpu.compute(1));
        Simulation sim = RawThread.run(scenario("i486_50", KernelConfig.defaults(), task("a", null, thread("t", 10, new Op.Exit(AT)))), Map.of("t", code));
        var e = sim.inspector().errors().get(0);
        assertTrue(e.message().endsWith("would take the simulated clock past 2^62 cycles"), e.message());
        assertTrue(e.fatal());
        assertEquals(1, code.stepsRun(), "the thread ended there");
        assertTrue(sim.engine().cpuClock(0) < 1L << 40, "the clock did not run away");
    }

    @Test
    void anAccessToTheKernelRegionIsAProtectionFaultForTheHandler() {
        var f = new ThreadSpec("f", 10, 0, 0, false, null, "sup.h", List.of(new Op.Access(c(0xC000_1000L), Op.AccessKind.READ, AT), new Op.Let("after", c(1), AT)), AT);
        var h = thread("h", 100, waitAny("e"), new Op.Let("v", new Expr.Field("e", "exception"), AT), new Op.Reply(new Target.Sender("e"), MessageSpec.EMPTY, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("app", null, f), task("sup", null, h)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(13L, sim.userState("sup.h").variable("v"));
        assertEquals(1L, sim.userState("app.f").variable("after"));

        Simulation alone = run(scenario("i486_50", KernelConfig.defaults(), task("app", null, thread("f", 10, new Op.Access(c(0xC000_1000L), Op.AccessKind.WRITE, AT)))));
        assertEquals("unhandled exception PROTECTION_FAULT (address 0xc0001000 is outside user space): the thread has no exception handler",
                alone.inspector().errors().get(0).message());
    }

    /** With its interrupt flag clear a driver's receive does not get the interrupt that came; after sti the next receive gets it at once. */
    @Test
    void aClearedInterruptFlagHoldsInterruptsPending() {
        var driver = thread("h", 200, new Op.AttachIrq(4, AT), new Op.SetInterruptFlag(false, AT),
                new Op.Receive(new Target.Irq(4), null, "held", Timeout.cycles(120_000), AT),
                new Op.SetInterruptFlag(true, AT), new Op.Receive(new Target.Irq(4), null, "got", Timeout.ZERO, AT), new Op.AckIrq(4, AT));
        Simulation sim = run(Scenarios.withUart(KernelConfig.defaults(), driver));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertTrue(sim.userState("drv.h").received("held").timedOut(), "the interrupt at cycle 50000 was held");
        assertEquals(0, sim.userState("drv.h").received("got").error());
        assertEquals(4, sim.userState("drv.h").received("got").irq());
    }
}
