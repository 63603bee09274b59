package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.ipc.Partner;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;
import dev.mkw.sim.report.ThreadStats;

/**
 * The partner an IPC's send phase names, as the kernel resolves the TO register (L4 X.2
 * reference manual, "Ipc"; seL4 reference manual, "Endpoints"): a thread named by its ID
 * (no rights beyond the ID, so it may carry anything), a thread named through a capability
 * (its badge, and capabilities only with the grant right), or an interrupt thread, to which a
 * message is the driver's acknowledgement.
 */
class PartnerTest {
    /** Runs with devices end here at the latest: a kernel that loses an interrupt fails the test instead of running on forever. */

    @Test
    void aThreadNamedByIdMayCarryCapabilities() {
        Tcb t = new Tcb(ThreadId.of(20, 1), "a.t", 10, null, 0, 0, null, new ThreadStats.Counter("a.t"));
        Partner p = Partner.thread(t, t.id, 0);
        assertSame(t, p.thread());
        assertEquals(-1, p.irqLine(), "not an interrupt thread");
        assertTrue(p.canGrant());
        assertEquals(0, p.badge());
        Partner gate = Partner.thread(t, t.id, 0xBEEF, false);
        assertEquals(0xBEEF, gate.badge());
        assertFalse(gate.canGrant(), "a capability without the grant right");
    }

    @Test
    void anInterruptThreadIsNoThreadOfTheKernel() {
        Partner p = Partner.interrupt(4, ThreadId.interrupt(4));
        assertNull(p.thread());
        assertEquals(4, p.irqLine());
        assertEquals(ThreadId.interrupt(4), p.id());
        assertFalse(p.canGrant());
    }

    /** Under thread-ID naming the driver acknowledges by a message to the line's interrupt thread: the kernel unmasks the line. */
    @Test
    void aMessageToAnInterruptThreadAcknowledgesTheInterrupt() {
        var driver = thread("h", 200, new Op.AttachIrq(4, AT),
                repeat(3, new Op.Receive(new Target.Irq(4), null, "i", Timeout.NEVER, AT), new Op.AckIrq(4, AT)));
        Simulation sim = run(Scenarios.withUart(KernelConfig.defaults(), driver));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(3, sim.inspector().path("irq.ack").count(), "each reply to the interrupt thread was an acknowledgement");
        assertEquals(3, sim.inspector().thread("drv.h").ipcsReceived());
        assertEquals(0, sim.inspector().thread("drv.h").ipcsSent(), "no message went to a thread");
    }
}
