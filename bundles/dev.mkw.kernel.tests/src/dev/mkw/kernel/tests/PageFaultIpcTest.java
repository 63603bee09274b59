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
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.Timeout;

/**
 * Page faults as IPC (Liedtke, "On µ-Kernel Construction", SOSP 1995, §3.2 "pagers"; L4 X.2
 * reference manual, "Page Fault Protocol"): the kernel turns a user page fault into a message
 * from the faulting thread to its pager, label -2 &lt;&lt; 4 with the access (r = 4, w = 2,
 * x = 1) in the low bits, MR1 the faulting address; the thread waits for the pager's reply,
 * whose map item the kernel installs at the fault, and then runs the faulting access again.
 */
class PageFaultIpcTest {

    @Test
    void aThreadWithoutPagerIsAUserErrorNamingThreadAndAddress() {
        var t = thread("t", 10, new Op.Access(c(0x5000), Op.AccessKind.READ, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("app", null, t)));
        assertEquals(1, sim.inspector().errors().size());
        assertEquals("app.t", sim.inspector().errors().get(0).thread());
        assertTrue(sim.inspector().errors().get(0).message().contains("page fault at 0x5000"), sim.inspector().errors().get(0).message());
    }

    private static Op let(String var, String msg, String field) {
        return new Op.Let(var, new Expr.Field(msg, field), AT);
    }

    private static Op replyMapping(String msg, long page) {
        return new Op.Reply(new Target.Sender(msg), new MessageSpec(null, c(0), List.of(), List.of(new MessageSpec.MapItem(c(page), 12, "rw", false, null))), AT);
    }

    /** A pager task backed by sigma0 at 0x100000.. with the program {@code body}. */
    private static TaskSpec pagerTask(Op... body) {
        return new TaskSpec("mem", TaskSpec.ROOT_PAGER, null, List.of(new TaskSpec.RegionSpec(0x100000, 0x10000, "rw", AT)), List.of(), List.of(),
                List.of(thread("p", 100, body)), AT);
    }

    @Test
    void theFaultIsAMessageToThePagerWithLabelAccessAndAddress() {
        var pager = pagerTask(new Op.Touch(c(0x100000), c(0x102000), c(4096), true, AT),
                new Op.Receive(new Target.Any(), null, "f", Timeout.NEVER, AT), let("l1", "f", "label"), let("x1", "f", "access"), let("a1", "f", "addr"),
                new Op.Compute(c(50_000), AT), replyMapping("f", 0x100000),
                new Op.Receive(new Target.Any(), null, "g", Timeout.NEVER, AT), let("l2", "g", "label"), let("x2", "g", "access"), let("a2", "g", "addr"),
                replyMapping("g", 0x101000));
        var client = thread("c", 50, new Op.Access(c(0x10008), Op.AccessKind.WRITE, AT), new Op.Access(c(0x20010), Op.AccessKind.READ, AT),
                new Op.Let("done", c(1), AT));
        Simulation sim = Simulation.create(scenario("i486_50", KernelConfig.defaults(), pager, task("app", "mem.p", client)),
                dev.mkw.hw.model.MachinePresets.get().machine("i486_50", 0));
        // Until the pager has the first fault in hand: the client waits for its reply.
        while (!sim.isFinished() && sim.userState("mem.p").variable("a1") == null) sim.step(1);
        var waiting = sim.inspector().thread("app.c");
        assertEquals("PAGE_FAULT", waiting.state(), "the faulting thread waits for its pager's reply");
        assertEquals("mem.p", waiting.partner());
        sim.run();
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        var p = sim.userState("mem.p");
        assertEquals(MessageTag.PAGE_FAULT | 2, p.variable("l1"), "label -2 << 4, access w");
        assertEquals(2L, p.variable("x1"));
        assertEquals(0x10008L, p.variable("a1"), "MR1: the address itself, not its page");
        assertEquals(MessageTag.PAGE_FAULT | 4, p.variable("l2"), "label -2 << 4, access r");
        assertEquals(4L, p.variable("x2"));
        assertEquals(0x20010L, p.variable("a2"));
        assertEquals(1L, sim.userState("app.c").variable("done"), "both accesses ran again after the replies and the thread went on");
        assertEquals(2, sim.inspector().thread("app.c").pageFaults());
        assertEquals(sim.inspector().translate("mem", 0x100000), sim.inspector().translate("app", 0x10000), "the reply's mapping landed at the fault");
        assertEquals(sim.inspector().translate("mem", 0x101000), sim.inspector().translate("app", 0x20000));
    }

    @Test
    void aReplyWithoutTheMappingLeavesTheFaultUnresolved() {
        var pager = pagerTask(new Op.Receive(new Target.Any(), null, "f", Timeout.NEVER, AT), new Op.Reply(new Target.Sender("f"), MessageSpec.EMPTY, AT));
        var client = thread("c", 50, new Op.Access(c(0x10000), Op.AccessKind.READ, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), pager, task("app", "mem.p", client)));
        assertTrue(sim.inspector().reported(KernelError.Kind.PAGE_FAULT), sim.inspector().errors().toString());
        var e = sim.inspector().errors().get(0);
        assertEquals("page fault at 0x10000 not resolved: pager mem.p replied without a mapping for it", e.message());
        assertEquals("app.c", e.thread());
        assertTrue(e.fatal());
    }

    @Test
    void aFaultOfAThreadWhosePagerHasEndedIsReported() {
        var pager = pagerTask(new Op.Exit(AT));
        var client = thread("c", 50, new Op.Compute(c(100), AT), new Op.Access(c(0x10000), Op.AccessKind.READ, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), pager, task("app", "mem.p", client)));
        assertEquals(1, sim.inspector().errors().size(), sim.inspector().errors().toString());
        var e = sim.inspector().errors().get(0);
        assertEquals(KernelError.Kind.PAGE_FAULT, e.kind());
        assertEquals("page fault at 0x10000 (read) but the thread has a dead pager mem.p", e.message());
        assertTrue(e.fatal());
    }
}
