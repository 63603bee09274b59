package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelError;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/**
 * The end of a run in which every thread is blocked and no timeout or interrupt can wake one:
 * a deadlock, reported with who waits for whom, unless the only threads left are servers in an
 * open wait without timeout (the normal end of a client-server scenario).
 */
class DeadlockTest {

    @Test
    void deadlockIsReportedWithWhoWaitsForWhom() {
        var a = thread("x", 10, new Op.Receive(new Target.Thread("b.y"), null, "m", Timeout.NEVER, AT));
        var b = thread("y", 10, new Op.Receive(new Target.Thread("a.x"), null, "m", Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("a", null, a), task("b", null, b)));
        assertEquals(1, sim.inspector().errors().size());
        String msg = sim.inspector().errors().get(0).message();
        assertTrue(msg.startsWith("deadlock"), msg);
        assertTrue(msg.contains("a.x receives from b.y") && msg.contains("b.y receives from a.x"), msg);
    }

    /** A server left in its open wait after the last client ended is no deadlock. */
    @Test
    void serversLeftInAnOpenWaitAreANormalEnd() {
        Simulation sim = run(pingPong("i486_50", KernelConfig.defaults(), 3));
        assertFalse(sim.inspector().reported(KernelError.Kind.DEADLOCK), sim.inspector().errors().toString());
        assertEquals("RECEIVING", sim.inspector().thread("server.pong").state(), "the server still waits");
    }

    /** A sender blocked on a receiver that never receives is a deadlock too; the explanation names both directions of waiting. */
    @Test
    void aBlockedSendIsExplained() {
        var s = thread("s", 10, new Op.Send(new Target.Thread("b.r"), words(1), Timeout.NEVER, AT));
        var r = thread("r", 10, new Op.WaitNotify(c(1), "n", Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("a", null, s), task("b", null, r)));
        assertTrue(sim.inspector().reported(KernelError.Kind.DEADLOCK), sim.inspector().errors().toString());
        String msg = sim.inspector().errors().get(0).message();
        assertTrue(msg.contains("a.s sends to b.r") && msg.contains("b.r waits for notification bits 0x1"), msg);
    }
}
