package dev.mkw.kernel.tests;

import static dev.mkw.kernel.tests.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.run.Simulation;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/** Synchronous IPC: call/reply-wait round trips, fast and slow path, timeouts, deadlock. */
class IpcTest {

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

    @Test
    void sameSeedSameRunCycleForCycle() {
        Simulation one = run(pingPong("pentium_100", KernelConfig.defaults(), 50));
        Simulation two = run(pingPong("pentium_100", KernelConfig.defaults(), 50));
        assertEquals(one.engine().cpuClock(0), two.engine().cpuClock(0));
        assertEquals(one.inspector().accountTotals(), two.inspector().accountTotals());
    }

    @Test
    void accountingAddsUpToElapsedCycles() {
        Simulation sim = run(pingPong("x86_64_pcid", KernelConfig.defaults(), 50));
        long sum = sim.inspector().accountTotals().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(sim.engine().cpuClock(0), sum);
        sim.checkAccounting(); // checks again, throws on a mismatch
    }

    @Test
    void invariantsHoldThroughARun() {
        Simulation sim = run(pingPong("i486_50", KernelConfig.defaults().withCheckInvariants(true), 50));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
    }

    @Test
    void taggedTlbAvoidsTheFlushOnAddressSpaceSwitch() {
        Simulation untagged = run(pingPong("i486_50", KernelConfig.defaults(), 50));
        Simulation tagged = run(pingPong("x86_64_pcid", KernelConfig.defaults(), 50));
        assertTrue(untagged.machine().mem(0).tlb().flushes() >= 100, "i486: a flush per switch");
        assertEquals(0, tagged.machine().mem(0).tlb().flushes(), "PCID: no flush");
    }

    static List<String> names(Simulation s) {
        return s.threads().stream().map(t -> t.name()).toList();
    }
}
