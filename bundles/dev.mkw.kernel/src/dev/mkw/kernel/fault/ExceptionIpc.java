package dev.mkw.kernel.fault;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelError;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.sim.TraceKind;

/**
 * Exceptions as IPC (Microkernel Construction I.8; L4 X.2 reference manual, "Exception
 * Protocol"): a faulting instruction becomes a message from the thread to its exception
 * handler holding the thread's state, and the handler's reply sets that state.
 *
 * <p>The message: label -5 &lt;&lt; 4 (X.2 ia32) with the x86 vector in the low 4 bits (15:
 * none), MR1 the instruction pointer, MR2..MR5 the general registers r0..r3. The reply:
 * without words the thread resumes as it was; with words MR1 becomes its instruction
 * pointer and MR2.. its registers (the thread's code decides what an IP means);
 * ExchangeRegisters with the halt bit ends the thread instead ({@link #stop}).
 */
public final class ExceptionIpc {
    private final Kernel k;

    public ExceptionIpc(Kernel k) {
        this.k = k;
    }

    /** {@code t} raised exception {@code vector} ({@code name} for the report). */
    public void raise(Tcb t, int vector, String name) {
        KernelPath p = k.path("exception");
        p.cost(CostKind.INTERRUPT_ENTRY).cost(CostKind.REGISTER_SAVE).execute(KernelCode.PAGEFAULT);
        k.record(TraceKind.EXCEPTION, t, "", "exception", 0, name);
        Tcb h = t.exceptionHandler;
        if (h == null || h.state == dev.mkw.kernel.tcb.ThreadState.DEAD) {
            k.charge(p, t);
            k.error(KernelError.Kind.UNHANDLED_EXCEPTION, t, null, "unhandled exception " + name + ": the thread has " + (h == null ? "no exception handler" : "a dead exception handler " + h.name), true);
            return;
        }
        t.faultAddress = -1;
        long[] w = new long[1 + UserRegisters.GENERAL];
        w[0] = t.regs.ip();
        for (int i = 0; i < UserRegisters.GENERAL; i++) w[1 + i] = t.regs.general(i);
        Message.write(t.utcb, MessageTag.EXCEPTION | (vector < 0 || vector > 14 ? 0xF : vector), w);
        k.pageFaults().sendOnBehalf(t, h, p);
    }

    /** The handler {@code h}'s reply {@code reply} sets {@code t}'s instruction pointer and registers. */
    void resume(Tcb h, Tcb t, Message reply, KernelPath p) {
        long[] w = reply.words();
        p.touch(t.address + Tcb.OFF_TRAP_FRAME, MemoryHierarchy.WRITE).execute(KernelCode.COPY_WORD, PathLengths.PER_WORD * w.length);
        if (w.length == 0) return;
        t.regs.setIp(w[0]);
        for (int i = 1; i < w.length && i <= UserRegisters.GENERAL; i++) t.regs.setGeneral(i - 1, w[i]);
        k.record(TraceKind.EXCEPTION, t, h.name, p.name(), w[0], "registers set by " + h.name);
    }

    /** ExchangeRegisters halt from the handler: {@code t}, waiting for h's reply, ends instead of resuming. */
    public void stop(Tcb h, Tcb t) {
        KernelPath p = k.path("ipc.slowpath");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IPC_SLOWPATH).touch(t.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE).cost(CostKind.KERNEL_EXIT);
        k.charge(p, h);
        t.faultAddress = -1;
        k.ipc().endWait(t);
        h.stats.ipcSent++;
        k.record(TraceKind.THREAD_STATE, t, h.name, p.name(), 0, "stopped by " + h.name);
        k.lifecycle().exit(t);
    }
}
