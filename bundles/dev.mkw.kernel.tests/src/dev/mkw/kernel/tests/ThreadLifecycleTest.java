package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.abi.IpcError;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.Timeout;

/**
 * The end of a thread (L4 X.2 reference manual, "ThreadControl" deleting a thread; seL4
 * TCB_Suspend): it leaves the scheduler for good, lets go of its interrupt lines, and every
 * thread blocked sending to it gets its IPC aborted (X.2 error ABORTED, send phase) instead of
 * waiting forever; a thread whose page fault waited in the queue of a pager that ends can never
 * go on, which the run reports.
 */
class ThreadLifecycleTest {
    /** Runs with devices end here at the latest: a kernel that loses an interrupt fails the test instead of running on forever. */

    private static Op keepError(String var) { return new Op.Let(var, new Expr.Field("_", "error"), AT); }

    @Test
    void threadsSendingToAThreadThatEndsHaveTheirIpcAborted() {
        var r = thread("r", 5, new Op.Compute(c(20_000), AT), new Op.Exit(AT));
        var s1 = thread("s1", 10, new Op.Send(new Target.Thread("b.r"), words(1), Timeout.NEVER, AT), keepError("err"));
        var s2 = thread("s2", 10, new Op.Send(new Target.Thread("b.r"), words(2), Timeout.NEVER, AT), keepError("err"));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("a", null, s1, s2), task("b", null, r)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        long aborted = IpcError.code(IpcError.ABORTED, IpcError.SEND_PHASE);
        assertEquals(aborted, sim.userState("a.s1").variable("err"));
        assertEquals(aborted, sim.userState("a.s2").variable("err"));
        assertEquals("DEAD", sim.inspector().thread("a.s1").state(), "the senders went on to their end");
        assertEquals("DEAD", sim.inspector().thread("b.r").state());
        assertEquals(0, sim.inspector().thread("b.r").ipcsReceived(), "nothing was delivered to the dead thread");
    }

    @Test
    void aThreadThatEndsLetsGoOfItsInterruptLine() {
        var driver = thread("h", 200, new Op.AttachIrq(4, AT), new Op.Compute(c(80_000), AT), new Op.Exit(AT));
        var app = thread("w", 10, new Op.Compute(c(300_000), AT));
        Scenario s = Scenarios.withUart(KernelConfig.defaults(), driver, task("app", null, app));
        Simulation sim = Simulation.create(s, MachinePresets.get().machine("i486_50", 0));
        sim.stepCycles(60_000);
        assertEquals("drv.h", sim.inspector().irqHandler(4));
        assertTrue(sim.inspector().irqs().stream().anyMatch(i -> i.line() == 4 && i.masked()), "held for the busy driver");
        sim.run();
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertNull(sim.inspector().irqHandler(4), "detached at its end");
        assertFalse(sim.inspector().irqs().stream().anyMatch(i -> i.line() == 4 && i.masked()), "and the line is no longer held masked for it");
    }

    @Test
    void aFaultQueuedAtAPagerThatEndsIsReported() {
        TaskSpec mem = new TaskSpec("mem", null, null, List.of(), List.of(), List.of(),
                List.of(thread("p", 5, new Op.Compute(c(20_000), AT), new Op.Exit(AT))), AT);
        var client = thread("c", 10, new Op.Access(c(0x10000), Op.AccessKind.READ, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), mem, task("app", "mem.p", client)));
        assertEquals(1, sim.inspector().errors().size(), sim.inspector().errors().toString());
        var e = sim.inspector().errors().get(0);
        assertEquals("app.c", e.thread());
        assertEquals("the pager or exception handler mem.p ended before answering", e.message());
        assertTrue(e.fatal());
    }
}
