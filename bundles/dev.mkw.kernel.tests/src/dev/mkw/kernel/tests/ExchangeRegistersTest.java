package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import dev.mkw.kernel.abi.IpcError;
import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.ipc.Message;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.Timeout;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;

/** Cancelled and aborted IPC through ExchangeRegisters (L4 X.2): error code, phase, queues, rights. */
class ExchangeRegistersTest {
    private static final KernelConfig K = KernelConfig.defaults().withCheckInvariants(true);

    private static Op cancel(String victim) { return new Op.CancelIpc(new Target.Thread(victim), false, AT); }

    private static Op abort(String victim) { return new Op.CancelIpc(new Target.Thread(victim), true, AT); }

    /** The victim's program copies the error of its last IPC into a variable: what the user program sees. */
    private static Op keepError(String var, String msg) { return new Op.Let(var, new Expr.Field(msg, "error"), AT); }

    private static Op sleep(long cycles) { return new Op.Receive(new Target.Nil(), null, null, Timeout.cycles(cycles), AT); }

    private static Simulation runTraced(TaskSpec... tasks) {
        Scenario s = scenario("i486_50", K, tasks);
        return run(s.withRun(RunSpec.defaults().withTrace(RunSpec.Trace.ON, 0)));
    }

    private static List<TraceEvent> exregsEvents(Simulation sim) {
        return sim.inspector().traceEvents().stream().filter(e -> e.kind() == TraceKind.EXREGS).toList();
    }

    @Test
    void cancelledSendEndsWithCanceledInTheSendPhaseAndLeavesTheQueue() {
        // victim (high priority) sends to b.busy, which is computing and receives only later, with a zero timeout.
        var victim = thread("victim", 10, new Op.Send(new Target.Thread("b.busy"), words(7), Timeout.NEVER, AT), keepError("err", "_"));
        var canceller = thread("ctl", 5, cancel("a.victim"));
        var busy = thread("busy", 1, new Op.Compute(c(20_000), AT), new Op.Receive(new Target.Any(), null, "m", Timeout.ZERO, AT));
        Simulation sim = runTraced(task("a", null, victim, canceller), task("b", null, busy));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals((IpcError.CANCELED << 1) | IpcError.SEND_PHASE, sim.userState("a.victim").variable("err"), "the program sees CANCELED, send phase");
        assertTrue(sim.userState("b.busy").received("m").timedOut(), "the cancelled message was never delivered");
        assertEquals(0, sim.inspector().thread("a.victim").ipcsSent());
        assertEquals(1, sim.inspector().path("exregs").count(), "charged to the exregs path");
        assertTrue(sim.inspector().path("exregs").total() > 0);
        List<TraceEvent> ev = exregsEvents(sim);
        assertEquals(1, ev.size());
        assertEquals("a.ctl", ev.get(0).thread());
        assertEquals("a.victim", ev.get(0).partner());
        assertEquals((IpcError.CANCELED << 1) | IpcError.SEND_PHASE, ev.get(0).value());
    }

    @Test
    void cancelledReceiveEndsWithCanceledInTheReceivePhase() {
        var victim = thread("victim", 10, new Op.Receive(new Target.Thread("b.quiet"), null, "m", Timeout.NEVER, AT), keepError("err", "m"));
        var canceller = thread("ctl", 5, cancel("a.victim"));
        var quiet = thread("quiet", 1, new Op.Compute(c(1000), AT));
        Simulation sim = runTraced(task("a", null, victim, canceller), task("b", null, quiet));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals((IpcError.CANCELED << 1) | IpcError.RECEIVE_PHASE, sim.userState("a.victim").variable("err"));
        assertFalse(sim.userState("a.victim").received("m").timedOut());
        assertEquals("DEAD", sim.threads().get(0).state(), "the victim went on to its end");
    }

    @Test
    void abortedReceiveReportsAbortedAndCancelsItsTimeout() {
        var victim = thread("victim", 10, new Op.Receive(new Target.Thread("b.quiet"), null, "m", Timeout.cycles(1_000_000), AT), keepError("err", "m"));
        var canceller = thread("ctl", 5, abort("a.victim"));
        var quiet = thread("quiet", 1, new Op.Compute(c(1000), AT));
        Simulation sim = runTraced(task("a", null, victim, canceller), task("b", null, quiet));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals((IpcError.ABORTED << 1) | IpcError.RECEIVE_PHASE, sim.userState("a.victim").variable("err"));
        assertEquals(0, sim.inspector().activeTimeouts(), "the victim's timeout went with its IPC");
        assertTrue(sim.engine().cpuClock(0) < 1_000_000, "nobody waited out the cancelled timeout");
    }

    @Test
    void cancellingAThreadNotInIpcIsANoOp() {
        var worker = thread("worker", 5, new Op.Compute(c(5000), AT), new Op.Let("done", c(1), AT));
        var canceller = thread("ctl", 10, cancel("a.worker"), abort("a.worker"));
        Simulation sim = runTraced(task("a", null, canceller, worker));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertNull(sim.userState("a.worker").received("_"), "no error was bound");
        assertEquals(1L, sim.userState("a.worker").variable("done"));
        assertEquals(2, sim.inspector().path("exregs").count(), "the system call is still made and charged");
        List<TraceEvent> ev = exregsEvents(sim);
        assertEquals(2, ev.size());
        assertTrue(ev.get(0).detail().contains("no IPC in progress"), ev.get(0).detail());
        assertEquals(0, ev.get(0).value());
    }

