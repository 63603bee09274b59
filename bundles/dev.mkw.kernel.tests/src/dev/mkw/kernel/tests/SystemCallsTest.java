package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelError;
import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.abi.IpcError;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.abi.SystemCall;
import dev.mkw.kernel.abi.UserCpu;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;

/**
 * The system-call boundary (L4 X.2 reference manual, "System Calls"; seL4 reference manual,
 * "System Calls"): user code loads its arguments into registers and the UTCB and traps; the
 * kernel hands each call to its mechanism and returns results only in registers and the UTCB.
 * Arguments that name nothing are refused with an error, never a failure of the kernel.
 */
class SystemCallsTest {
    /** The scenario's first thread: number UserBase + 1 on the i486's 16 lines (sigma0 has UserBase). */
    private static final long SELF = ThreadId.of(17, 1);

    private static void call(UserCpu cpu, SystemCall call, long to, long arg0, long arg1, long arg2) {
        dev.mkw.user.SystemCallStubs.call(cpu, call, to, arg0, arg1, arg2);
    }

    private static Simulation run(RawThread code, boolean privileged) {
        Scenario s = scenario("i486_50", KernelConfig.defaults(), task("a", null, thread("t", 10, new Op.Exit(AT))).withPrivileged(privileged));
        Simulation sim = RawThread.run(s, Map.of("t", code));
        assertEquals(ThreadId.format((int) SELF), sim.inspector().thread("a.t").id(), "the thread ID the steps use");
        return sim;
    }

    @Test
    void eachSystemCallReachesItsMechanism() {
        long[] bits = new long[2];
        RawThread code = new RawThread(
                cpu -> call(cpu, SystemCall.NOTIFY, SELF, 1, 0, 0),
                cpu -> {
                    cpu.registers().set(UserRegisters.RECV_TIMEOUT, UserRegisters.NEVER);
                    call(cpu, SystemCall.WAIT_NOTIFY, UserRegisters.NIL, 1, 0, 0);
                },
                cpu -> {
                    bits[0] = cpu.utcb().mr(1);
                    bits[1] = MessageTag.decode(cpu.utcb().mr(0)).label();
                    call(cpu, SystemCall.UNMAP, UserRegisters.NIL, new Fpage(0x10_0000, 12, Fpage.RWX).encode(), Fpage.RWX, 0);
                },
                cpu -> call(cpu, SystemCall.EXCHANGE_REGISTERS, SELF, SystemCall.EXREGS_CANCEL, 0, 0),
                cpu -> call(cpu, SystemCall.THREAD_CONTROL, UserRegisters.NIL, 5, 1, 0),
                cpu -> call(cpu, SystemCall.CAP_REVOKE, UserRegisters.NIL, 0, 0, 0),
                cpu -> {
                    cpu.kdebugText("hello from a.t");
                    call(cpu, SystemCall.KDEBUG, UserRegisters.NIL, 0, 0, 0);
                },
                cpu -> call(cpu, SystemCall.THREAD_EXIT, UserRegisters.NIL, 0, 0, 0),
                cpu -> { throw new AssertionError("ran after its exit"); });
        Simulation sim = run(code, true);
        var i = sim.inspector();
        assertEquals(1, bits[0], "WAIT_NOTIFY returned the bit in MR1");
        assertEquals(MessageTag.NOTIFICATION, bits[1]);
        for (String path : List.of("notify", "unmap", "exregs", "thread.control", "cap.revoke")) assertEquals(1, i.path(path).count(), path);
        assertEquals(List.of("revoke: capability slot 0 of task a is empty", "hello from a.t"), i.errors().stream().map(KernelError::message).toList());
        assertTrue(i.errors().stream().noneMatch(KernelError::fatal));
        assertEquals(8, code.stepsRun());
        assertEquals("DEAD", i.thread("a.t").state());
        assertNull(i.irqHandler(5), "attached by THREAD_CONTROL, let go at the exit");
    }

    /** A receive that times out: FROM is nil, MR0 has the E bit, the ErrorCode TCR says timeout in the receive phase. */
    @Test
    void ipcResultsComeBackInRegistersAndTheUtcb() {
        long[] seen = new long[3];
        RawThread code = new RawThread(
                cpu -> {
                    UserRegisters r = cpu.registers();
                    r.set(UserRegisters.TO, UserRegisters.NIL);
                    r.set(UserRegisters.FROM, SELF);
                    r.set(UserRegisters.RECV_TIMEOUT, 100);
                    Acceptor.NONE.store(cpu.utcb());
                    cpu.trap(SystemCall.IPC);
                },
                cpu -> {
                    seen[0] = cpu.registers().get(UserRegisters.FROM);
                    seen[1] = MessageTag.decode(cpu.utcb().mr(0)).error() ? 1 : 0;
                    seen[2] = cpu.utcb().errorCode();
                });
        Simulation sim = run(code, false);
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(UserRegisters.NIL, seen[0]);
        assertEquals(1, seen[1], "E bit");
        assertEquals(IpcError.code(IpcError.TIMEOUT, IpcError.RECEIVE_PHASE), seen[2]);
    }

    /** Words that name no thread, or no sensible fpage, are refused with a message; the caller goes on. */
    @Test
    void argumentsThatNameNothingAreRefusedNotFatal() {
        RawThread code = new RawThread(
                cpu -> call(cpu, SystemCall.NOTIFY, 12_345_678, 1, 0, 0),
                cpu -> call(cpu, SystemCall.UNMAP, UserRegisters.NIL, -1L, 7, 1),
                cpu -> call(cpu, SystemCall.EXCHANGE_REGISTERS, -5, SystemCall.EXREGS_ABORT, 0, 0),
                cpu -> call(cpu, SystemCall.THREAD_CONTROL, UserRegisters.NIL, 99, 1, 0),
                cpu -> cpu.compute(1));
        Simulation sim = run(code, true);
        List<String> said = sim.inspector().errors().stream().map(KernelError::message).toList();
        assertEquals(List.of("notify: " + ThreadId.format(12_345_678) + " is not a thread", "abort ipc of -5 refused: no such thread",
                "IRQ line 99 does not exist on this machine (0..15)"), said);
        assertFalse(sim.inspector().errors().stream().anyMatch(KernelError::fatal));
        assertEquals(5, code.stepsRun(), "the thread went on after each refusal");
    }
}
