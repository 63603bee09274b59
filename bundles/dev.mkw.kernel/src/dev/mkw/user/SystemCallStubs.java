package dev.mkw.user;

import java.util.List;

import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.abi.SystemCall;
import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.abi.UserCpu;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.abi.Utcb;
import dev.mkw.scenario.Timeout;

/**
 * The user-level system-call library (what {@code libl4}'s {@code L4_Ipc}, {@code L4_Unmap}
 * ... are to an L4 program): load the registers and the UTCB as the ABI wants them, then
 * trap. Message words beyond the ISA's register MRs are stored to the UTCB by user code,
 * and cost it.
 *
 * <p>The library's own work costs too: one instruction (a {@code mov}) per register it loads
 * before the trap, the call's arguments and the message registers the ISA passes in registers
 * ({@link #REGISTER_LOAD_INSTRUCTIONS}; docs/cost-model.md). Every published IPC figure is
 * measured from user level and includes it.
 */
public final class SystemCallStubs {
    private SystemCallStubs() {}

    /**
     * Instructions per register the library loads before a trap: one move. An estimate from the
     * shape of the code (a register load of a value the program has at hand), not a count of a
     * particular library; docs/cost-model.md.
     */
    static final int REGISTER_LOAD_INSTRUCTIONS = 1;

    /** Load a message (label, untyped words, typed items) into MR0... */
    static void loadMessage(UserCpu cpu, long label, long[] words, List<TypedItem> items) {
        Utcb u = cpu.utcb();
        int max = Utcb.MRS - 1;
        int n = Math.min(words.length, max);
        int typed = Math.min(items.size() * 2, max - n);
        u.setMr(0, new MessageTag(label, false, typed, n).encode());
        for (int i = 0; i < n; i++) u.setMr(1 + i, words[i]);
        int at = 1 + n;
        for (TypedItem it : items) {
            if (at + 1 > max) break;
            u.setMr(at++, it.word0());
            u.setMr(at++, it.word1());
        }
        int inRegisters = cpu.abi().registerMrs();
        cpu.instructions((long) REGISTER_LOAD_INSTRUCTIONS * Math.min(at, inRegisters));
        if (at > inRegisters) cpu.storeUtcbWords(inRegisters, at);
    }

    /** L4 Ipc: send to {@code to} (NIL: none), then receive from {@code from} (NIL: none, ANY: anybody). */
    static void ipc(UserCpu cpu, long to, long from, long sendTimeout, long recvTimeout, Acceptor acceptor) {
        UserRegisters r = cpu.registers();
        r.set(UserRegisters.TO, to);
        r.set(UserRegisters.FROM, from);
        r.set(UserRegisters.SEND_TIMEOUT, sendTimeout);
        r.set(UserRegisters.RECV_TIMEOUT, recvTimeout);
        cpu.instructions(4L * REGISTER_LOAD_INSTRUCTIONS);
        (acceptor == null ? Acceptor.NONE : acceptor).store(cpu.utcb());
        cpu.trap(SystemCall.IPC);
    }

    /** A system call with TO and three arguments in registers (Unmap, ExchangeRegisters, notify/wait, ...). */
    public static void call(UserCpu cpu, SystemCall call, long to, long arg0, long arg1, long arg2) {
        UserRegisters r = cpu.registers();
        r.set(UserRegisters.TO, to);
        r.set(UserRegisters.ARG0, arg0);
        r.set(UserRegisters.ARG1, arg1);
        r.set(UserRegisters.ARG2, arg2);
        cpu.instructions(4L * REGISTER_LOAD_INSTRUCTIONS);
        cpu.trap(call);
    }

    static void waitNotify(UserCpu cpu, long mask, long timeout) {
        cpu.registers().set(UserRegisters.RECV_TIMEOUT, timeout);
        cpu.instructions(REGISTER_LOAD_INSTRUCTIONS);
        call(cpu, SystemCall.WAIT_NOTIFY, UserRegisters.NIL, mask, 0, 0);
    }

    /** A scenario timeout as the ABI encodes it in a timeout register. */
    static long timeout(Timeout t) {
        return switch (t.kind()) {
            case NEVER -> UserRegisters.NEVER;
            case ZERO -> 0;
            case CYCLES -> t.cycles();
        };
    }
}
