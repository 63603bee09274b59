package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.AT;
import static dev.mkw.test.support.Scenarios.c;
import static dev.mkw.test.support.Scenarios.run;
import static dev.mkw.test.support.Scenarios.scenario;
import static dev.mkw.test.support.Scenarios.task;
import static dev.mkw.test.support.Scenarios.thread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelError;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.Timeout;

/** One test per protection rule of the kernel (issue 19): each refusal happens in the kernel, whatever the program asks. */
class ProtectionTest {

    private static MessageSpec mapOf(long base, long hotSpot) {
        return new MessageSpec(null, c(1), List.of(), List.of(new MessageSpec.MapItem(c(base), 12, "rw", false, c(hotSpot))));
    }

    private static boolean said(Simulation sim, String text) {
        return sim.inspector().errors().stream().anyMatch(e -> e.message().contains(text));
    }

    @Test
    void aMapItemNeedsAReceiveWindowTheReceiverOpened() {
        var sender = thread("s", 100, new Op.Touch(c(0x10000), c(0x11000), c(4096), true, AT),
                new Op.Send(new Target.Thread("v.r"), mapOf(0x10000, 0x30000), Timeout.NEVER, AT));
        var victim = thread("r", 110, new Op.Touch(c(0x30000), c(0x31000), c(4096), true, AT),
                new Op.Receive(new Target.Any(), null, "m", Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("a", "root", sender), task("v", "root", victim)));
        assertTrue(said(sim, "opened no receive window"), sim.inspector().errors().toString());
        long frame = sim.inspector().translate("v", 0x30000);
        assertTrue(frame >= 0 && frame != sim.inspector().translate("a", 0x10000), "the victim keeps its own page");
    }

    @Test
    void aMapItemNeverLandsInTheKernelRegion() {
        long kernel = 0xC000_0000L;
        var sender = thread("s", 100, new Op.Touch(c(0x10000), c(0x11000), c(4096), true, AT),
                new Op.Send(new Target.Thread("v.r"), mapOf(0x10000, kernel + 0x5000), Timeout.NEVER, AT));
        // The receiver opens the complete address space as its window.
        var victim = thread("r", 110, new Op.Receive(new Target.Any(), Op.Acceptor.WHOLE_SPACE, "m", Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("a", "root", sender), task("v", "root", victim)));
        assertTrue(said(sim, "reaches into the kernel region"), sim.inspector().errors().toString());
        assertTrue(sim.inspector().mappings("v").stream().noneMatch(m -> Long.decode(m.vaddr()) >= kernel));
    }

    @Test
    void notifyThroughACapabilityNeedsTheSendRight() {
        KernelConfig caps = KernelConfig.defaults().withNaming(KernelConfig.Naming.CAPABILITIES);
        var sender = thread("s", 100, new Op.Notify(new Target.CapSlot(0), c(1), AT));
        var victim = thread("r", 50, new Op.WaitNotify(c(1), "n", Timeout.cycles(100_000), AT));
        TaskSpec a = new TaskSpec("a", null, null, List.of(), List.of(), List.of(new TaskSpec.CapSpec(0, "v.r", 0, "r")), List.of(sender), AT);
        Simulation sim = run(scenario("i486_50", caps, a, task("v", null, victim)));
        assertTrue(said(sim, "has no send right"), sim.inspector().errors().toString());
        assertTrue(sim.userState("v.r").received("n").timedOut(), "the victim got no bits");
    }

    @Test
    void aReplyCapabilityIsOneShot() {
        KernelConfig caps = KernelConfig.defaults().withNaming(KernelConfig.Naming.CAPABILITIES);
        var client = thread("c", 10, new Op.Call(new Target.CapSlot(0), Scenarios.words(1), null, "r", Timeout.NEVER, AT),
                new Op.Receive(new Target.Any(), null, "second", Timeout.cycles(50_000), AT));
        // The server answers once, then tries to use the same reply right again.
        var server = thread("s", 20, Scenarios.waitAny("q"), new Op.Reply(new Target.Sender("q"), Scenarios.words(2), AT),
                new Op.Reply(new Target.Sender("q"), Scenarios.words(3), AT));
        TaskSpec cTask = new TaskSpec("c", null, null, List.of(), List.of(), List.of(new TaskSpec.CapSpec(0, "s.s", 0, "s")), List.of(client), AT);
        Simulation sim = run(scenario("i486_50", caps, task("s", null, server), cTask));
        assertTrue(said(sim, "holds no reply capability"), sim.inspector().errors().toString());
        assertTrue(sim.userState("c.c").received("second").timedOut(), "the second reply never arrived");
    }

