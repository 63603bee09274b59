package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.run.Simulation;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/**
 * Synchronous IPC (Liedtke, "Improving IPC by Kernel Design", SOSP 1993; L4 X.2 reference
 * manual, "Ipc"): a rendezvous without buffering. A send meets a receiver already waiting for
 * it, or blocks the sender in the receiver's send queue (first come, first served); a receive
 * takes the first queued sender it accepts, or blocks; a closed receive accepts only its named
 * partner. Call and reply-and-wait combine the phases; the fast path takes short messages to a
 * waiting receiver; timeouts and errors end an IPC with X.2's error code and phase.
 */
class IpcPathTest {

    @Test
    void callAndReplyWaitRoundTrips() {
        Simulation sim = run(pingPong("i486_50", KernelConfig.defaults(), 100));
        var threads = sim.threads();
        assertEquals(100, threads.get(1).ipcsSent(), "client calls");
        assertEquals(100, threads.get(1).ipcsReceived(), "client gets every reply");
        assertEquals("DEAD", threads.get(1).state());
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
    }

    @Test
    void fastpathCanBeSwitchedOffAndCostsLess() {
        Simulation fast = run(pingPong("i486_50", KernelConfig.defaults(), 100));
        Simulation slow = run(pingPong("i486_50", KernelConfig.defaults().withFastpath(false), 100));
        assertTrue(fast.inspector().path("ipc.fastpath").count() >= 199);
        assertFalse((slow.inspector().path("ipc.fastpath").count() > 0));
        assertTrue(fast.engine().cpuClock(0) < slow.engine().cpuClock(0), "the fast path is cheaper");
    }

    @Test
    void receiveTimeoutFiresAndTheThreadGoesOn() {
        var t = thread("sleeper", 10,
                new Op.Receive(new Target.Thread("other.x"), null, "m", Timeout.cycles(5000), AT),
                new Op.Compute(c(10), AT));
        var other = thread("x", 5, new Op.Compute(c(1), AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("s", null, t), task("other", null, other)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertTrue(sim.engine().cpuClock(0) >= 5000, "waited out the timeout");
        assertEquals(1, sim.userState("s.sleeper").received("m").timedOut() ? 1 : 0);
    }

    @Test
    void failedIpcCarriesTheL4ErrorCodeWithItsPhase() {
        // Receive timeout: reason 1, receive phase -> 3. Send with a zero timeout to a busy thread: reason 1, send phase -> 2.
        var r = thread("r", 10, new Op.Receive(new Target.Thread("b.busy"), null, "m", Timeout.cycles(100), AT));
        var s = thread("s", 10, new Op.Send(new Target.Thread("b.busy"), words(1), Timeout.ZERO, AT), new Op.Receive(new Target.Nil(), null, "unused", Timeout.cycles(1), AT));
        var busy = thread("busy", 5, new Op.Compute(c(1000), AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("a", null, r, s), task("b", null, busy)));
        assertEquals(3, sim.userState("a.r").received("m").error(), "receive-phase timeout");
        assertEquals(2, sim.userState("a.s").received("_").error(), "send-phase timeout");
    }

    private static Simulation start(dev.mkw.scenario.TaskSpec... tasks) {
        var s = scenario("i486_50", KernelConfig.defaults(), tasks);
        return Simulation.create(s, MachinePresets.get().machine("i486_50", 0));
    }

    /** The sender of a message nobody waits for blocks, naming its partner, until the receiver's receive takes the message. */
    @Test
    void aSendToAThreadNotWaitingBlocksTheSenderUntilTheReceiveTakesIt() {
        var s = thread("s", 20, new Op.Send(new Target.Thread("b.r"), words(5), Timeout.NEVER, AT), new Op.Let("sent", c(1), AT));
        var r = thread("r", 10, new Op.Compute(c(100_000), AT), new Op.Receive(new Target.Any(), null, "m", Timeout.NEVER, AT));
        Simulation sim = start(task("a", null, s), task("b", null, r));
        sim.stepCycles(50_000);
        assertEquals("SENDING", sim.inspector().thread("a.s").state());
        assertEquals("b.r", sim.inspector().thread("a.s").partner());
        assertEquals(null, sim.userState("a.s").variable("sent"), "the send has not returned");
        sim.run();
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(5, sim.userState("b.r").received("m").words()[0]);
        assertEquals(1L, sim.userState("a.s").variable("sent"));
    }

    /** A closed receive waits for its partner only: another sender queues meanwhile, and is taken by the next open receive. */
    @Test
    void aClosedReceiveAcceptsOnlyItsPartner() {
        var r = thread("r", 30, new Op.Receive(new Target.Thread("a.x"), null, "m1", Timeout.NEVER, AT), new Op.Receive(new Target.Any(), null, "m2", Timeout.NEVER, AT));
        var y = thread("y", 20, new Op.Send(new Target.Thread("b.r"), words(2), Timeout.NEVER, AT));
        var x = thread("x", 10, new Op.Compute(c(50_000), AT), new Op.Send(new Target.Thread("b.r"), words(1), Timeout.NEVER, AT));
        Simulation sim = start(task("a", null, y, x), task("b", null, r));
        sim.stepCycles(25_000);
        assertEquals("RECEIVING", sim.inspector().thread("b.r").state());
        assertEquals("a.x", sim.inspector().thread("b.r").partner());
        assertEquals("SENDING", sim.inspector().thread("a.y").state(), "y's message is not what r waits for");
        sim.run();
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        var got = sim.userState("b.r");
        assertEquals(1, got.received("m1").words()[0], "the closed receive got x's message, though y sent first");
        assertEquals(Long.decode(sim.inspector().thread("a.x").id()), got.received("m1").sender(), "FROM names the sender");
        assertEquals(2, got.received("m2").words()[0]);
        assertEquals(Long.decode(sim.inspector().thread("a.y").id()), got.received("m2").sender());
    }

    /** Senders blocked on one receiver are served in the order they came. */
    @Test
    void queuedSendersAreTakenInArrivalOrder() {
        var r = thread("r", 10, new Op.Compute(c(10_000), AT), new Op.Receive(new Target.Any(), null, "m1", Timeout.NEVER, AT),
                new Op.Receive(new Target.Any(), null, "m2", Timeout.NEVER, AT), new Op.Receive(new Target.Any(), null, "m3", Timeout.NEVER, AT));
        var s1 = thread("s1", 20, new Op.Send(new Target.Thread("b.r"), words(1), Timeout.NEVER, AT));
        var s2 = thread("s2", 20, new Op.Send(new Target.Thread("b.r"), words(2), Timeout.NEVER, AT));
        var s3 = thread("s3", 20, new Op.Send(new Target.Thread("b.r"), words(3), Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("a", null, s1, s2, s3), task("b", null, r)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        var got = sim.userState("b.r");
        assertEquals(List.of(1L, 2L, 3L), List.of(got.received("m1").words()[0], got.received("m2").words()[0], got.received("m3").words()[0]));
    }
}
