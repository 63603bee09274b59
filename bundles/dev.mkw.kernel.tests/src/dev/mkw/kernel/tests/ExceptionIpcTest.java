package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;
import dev.mkw.sim.TraceKind;

/**
 * Exceptions as IPC (L4 X.2 reference manual, "Exception Protocol"; seL4 reference manual,
 * "Faults"): a faulting instruction becomes a message from the thread to its exception handler,
 * label -5 &lt;&lt; 4 with the vector, carrying the instruction pointer and registers r0..r3; the
 * handler's reply sets them and resumes the thread, or stops it. A thread without a handler ends
 * the run with an error naming it.
 */
class ExceptionIpcTest {
    private static final KernelConfig K = KernelConfig.defaults().withCheckInvariants(true);

    private static Op let(String var, Expr e) { return new Op.Let(var, e, AT); }

    private static Expr field(String msg, String f) { return new Expr.Field(msg, f); }

    private static Expr plus(Expr a, long b) { return new Expr.Binary("+", a, c(b)); }

    private static MessageSpec words(Expr... w) { return new MessageSpec(null, c(0), List.of(w), List.of()); }

    private static Op reply(String var, MessageSpec m) { return new Op.Reply(new Target.Sender(var), m, AT); }

    private static Simulation run(ThreadSpec handler, Op... faulty) {
        var f = new ThreadSpec("f", 50, 0, 0, false, null, "sup.h", List.of(faulty), AT);
        TaskSpec app = task("app", null, f);
        return Scenarios.run(scenario("i486_50", K, app, task("sup", null, handler)).withRun(RunSpec.defaults().withTrace(RunSpec.Trace.ON, 0)));
    }

    @Test
    void theHandlerSeesIpAndRegistersAndItsReplySetsThem() {
        var handler = thread("h", 100, waitAny("e"), let("ip", field("e", "ip")), let("got", field("e", "w1")),
                reply("e", words(plus(field("e", "ip"), 1), c(42), c(43))));
        Simulation sim = run(handler, let("r0", c(7)), new Op.Compute(c(10), AT), new Op.Raise(Op.ExceptionKind.DIVIDE_ERROR, AT),
                let("seen0", new Expr.Var("r0")), let("seen1", new Expr.Var("r1")));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        var h = sim.userState("sup.h");
        assertEquals(2L, h.variable("ip"), "the raise is the thread's second operation");
        assertEquals(7L, h.variable("got"), "w1 carries r0");
        var f = sim.inspector().thread("app.f");
        assertEquals(42L, sim.userState("app.f").variable("seen0"), "the reply's w1 became r0");
        assertEquals(43L, sim.userState("app.f").variable("seen1"), "and w2 r1");
        assertEquals("DEAD", f.state(), "resumed after the raise and ran to its end");
        assertEquals(1, sim.inspector().path("exception").count());
    }

