package dev.mkw.kernel.baseline;

import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.thread.Tcb;

/**
 * The Ipc system call of a baseline kernel (variant {@code kernel { ipc mach|lrpc }}): the
 * mechanism the literature compares L4 with, run on the same simulated machine, costed through
 * its own kernel code ({@link BaselineCode}) and its own kernel objects in simulated kernel memory
 * ({@link BaselineLayout}). The system-call boundary hands every Ipc to it; what the baseline does
 * not model (page-fault, exception and interrupt IPC, which the kernel generates) it leaves to L4's
 * {@link dev.mkw.kernel.ipc.IpcPath}, so pagers and drivers work unchanged.
 */
public abstract class BaselineIpc {
    protected final Kernel k;
    protected final BaselineCode.Image code;

    protected BaselineIpc(Kernel k) {
        this.k = k;
        this.code = new BaselineCode.Image(BaselineLayout.text(k.kernelMemory().base), k.abi());
    }

    /** The baseline the configuration selects, or null for L4's own IPC. */
    public static BaselineIpc of(Kernel k) {
        return switch (k.config().ipc()) {
            case L4 -> null;
            case MACH -> new dev.mkw.kernel.baseline.mach.MachIpc(k);
            case LRPC -> new dev.mkw.kernel.baseline.lrpc.Lrpc(k);
        };
    }

    /** Boot, after the tasks and threads exist: map the baseline's code and kernel objects. */
    public final void boot() {
        code.load(k.kernelMemory(), k.mem(), k.machine().memory().frameSize());
        createObjects();
    }

    /** Create and map the baseline's kernel objects (name tables, ports, bindings...). */
    protected abstract void createObjects();

    /** The Ipc system call of the running thread {@code t}. */
    public abstract void ipc(Tcb t);

    /**
     * Whether the Ipc of {@code s} (its TO and FROM registers) belongs to what the kernel itself sends
     * or answers: a pager's reply to a page fault, an interrupt's acknowledgement, a receive of a
     * thread that handles interrupts or has a fault pending, anything of sigma0's. The baselines
     * leave these to L4's IPC.
     */
    protected final boolean kernelProtocol(Tcb s, long to, long from) {
        if (s == k.sigma0Thread()) return true;
        if (to != dev.mkw.kernel.abi.UserRegisters.NIL) {
            if (k.interrupts().lineOf(to) >= 0) return true;
            Tcb t = k.slotOf(to);
            if (t != null && t.state == dev.mkw.kernel.tcb.ThreadState.PAGE_FAULT && t.partner == s.id) return true;
        }
        if (from != dev.mkw.kernel.abi.UserRegisters.NIL) {
            if (from != dev.mkw.kernel.abi.UserRegisters.ANY && k.interrupts().lineOf(from) >= 0) return true;
            if (k.interrupts().handlers().containsValue(s)) return true;
            for (Tcb q : s.sendQueue) if (q.state == dev.mkw.kernel.tcb.ThreadState.PAGE_FAULT) return true;
        }
        return false;
    }

    /**
     * A user access of {@code t} at {@code addr} faulted: whether the baseline resolved it itself
     * (Mach's copy-on-write of out-of-line memory) instead of L4's page-fault IPC to the pager.
     */
    public boolean pageFault(Tcb t, long addr, int kind) {
        return false;
    }

    /** Map the kernel pages of {@code [from, to)} that are not mapped yet (boot). */
    protected final void mapKernel(long from, long to) {
        int page = k.machine().memory().frameSize();
        for (long a = from & -(long) page; a < to; a += page) {
            if (!k.kernelMemory().mapped(a)) k.kernelMemory().mapFresh(a, k.mem());
        }
    }

    /** Whether the variant in use is {@code v} (for messages). */
    protected final boolean is(KernelConfig.Ipc v) {
        return k.config().ipc() == v;
    }
}
