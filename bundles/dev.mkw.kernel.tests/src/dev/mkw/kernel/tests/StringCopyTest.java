package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.abi.IpcError;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.abi.SystemCall;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.run.Simulation;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/**
 * String items (L4 X.2 reference manual, "String Items", "Message Transfer"; Liedtke, "Improving
 * IPC by Kernel Design", SOSP 1993, §5.4 "temporary mapping"): the kernel copies the sender's
 * string into the receiver's buffer, compound strings one after the other, either through a
 * kernel buffer (every word moved twice) or once through a temporarily mapped communication
 * window. A string the buffer cannot hold, or a receiver that accepts none, is a message
 * overflow; a buffer page that is not mapped ends the transfer with X.2's transfer-timeout error.
 */
class StringCopyTest {

    private static Simulation send(KernelConfig k, long bytes, long buffer) {
        MessageSpec msg = new MessageSpec(null, c(3), List.of(), List.of(new MessageSpec.StringItem(c(0x20000), c(bytes))));
        var sender = thread("s", 100, new Op.Touch(c(0x20000), c(0x24000), c(4096), true, AT),
                new Op.Send(new Target.Thread("rx.r"), msg, Timeout.NEVER, AT));
        var receiver = thread("r", 110, new Op.Touch(c(0x30000), c(0x34000), c(4096), true, AT),
                new Op.Receive(new Target.Any(), new Op.Acceptor(null, 0, c(0x30000), c(buffer)), "m", Timeout.NEVER, AT));
        return run(scenario("i486_50", k, task("tx", "root", sender), task("rx", "root", receiver)));
    }

    @Test
    void bothVariantsDeliverTheString() {
        for (KernelConfig.StringCopy v : KernelConfig.StringCopy.values()) {
            Simulation sim = send(KernelConfig.defaults().withStringCopy(v), 6000, 16384);
            assertTrue(sim.inspector().errors().isEmpty(), v + ": " + sim.inspector().errors());
            assertEquals(6000, sim.userState("rx.r").received("m").stringBytes(), v.toString());
        }
    }

    @Test
    void copyInCopyOutMovesEveryWordTwice() {
        long twice = send(KernelConfig.defaults().withStringCopy(KernelConfig.StringCopy.COPY_IN_OUT), 12000, 16384).inspector().path("ipc.slowpath").total();
        long once = send(KernelConfig.defaults().withStringCopy(KernelConfig.StringCopy.TEMPORARY_MAPPING), 12000, 16384).inspector().path("ipc.slowpath").total();
        assertTrue(twice > once, "copy-in/copy-out " + twice + " vs temporary mapping " + once);
    }

    @Test
    void anOverlongStringIsAMessageOverflow() {
        Simulation sim = send(KernelConfig.defaults(), 5000, 4096);
        assertTrue(sim.inspector().errors().get(0).message().contains("message overflow: a string of 5000 bytes for the 4096 bytes left of a buffer of 4096"), sim.inspector().errors().toString());
        assertEquals((4 << 1) | 1, sim.userState("rx.r").received("m").error(), "L4 error code: message overflow, receive phase");
    }

    @Test
    void anEmptyStringIsFine() {
        Simulation sim = send(KernelConfig.defaults(), 0, 4096);
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(0, sim.userState("rx.r").received("m").stringBytes());
    }