    @Test
    void onlyTheRootTaskAttachesInterrupts() {
        var t = thread("h", 100, new Op.AttachIrq(4, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("d", null, t)));
        assertTrue(said(sim, "only threads of the privileged root task may attach"), sim.inspector().errors().toString());
        assertEquals(null, sim.inspector().irqHandler(4));
        Simulation root = run(scenario("i486_50", KernelConfig.defaults(), task("d", null, thread("h", 100, new Op.AttachIrq(4, AT), new Op.Compute(c(10), AT))).withPrivileged(true)));
        assertTrue(root.inspector().errors().isEmpty(), root.inspector().errors().toString());
        var timer = run(scenario("i486_50", KernelConfig.defaults(), task("d", null, thread("h", 100, new Op.AttachIrq(0, AT))).withPrivileged(true)));
        assertTrue(said(timer, "the kernel's timer"), timer.inspector().errors().toString());
    }

    @Test
    void userThreadIdsNeverCollideWithInterruptThreads() {
        Simulation sim = run(Scenarios.pingPong("i486_50", KernelConfig.defaults(), 1));
        int lines = sim.machine().interruptController().lines();
        for (var t : sim.kernel().threads()) {
            assertTrue(ThreadId.number(t.id) >= lines, t.name + " has number " + ThreadId.number(t.id) + ", an interrupt thread's");
            assertEquals(-1, sim.kernel().interrupts().lineOf(t.id));
        }
        for (int line = 0; line < lines; line++) assertEquals(null, sim.kernel().slotOf(ThreadId.interrupt(line)));
    }

    /** The invariant behind the window rule can fail: a mapping placed outside the window it was accepted through is caught. */
    @Test
    void theInvariantCatchesAMappingOutsideItsReceiveWindow() {
        var k = run(scenario("i486_50", KernelConfig.defaults(), task("v", null, thread("t", 10, new Op.Compute(c(100), AT))))).kernel();
        var victim = k.space("v");
        long frame = k.frames().allocate(4096);
        long[] cycles = {0};
        // A buggy path: the receiver opened 0x80000 (16 KiB) but the page lands at 0x40000.
        k.mappingDb().map(k.mappingDb().root(frame, k.sigma0()), victim, 0x40000, Fpage.R, new Fpage(0x80000, 14, Fpage.RWX), k.mem(), cycles);
        victim.map(0x40000, frame, Fpage.R, true, false, k.mem());
        dev.mkw.kernel.Invariants.checkResources(k);
        assertTrue(k.errors().stream().anyMatch(e -> e.kind() == KernelError.Kind.INVARIANT
                && e.message().equals("kernel invariant broken: v has a mapping at 0x40000 outside the receive window it accepted it through (0x80000, 2^14 bytes)")),
                k.errors().toString());
    }

    /** The invariant behind one-shot reply rights can fail: a reply right for a caller that no longer waits is caught. */
    @Test
    void theInvariantCatchesAReplyRightThatOutlivedItsCall() {
        var k = run(scenario("i486_50", KernelConfig.defaults(), task("a", null, thread("s", 10, new Op.Compute(c(100), AT)),
                thread("c", 10, new Op.Compute(c(100), AT))))).kernel();
        var server = k.thread("a.s");
        var caller = k.thread("a.c");
        server.replyCap = caller.id; // the caller has ended: it waits for nobody
        dev.mkw.kernel.Invariants.checkResources(k);
        assertTrue(k.errors().stream().anyMatch(e -> e.kind() == KernelError.Kind.INVARIANT
                && e.message().equals("kernel invariant broken: a.s holds a reply right for " + ThreadId.format(caller.id) + ", which does not wait for its answer")),
                k.errors().toString());
    }

