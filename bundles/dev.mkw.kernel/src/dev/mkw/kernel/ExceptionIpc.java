package dev.mkw.kernel;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.tcb.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.sim.TraceKind;

/**
 * The thread state an exception IPC carries, and what the handler's reply does with it
 * (L4 X.2: the exception message holds the faulting thread's instruction pointer and
 * registers; the reply's message registers become the thread's new state).
 *
 * <p>MKW's user threads have no machine registers; their state is the instruction pointer
 * ({@link dev.mkw.user.UserProgram#instructionPointer}, the number of the operation
 * that raised) and four general registers, the program variables {@code r0..r3} (0 when
 * unset). The message is {@code w0} = IP, {@code w1..w4} = r0..r3. The reply:
 * <ul>
 * <li>without words: the thread goes on after the raising operation with its registers as
 * they were (what a handler that only looked does);</li>
 * <li>with words: {@code w0} is the IP to resume at: the reported IP runs the raising
 * operation again (x86 fault semantics), IP + 1 goes on after it; a program has no other
 * addresses to jump to, so any other IP is refused. {@code w1..} set r0.. in order;</li>
 * <li>"stop" ends the thread instead of resuming it.</li>
 * </ul>
 */
public final class ExceptionIpc {
    /** L4 X.2 exception IPC label: -5 in the upper bits (ia32). */
    public static final long LABEL = -5L << 4;
    public static final int REGISTERS = 4;

    private ExceptionIpc() {}

    /** The message words of an exception IPC of {@code t}: IP, then r0..r3. Remembers the IP for the reply. */
    static long[] state(Tcb t) {
        t.exceptionIp = t.program.instructionPointer();
        long[] w = new long[1 + REGISTERS];
        w[0] = t.exceptionIp;
        for (int i = 0; i < REGISTERS; i++) w[1 + i] = t.variables.getOrDefault(register(i), 0L);
        return w;
    }

    static String register(int i) {
        return "r" + i;
    }

    /**
     * The handler {@code h} answered {@code t}'s exception IPC with {@code reply}: set the
     * thread's state from it. Returns null, or why the reply cannot be applied (the thread
     * then resumes after the raising operation, registers unchanged).
     */
    static String resume(Kernel k, Tcb h, Tcb t, Message reply, KernelPath p) {
        long ip = t.exceptionIp;
        t.exceptionIp = -1;
        long[] w = reply.words();
        p.touch(t.address + Tcb.SIZE - 128, MemoryHierarchy.WRITE).instructions(PathLengths.PER_WORD * w.length);
        if (w.length == 0) return null;
        if (w[0] != ip && w[0] != ip + 1) {
            return "exception reply of " + h.name + " sets IP " + w[0] + ", but " + t.name + " can only resume at the raising operation (IP "
                    + ip + ") or after it (IP " + (ip + 1) + ")";
        }
        if (w[0] == ip) t.program.retry();
        for (int i = 1; i < w.length && i <= REGISTERS; i++) t.variables.put(register(i - 1), w[i]);
        k.record(TraceKind.EXCEPTION, t, h.name, p.name(), w[0], w[0] == ip ? "resumed at the raising operation" : "resumed after the raising operation");
        return null;
    }

    /** The handler's reply said stop: {@code t} ends instead of resuming. */
    static void stop(Kernel k, Tcb h, Tcb t) {
        KernelPath p = k.path("ipc.slowpath");
        p.cost(CostKind.KERNEL_ENTRY).instructions(PathLengths.IPC_SLOWPATH).touch(t.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE).cost(CostKind.KERNEL_EXIT);
        k.charge(p, h);
        t.exceptionIp = -1;
        t.faultAddress = -1;
        t.partner = ThreadId.NIL;
        h.ipcsSent++;
        k.record(TraceKind.THREAD_STATE, t, h.name, p.name(), 0, "stopped by " + h.name);
    }
}
