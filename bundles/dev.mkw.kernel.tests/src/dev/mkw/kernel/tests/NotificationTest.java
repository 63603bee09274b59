package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/**
 * Asynchronous notification (seL4 reference manual, "Notifications": Signal ORs bits into a
 * word, Wait returns and clears them; L4Ka::Pistachio's notify bits): notify never blocks the
 * notifier; bits accumulate; a wait for a mask returns at once if one of its bits is set, or
 * blocks until one is; it returns exactly the bits of its mask that were set and clears those,
 * leaving the others for a later wait.
 */
class NotificationTest {

    private static Op notify(long bits) { return new Op.Notify(new Target.Thread("t.w"), c(bits), AT); }

    @Test
    void bitsAccumulateAndAWaitTakesOnlyTheBitsOfItsMask() {
        var n = thread("n", 20, notify(1), notify(4), notify(2), new Op.Let("done", c(1), AT));
        var w = thread("w", 10, new Op.WaitNotify(c(1 | 2), "a", Timeout.NEVER, AT), new Op.WaitNotify(c(4), "b", Timeout.ZERO, AT),
                new Op.WaitNotify(c(1), "c", Timeout.cycles(5_000), AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("t", null, n, w)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(1L, sim.userState("t.n").variable("done"), "the notifier never blocked");
        var got = sim.userState("t.w");
        assertEquals(1 | 2, got.received("a").bits(), "the bits of the mask that were set, at once");
        assertEquals(4, got.received("b").bits(), "bit 4 stayed for a later wait (zero timeout: it was there)");
        assertTrue(got.received("c").timedOut(), "bit 1 was cleared by the first wait");
        assertEquals(3, sim.inspector().path("notify").count());
    }

    /** A waiter blocks until a bit of its mask arrives: a bit outside the mask does not wake it, and stays set. */
    @Test
    void aWaitBlocksUntilABitOfItsMaskArrives() {
        var w = thread("w", 20, new Op.WaitNotify(c(1), "a", Timeout.NEVER, AT), new Op.WaitNotify(c(2), "b", Timeout.ZERO, AT));
        var n = thread("n", 10, notify(2), new Op.Compute(c(50_000), AT), notify(1));
        Simulation sim = Simulation.create(scenario("i486_50", KernelConfig.defaults(), task("t", null, w, n)),
                dev.mkw.hw.model.MachinePresets.get().machine("i486_50", 0));
        sim.stepCycles(20_000);
        assertEquals("WAITING_NOTIFY", sim.inspector().thread("t.w").state(), "bit 2 is not in the mask");
        assertEquals(1, sim.inspector().path("notify").count(), "bit 2 was sent");
        sim.run();
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        var got = sim.userState("t.w");
        assertEquals(1, got.received("a").bits());
        assertFalse(got.received("b").timedOut());
        assertEquals(2, got.received("b").bits(), "bit 2 waited for its own wait");
    }

    /**
     * A wait is a system call like notify (seL4's receiveSignal, src/object/notification.c): kernel
     * entry, the thread's state in its TCB, exit, in path notify.wait, whether the bits were there or
     * the thread blocks. Fails if waiting for notification bits is free again (it was, which made
     * asynchronous IRQ delivery look faster than interrupt IPC).
     */
    @Test
    void waitingForBitsIsASystemCallThatCosts() {
        var n = thread("n", 20, notify(1));
        var w = thread("w", 10, new Op.WaitNotify(c(1), "a", Timeout.NEVER, AT), new Op.WaitNotify(c(2), "b", Timeout.ZERO, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("t", null, n, w)));
        var wait = sim.inspector().path("notify.wait");
        assertEquals(2, wait.count(), "both waits entered the kernel");
        assertTrue(wait.total() >= 2 * 20, "entry, state write and exit each time: " + wait.total() + " cycles");
    }
}