    @Test
    void replyingTheReportedIpRunsTheRaisingOperationAgain() {
        var handler = thread("h", 100, waitAny("e"), let("first", field("e", "ip")), reply("e", words(field("e", "ip"))),
                waitAny("e"), let("second", field("e", "ip")), reply("e", words(plus(field("e", "ip"), 1))));
        Simulation sim = run(handler, new Op.Raise(Op.ExceptionKind.BREAKPOINT, AT), let("done", c(1)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(2, sim.inspector().path("exception").count(), "raised twice");
        var h = sim.userState("sup.h");
        assertEquals(h.variable("first"), h.variable("second"), "the same operation raised again");
        assertEquals(1L, sim.userState("app.f").variable("done"));
        assertTrue(sim.inspector().traceEvents().stream().anyMatch(e -> e.kind() == TraceKind.EXCEPTION && e.detail().equals("registers set by sup.h")));
    }

    @Test
    void aReplyWithoutWordsResumesAfterTheRaiseWithRegistersUnchanged() {
        var handler = thread("h", 100, waitAny("e"), reply("e", words()));
        Simulation sim = run(handler, let("r0", c(5)), new Op.Raise(Op.ExceptionKind.INVALID_OPCODE, AT), let("seen", new Expr.Var("r0")));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(5L, sim.userState("app.f").variable("seen"));
    }

    @Test
    void aStopReplyEndsTheThread() {
        var handler = thread("h", 100, waitAny("e"), new Op.Reply(new Target.Sender("e"), MessageSpec.EMPTY, true, AT));
        Simulation sim = run(handler, new Op.Raise(Op.ExceptionKind.PROTECTION_FAULT, AT), let("after", c(1)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        var f = sim.inspector().thread("app.f");
        assertEquals("DEAD", f.state());
        assertNull(sim.userState("app.f").variable("after"), "it never ran past the raise");
        assertTrue(sim.inspector().traceEvents().stream().anyMatch(e -> e.kind() == TraceKind.THREAD_STATE && e.thread().equals("app.f") && e.detail().equals("stopped by sup.h")));
    }

    @Test
    void anIpOtherThanTheRaiseOrTheNextIsRefused() {
        var handler = thread("h", 100, waitAny("e"), reply("e", words(plus(field("e", "ip"), 5), c(9))));
        Simulation sim = run(handler, new Op.Raise(Op.ExceptionKind.DIVIDE_ERROR, AT), let("seen", new Expr.Var("done")));
        assertEquals(2, sim.inspector().errors().size(), sim.inspector().errors().toString());
        assertEquals("exception reply sets IP 6, but app.f can only resume at the raising operation (IP 1) or after it (IP 2); it goes on after it",
                sim.inspector().errors().get(0).message());
        assertFalse(sim.inspector().errors().get(0).fatal());
        assertEquals("variable 'done' has no value yet", sim.inspector().errors().get(1).message(), "resumed after the raise, r0 not set");
    }

    @Test
    void stopNeedsAThreadWaitingForTheReply() {
        var client = thread("c", 10, new Op.Call(new Target.Thread("sup.h"), Scenarios.words(1), null, "r", dev.mkw.scenario.Timeout.cycles(5000), AT));
        // An ordinary request: "stop" does not apply; the handler then answers it normally.
        var handler = thread("h", 100, waitAny("e"), new Op.Reply(new Target.Sender("e"), MessageSpec.EMPTY, true, AT), reply("e", words(c(2))));
        Simulation sim = Scenarios.run(scenario("i486_50", K, task("app", null, client), task("sup", null, handler)));
        assertEquals(1, sim.inspector().errors().size(), sim.inspector().errors().toString());
        assertEquals(2L, sim.userState("app.c").received("r").words()[0], "the client was not stopped and got its answer");
        assertEquals("reply stop: app.c is not waiting for an exception or page-fault reply from sup.h; nothing was stopped", sim.inspector().errors().get(0).message());
    }

    @Test
    void anExceptionBecomesIpcToTheHandlerWhichResumesTheThread() {
        var faulty = new ThreadSpec("f", 50, 0, 0, false, null, "sup.h", List.of(new Op.Raise(Op.ExceptionKind.DIVIDE_ERROR, AT), new Op.Compute(c(5), AT)), AT);
        var handler = thread("h", 100, waitAny("e"), new Op.Reply(new Target.Sender("e"), Scenarios.words(), AT));
        Simulation sim = Scenarios.run(scenario("i486_50", KernelConfig.defaults(), task("app", null, faulty), task("sup", null, handler)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals("DEAD", sim.threads().get(0).state(), "resumed and ran to the end");
        assertEquals(1, sim.inspector().path("exception").count());
    }

    @Test
    void anUnhandledExceptionEndsTheRunNamingThreadAndPosition() {
        var faulty = thread("f", 50, new Op.Raise(Op.ExceptionKind.INVALID_OPCODE, AT));
        Simulation sim = Scenarios.run(scenario("i486_50", KernelConfig.defaults(), task("app", null, faulty)));
        assertEquals("unhandled exception INVALID_OPCODE: the thread has no exception handler", sim.inspector().errors().get(0).message());
        assertEquals("app.f", sim.inspector().errors().get(0).thread());
        assertEquals(AT, sim.inspector().errors().get(0).at());
    }


    /** The x86 vector travels in the label's low bits (X.2 ia32: label -5 << 4 | vector). */
    @Test
    void theLabelCarriesTheVector() {
        var handler = thread("h", 100, waitAny("e"), let("v", field("e", "exception")), let("l", field("e", "label")), reply("e", words()));
        Simulation sim = run(handler, new Op.Raise(Op.ExceptionKind.BREAKPOINT, AT));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(3L, sim.userState("sup.h").variable("v"), "#BP is vector 3");
        assertEquals(dev.mkw.kernel.abi.MessageTag.EXCEPTION | 3, sim.userState("sup.h").variable("l"));
    }
}
