package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.Timeout;

/**
 * Capability naming (seL4 reference manual, "Capability Spaces", "Endpoints", "Capability
 * Transfer"; L4.Fiasco IPC gates): a thread names its partner by a slot of its task's capability
 * space, which must hold a capability with the send right; the receiver sees the gate's badge;
 * capability items copy capabilities with at most the rights asked, only through a capability
 * with the grant right; revoking one removes every copy derived from it; nothing can be forged.
 */
class CapabilitiesTest {
    private static final KernelConfig CAPS = KernelConfig.defaults().withNaming(KernelConfig.Naming.CAPABILITIES);

    private static TaskSpec withCaps(String name, List<TaskSpec.CapSpec> caps, dev.mkw.scenario.ThreadSpec t) {
        return new TaskSpec(name, null, null, List.of(), List.of(), caps, List.of(t), AT);
    }

    private static Op callCap(int slot) {
        return new Op.Call(new Target.CapSlot(slot), words(7), null, "r", Timeout.NEVER, AT);
    }

    /** The server answers with the badge it saw. */
    private static dev.mkw.scenario.ThreadSpec server(int calls) {
        MessageSpec badge = new MessageSpec(null, c(1), List.of(new Expr.Field("req", "badge")), List.of());
        return thread("gate", 150, waitAny("req"), repeat(calls - 1, replyWait("req", badge)), new Op.Reply(new Target.Sender("req"), badge, AT));
    }

    @Test
    void theReceiverSeesTheBadgeOfTheGate() {
        Scenario s = scenario("cortex_a9", CAPS, withCaps("srv", List.of(), server(2)),
                withCaps("a", List.of(new TaskSpec.CapSpec(0, "srv.gate", 0xA, "s")), thread("m", 100, callCap(0))),
                withCaps("b", List.of(new TaskSpec.CapSpec(3, "srv.gate", 0xB, "s")), thread("m", 100, callCap(3))));
        Simulation sim = run(s);
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(0xA, sim.userState("a.m").received("r").words()[0]);
        assertEquals(0xB, sim.userState("b.m").received("r").words()[0]);
    }

    @Test
    void guessingASlotNamesNothing() {
        Scenario s = scenario("cortex_a9", CAPS, withCaps("srv", List.of(), server(1)),
                withCaps("a", List.of(new TaskSpec.CapSpec(0, "srv.gate", 1, "s")), thread("m", 100, callCap(1))));
        Simulation sim = run(s);
        assertTrue(sim.inspector().errors().get(0).message().contains("capability slot 1 of task a is empty"), sim.inspector().errors().toString());
    }

    @Test
    void threadNamesAreRefusedUnderCapabilityNaming() {
        Scenario s = scenario("cortex_a9", CAPS, withCaps("srv", List.of(), server(1)),
                withCaps("a", List.of(), thread("m", 100, call("srv.gate", words(1)))));
        Simulation sim = run(s);
        assertTrue(sim.inspector().errors().get(0).message().contains("use 'cap N' instead of the thread name srv.gate"), sim.inspector().errors().toString());
    }

    @Test
    void transferredCopiesDieWithRevocation() {
        MessageSpec pass = new MessageSpec(null, c(2), List.of(), List.of(new MessageSpec.CapItem(0, "s")));
        var alice = thread("m", 100, new Op.Send(new Target.Thread("b.m"), pass, Timeout.NEVER, AT));
        var bob = thread("m", 100, new Op.Receive(new Target.Any(), null, "g", Timeout.NEVER, AT));
        // Naming by thread ID for the hand-over itself, so the test isolates transfer and revoke.
        Scenario s = scenario("cortex_a9", KernelConfig.defaults(), withCaps("srv", List.of(), server(1)),
                withCaps("a", List.of(new TaskSpec.CapSpec(0, "srv.gate", 0xA, "sg")), alice), withCaps("b", List.of(), bob));
        Simulation sim = run(s);
        var bobSpace = sim.kernel().capSpace(sim.kernel().space("b"));
        int slot = (int) sim.userState("b.m").received("g").capSlot();
        assertEquals(0, slot, "the copy landed in bob's first free slot");
        assertEquals(0xA, bobSpace.get(slot).badge);
        assertEquals(dev.mkw.kernel.cap.Cap.SEND, bobSpace.get(slot).rights, "rights reduced to s");
        var aliceCap = sim.kernel().capSpace(sim.kernel().space("a")).get(0);
        assertEquals(1, dev.mkw.kernel.cap.CapSpace.revokeDerived(aliceCap));
        assertEquals(null, bobSpace.get(slot), "revoked");
    }

    /** Issue 19: a send-only capability cannot pass capabilities on (seL4: transfer needs the grant right). */
    @Test
    void capabilitiesTravelOnlyThroughACapabilityWithTheGrantRight() {
        MessageSpec pass = new MessageSpec(null, c(2), List.of(), List.of(new MessageSpec.CapItem(1, "s")));
        var alice = thread("m", 100, new Op.Send(new Target.CapSlot(0), pass, Timeout.NEVER, AT));
        var bob = thread("m", 150, new Op.Receive(new Target.Any(), null, "g", Timeout.NEVER, AT));
        Scenario s = scenario("cortex_a9", CAPS,
                withCaps("a", List.of(new TaskSpec.CapSpec(0, "b.m", 0, "s"), new TaskSpec.CapSpec(1, "a.m", 0, "s")), alice), withCaps("b", List.of(), bob));
        Simulation sim = run(s);
        assertEquals(-1, sim.userState("b.m").received("g").capSlot(), "no capability arrived");
        assertTrue(sim.inspector().capabilities("b").isEmpty(), "bob's capability space is still empty");
        assertTrue(sim.inspector().errors().stream().anyMatch(e -> e.message().contains("has no grant right")), sim.inspector().errors().toString());
    }
}