    @Test
    void cancelledCallInItsReceivePhaseReportsTheReceivePhase() {
        // The server takes the request, then sleeps before replying: the client is in the receive phase of its call.
        var client = thread("client", 10, new Op.Call(new Target.Thread("srv.s"), words(1), null, "r", Timeout.NEVER, AT), keepError("err", "r"), sleep(20_000));
        var canceller = thread("ctl", 5, cancel("a.client"));
        var server = thread("s", 20, waitAny("req"), sleep(5000), new Op.Reply(new Target.Sender("req"), words(2), AT));
        Simulation sim = runTraced(task("a", null, client, canceller), task("srv", null, server));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals((IpcError.CANCELED << 1) | IpcError.RECEIVE_PHASE, sim.userState("a.client").variable("err"));
        assertEquals(1, sim.inspector().thread("a.client").ipcsSent(), "the send phase had completed");
        assertEquals(0, sim.inspector().thread("a.client").ipcsReceived(), "the late reply did not reach the client");
        assertEquals((IpcError.TIMEOUT << 1) | IpcError.SEND_PHASE, sim.userState("srv.s").received("_").error(), "the server's reply found nobody waiting");
    }

    @Test
    void aThreadOfAnotherTaskIsRefusedUnlessTheCallerIsTheRootTask() {
        // 'root' is the privileged root task; 'b' is not and may not touch a's thread.
        var victim = thread("victim", 10, new Op.Receive(new Target.Thread("root.r"), null, "m", Timeout.cycles(50_000), AT), keepError("err", "m"));
        var foreign = thread("f", 5, cancel("a.victim"));
        var root = thread("r", 1, new Op.Compute(c(100), AT));
        Simulation sim = runTraced(task("root", null, root).withPrivileged(true), task("a", null, victim), task("b", null, foreign));
        assertEquals(1, sim.inspector().errors().size(), sim.inspector().errors().toString());
        var e = sim.inspector().errors().get(0);
        assertEquals("b.f", e.thread());
        assertEquals("cancel ipc of a.victim refused: b.f may only control threads of its own task b (only threads of the privileged root task may control any thread)", e.message());
        assertFalse(e.fatal());
        assertEquals((IpcError.TIMEOUT << 1) | IpcError.RECEIVE_PHASE, sim.userState("a.victim").variable("err"), "the victim's IPC was left alone");

        var rootCancels = thread("r", 1, cancel("a.victim"));
        Simulation ok = runTraced(task("a", null, victim), task("root", null, rootCancels).withPrivileged(true));
        assertTrue(ok.inspector().errors().isEmpty(), ok.inspector().errors().toString());
        assertEquals((IpcError.CANCELED << 1) | IpcError.RECEIVE_PHASE, ok.userState("a.victim").variable("err"));
    }

    @Test
    void aStaleThreadIdIsRefused() {
        // ctl learns x's thread ID from a message; x then ends, so the ID names no thread any more.
        var x = thread("x", 10, new Op.Send(new Target.Thread("a.ctl"), words(1), Timeout.NEVER, AT));
        var ctl = thread("ctl", 5, waitAny("m"), sleep(1000), new Op.CancelIpc(new Target.Sender("m"), false, AT));
        Simulation sim = runTraced(task("a", null, x, ctl));
        assertEquals(1, sim.inspector().errors().size(), sim.inspector().errors().toString());
        String msg = sim.inspector().errors().get(0).message();
        assertTrue(msg.startsWith("cancel ipc of 0x") && msg.endsWith("refused: no such thread (stale thread ID: a.x has ended)"), msg);
        assertNull(sim.userState("a.x").received("_"));
    }

    @Test
    void anIrqPseudoThreadCannotBeCancelled() {
        var t = thread("t", 10, new Op.CancelIpc(new Target.Irq(3), false, AT));
        Simulation sim = runTraced(task("a", null, t));
        assertEquals("an IRQ pseudo-thread has no IPC to cancel", sim.inspector().errors().get(0).message());
    }

    @Test
    void sameScenarioSameTrace() {
        var victim = thread("victim", 10, new Op.Send(new Target.Thread("b.busy"), words(7), Timeout.NEVER, AT), keepError("err", "_"));
        var canceller = thread("ctl", 5, cancel("a.victim"));
        var busy = thread("busy", 1, new Op.Compute(c(20_000), AT));
        Simulation one = runTraced(task("a", null, victim, canceller), task("b", null, busy));
        Simulation two = runTraced(task("a", null, victim, canceller), task("b", null, busy));
        assertEquals(one.inspector().traceEvents(), two.inspector().traceEvents());
    }

    @Test
    void aThreadWaitingForItsExceptionReplyIsLeftAlone() {
        // f raises; the handler takes the exception IPC and sleeps before answering; meanwhile ctl aborts f's "IPC".
        var f = new dev.mkw.scenario.ThreadSpec("f", 10, 0, 0, false, null, "sup.h",
                List.of(new Op.Raise(Op.ExceptionKind.BREAKPOINT, AT), new Op.Let("resumed", c(1), AT)), AT);
        var ctl = thread("ctl", 5, abort("a.f"));
        var h = thread("h", 20, waitAny("e"), sleep(5000), new Op.Reply(new Target.Sender("e"), words(), AT));
        Simulation sim = runTraced(task("a", null, f, ctl), task("sup", null, h));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        List<TraceEvent> ev = exregsEvents(sim);
        assertEquals(1, ev.size());
        assertEquals("abort ipc: no IPC in progress (page_fault)", ev.get(0).detail());
        assertEquals(1L, sim.userState("a.f").variable("resumed"), "the handler's reply still resumed it");
        assertNull(sim.userState("a.f").received("_"), "no error was bound");
    }
}