    /** Issue 19: a sender that had to queue has its string read through its own address space (it crashed or charged nothing). */
    @Test
    void aQueuedSendersStringIsReadFromTheSendersSpace() {
        MessageSpec msg = new MessageSpec(null, c(3), List.of(), List.of(new MessageSpec.StringItem(c(0x20000), c(6004))));
        var sender = thread("s", 100, new Op.Touch(c(0x20000), c(0x24000), c(4096), true, AT),
                new Op.Send(new Target.Thread("rx.r"), msg, Timeout.NEVER, AT));
        // The receiver is busy first, so the sender queues and the receiver's receive takes it.
        var receiver = thread("r", 90, new Op.Touch(c(0x30000), c(0x34000), c(4096), true, AT), new Op.Compute(c(50_000), AT),
                new Op.Receive(new Target.Any(), new Op.Acceptor(null, 0, c(0x30000), c(16384)), "m", Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("tx", "root", sender), task("rx", "root", receiver)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(6004, sim.userState("rx.r").received("m").stringBytes());
        assertTrue(sim.inspector().path("ipc.slowpath").total() > 6004 / 8, "every word of the string was copied and charged");
    }

    /** Issue 19: compound strings fill the receive buffer one after the other instead of overwriting each other. */
    @Test
    void compoundStringsLandOneAfterTheOther() {
        MessageSpec msg = new MessageSpec(null, c(3), List.of(), List.of(new MessageSpec.StringItem(c(0x20000), c(3000)),
                new MessageSpec.StringItem(c(0x21000), c(2000))));
        var sender = thread("s", 100, new Op.Send(new Target.Thread("rx.r"), msg, Timeout.NEVER, AT));
        var receiver = thread("r", 110, new Op.Receive(new Target.Any(), new Op.Acceptor(null, 0, c(0x30000), c(8192)), "m", Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("tx", "root", sender), task("rx", "root", receiver)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(5000, sim.userState("rx.r").received("m").stringBytes());
        var u = sim.inspector();
        // MR1/MR2: the first delivered string item, MR3/MR4: the second (X.2 string items: length << 10, address).
        assertEquals(0x30000, u.messageRegister("rx.r", 2), "the first string at the buffer's start");
        assertEquals(0x30000 + 3000, u.messageRegister("rx.r", 4), "the second right after it");
    }

    /** Issue 19: a string whose pages a user-level pager (not sigma0) backs arrives too: its faults are served before the copy. */
    @Test
    void aUserPagersTaskSendsStringsToo() {
        dev.mkw.scenario.Expr page = new dev.mkw.scenario.Expr.Binary("&", new dev.mkw.scenario.Expr.Field("f", "addr"), c(0xFFFF_F000L));
        dev.mkw.scenario.Expr source = new dev.mkw.scenario.Expr.Binary("+", new dev.mkw.scenario.Expr.Binary("-", page, c(0x20000)), c(0x100000));
        MessageSpec mapIt = new MessageSpec(null, c(0), List.of(), List.of(new MessageSpec.MapItem(source, 12, "rw", false, null)));
        var pager = thread("pager", 200, new Op.Touch(c(0x100000), c(0x104000), c(4096), true, AT),
                Scenarios.repeat(2, new Op.Receive(new Target.Any(), null, "f", Timeout.NEVER, AT), new Op.Reply(new Target.Sender("f"), mapIt, AT)));
        MessageSpec msg = new MessageSpec(null, c(3), List.of(), List.of(new MessageSpec.StringItem(c(0x20000), c(6000))));
        var sender = thread("s", 100, new Op.Send(new Target.Thread("rx.r"), msg, Timeout.NEVER, AT));
        var receiver = thread("r", 110, new Op.Receive(new Target.Any(), new Op.Acceptor(null, 0, c(0x30000), c(8192)), "m", Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("mem", "root", pager), task("tx", "mem.pager", sender), task("rx", "root", receiver)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(6000, sim.userState("rx.r").received("m").stringBytes());
        assertEquals(2, sim.inspector().thread("tx.s").pageFaults(), "the string's two pages faulted to the user-level pager");
    }

    /** A receiver whose acceptor takes no strings gets X.2's message overflow (reason 4) in its receive phase. */
    @Test
    void aReceiverThatAcceptsNoStringsOverflows() {
        MessageSpec msg = new MessageSpec(null, c(3), List.of(), List.of(new MessageSpec.StringItem(c(0x20000), c(100))));
        var sender = thread("s", 100, new Op.Touch(c(0x20000), c(0x21000), c(4096), true, AT), new Op.Send(new Target.Thread("rx.r"), msg, Timeout.NEVER, AT));
        var receiver = thread("r", 110, new Op.Receive(new Target.Any(), null, "m", Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("tx", "root", sender), task("rx", "root", receiver)));
        assertTrue(sim.inspector().errors().get(0).message().contains("the receiver accepts no string items"), sim.inspector().errors().toString());
        assertEquals(IpcError.code(IpcError.MESSAGE_OVERFLOW, IpcError.RECEIVE_PHASE),
                sim.userState("rx.r").received("m").error());
    }

    /**
     * The kernel sends no page-fault IPC in the middle of a copy: a buffer page that is not mapped
     * is a transfer timeout in the partner's space (X.2 reason 6). The receiver is raw user code
     * that offers a buffer it never touched (the interpreter, like L4 libraries, touches it first).
     */
    @Test
    void anUnmappedBufferPageIsATransferTimeout() {
        MessageSpec msg = new MessageSpec(null, c(3), List.of(), List.of(new MessageSpec.StringItem(c(0x20000), c(100))));
        var sender = thread("s", 100, new Op.Touch(c(0x20000), c(0x21000), c(4096), true, AT), new Op.Send(new Target.Thread("rx.r"), msg, Timeout.NEVER, AT));
        long[] seen = new long[2];
        RawThread receiver = new RawThread(cpu -> {
            UserRegisters r = cpu.registers();
            r.set(UserRegisters.TO, UserRegisters.NIL);
            r.set(UserRegisters.FROM, UserRegisters.ANY);
            r.set(UserRegisters.RECV_TIMEOUT, UserRegisters.NEVER);
            new Acceptor(Fpage.NIL, true, 0x30000, 4096).store(cpu.utcb());
            cpu.trap(SystemCall.IPC);
        }, cpu -> {
            seen[0] = cpu.utcb().errorCode();
            seen[1] = MessageTag.decode(cpu.utcb().mr(0)).typedWords();
        });
        Simulation sim = RawThread.run(scenario("i486_50", KernelConfig.defaults(), task("tx", "root", sender), task("rx", "root", thread("r", 110, new Op.Exit(AT)))),
                java.util.Map.of("r", receiver));
        assertTrue(sim.inspector().errors().get(0).message().contains("the receiver's buffer page at 0x30000 is not mapped"), sim.inspector().errors().toString());
        assertEquals(IpcError.code(IpcError.XFER_TIMEOUT_PARTNER, IpcError.RECEIVE_PHASE), seen[0]);
        assertEquals(0, seen[1], "no string item was delivered");
    }
}