    /**
     * seL4: a reply capability dies with the call it answers. A caller that gave up waiting
     * (its receive timeout expired) and then waits openly cannot be reached through the old
     * reply right; the invariants (on after every system call) hold throughout.
     */
    @Test
    void aReplyRightEndsWhenTheCallerStopsWaiting() {
        KernelConfig caps = KernelConfig.defaults().withNaming(KernelConfig.Naming.CAPABILITIES).withCheckInvariants(true);
        var client = thread("c", 20, new Op.Call(new Target.CapSlot(0), Scenarios.words(1), null, "r", Timeout.cycles(2_000), AT),
                new Op.Receive(new Target.Any(), null, "late", Timeout.cycles(200_000), AT));
        var server = thread("s", 10, Scenarios.waitAny("q"), new Op.Compute(c(50_000), AT), new Op.Reply(new Target.Sender("q"), Scenarios.words(2), AT));
        TaskSpec withCap = new TaskSpec("c", null, null, List.of(), List.of(), List.of(new TaskSpec.CapSpec(0, "s.s", 7, "s")), List.of(client), AT);
        Simulation sim = run(scenario("i486_50", caps, task("s", null, server), withCap));
        assertTrue(said(sim, "holds no reply capability"), sim.inspector().errors().toString());
        assertTrue(sim.inspector().errors().stream().noneMatch(e -> e.kind() == KernelError.Kind.INVARIANT), sim.inspector().errors().toString());
        assertEquals(0, sim.inspector().thread("c.c").ipcsReceived(), "neither the call's answer nor the late reply reached the client");
    }

    /**
     * Granting a page with fewer rights than one holds also takes those rights from what was
     * derived from it (L4 X.2, "Grant Item": the receiver gets the mapping with the item's
     * rights): p1 maps a writable page on to p2, then grants it read-only to p3; p2's derived
     * mapping becomes read-only too, so no one holds more than the granted page allows.
     */
    @Test
    void aGrantWithFewerRightsTakesThemFromDerivedMappings() {
        MessageSpec mapRw = new MessageSpec(null, c(0), List.of(), List.of(new MessageSpec.MapItem(c(0x100000), 12, "rw", false, c(0x100000))));
        MessageSpec grantR = new MessageSpec(null, c(0), List.of(), List.of(new MessageSpec.MapItem(c(0x200000), 12, "r", true, c(0x200000))));
        MessageSpec passRw = new MessageSpec(null, c(0), List.of(), List.of(new MessageSpec.MapItem(c(0x200000), 12, "rw", false, c(0x200000))));
        var p0 = thread("t", 40, new Op.Touch(c(0x100000), c(0x101000), c(4096), true, AT), new Op.Send(new Target.Thread("p1.t"), mapRw, Timeout.NEVER, AT));
        var p1 = thread("t", 30, new Op.Receive(new Target.Thread("p0.t"), new Op.Acceptor(c(0x200000), 12, null, null), "m", Timeout.NEVER, AT),
                new Op.Send(new Target.Thread("p2.t"), passRw, Timeout.NEVER, AT), new Op.Send(new Target.Thread("p3.t"), grantR, Timeout.NEVER, AT));
        var p2 = thread("t", 20, new Op.Receive(new Target.Thread("p1.t"), new Op.Acceptor(c(0x200000), 12, null, null), "m", Timeout.NEVER, AT));
        var p3 = thread("t", 10, new Op.Receive(new Target.Thread("p1.t"), new Op.Acceptor(c(0x300000), 12, null, null), "m", Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("p0", "root", p0), task("p1", "root", p1), task("p2", "root", p2),
                task("p3", "root", p3)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals("r--", sim.inspector().mappings("p3").stream().filter(m -> m.vaddr().equals("0x300000")).findFirst().orElseThrow().rights());
        assertEquals("r--", sim.inspector().mappings("p2").stream().filter(m -> m.vaddr().equals("0x200000")).findFirst().orElseThrow().rights(),
                "p2's mapping, derived from the granted one, lost the write right");
        assertEquals(-1, sim.inspector().translate("p1", 0x200000), "the granter lost its page");
    }
}
