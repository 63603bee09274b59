package dev.mkw.kernel.fault;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelError;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.TraceKind;

/**
 * Page faults as IPC (Microkernel Construction I.8, "Page Fault Handling"; L4 X.2 reference
 * manual, "Page Fault Protocol"): the kernel turns a user page fault into a message from the
 * faulting thread to its pager (label -2 &lt;&lt; 4 with the access in the low bits, MR1 the
 * address, MR2 the instruction pointer) and blocks the thread until the pager replies; the
 * reply's map items are installed with the whole address space as receive window, and the
 * thread runs the faulting access again. sigma0 is a pager like any other, at user level.
 */
public final class PageFaultIpc {
    /** The access bits of the page-fault label (X.2: r = 4, w = 2, x = 1). */
    private static final int R = 4, W = 2, X = 1;
    private final Kernel k;

    public PageFaultIpc(Kernel k) {
        this.k = k;
    }

    /** A user access by {@code t} at {@code addr} faulted; the thread waits for its pager's reply. */
    public void pageFault(Tcb t, long addr, int kind) {
        t.stats.pageFaults++;
        // A baseline kernel may resolve it itself (Mach: a write to a copy-on-write page of out-of-line memory).
        var baseline = k.syscalls().baseline();
        if (baseline != null && baseline.pageFault(t, addr, kind)) return;
        KernelPath p = k.path("pagefault");
        p.add(k.mem().faultCycles()).cost(CostKind.INTERRUPT_ENTRY).cost(CostKind.REGISTER_SAVE).execute(KernelCode.PAGEFAULT);
        p.touch(t.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        String access = kind == MemoryHierarchy.WRITE ? "write" : kind == MemoryHierarchy.EXECUTE ? "execute" : "read";
        k.record(TraceKind.PAGE_FAULT, t, t.pager == null ? "" : t.pager.name, "pagefault", addr, access);
        if (t.pager == null || t.pager.state == ThreadState.DEAD) {
            k.charge(p, t);
            k.error(KernelError.Kind.PAGE_FAULT, t, null, String.format("page fault at 0x%x (%s) but the thread has %s", addr, access, t.pager == null ? "no pager" : "a dead pager " + t.pager.name), true);
            return;
        }
        int bits = kind == MemoryHierarchy.WRITE ? W : kind == MemoryHierarchy.EXECUTE ? X : R;
        t.faultAddress = addr;
        t.faultKind = kind;
        Message.write(t.utcb, MessageTag.PAGE_FAULT | bits, addr, t.regs.ip());
        sendOnBehalf(t, t.pager, p);
    }

    /**
     * Send the kernel-generated message now in {@code t}'s message registers to
     * {@code handler} on t's behalf; t waits for the reply in PAGE_FAULT state (a closed
     * receive from the handler that only its reply ends).
     */
    public void sendOnBehalf(Tcb t, Tcb handler, KernelPath p) {
        t.state = ThreadState.PAGE_FAULT;
        t.partner = handler.id;
        k.scheduler().block(t);
        if (handler.state == ThreadState.RECEIVING && (handler.partner == ThreadId.NIL || handler.partner == t.id)) {
            Message m = Message.read(t.utcb);
            k.ipc().transfer().deliver(t, handler, m, 0, p);
            handler.replyCap = t.id;
            handler.state = ThreadState.READY;
            k.ipc().endWait(handler);
            k.directSwitch(null, handler, p);
            t.stats.ipcSent++;
            p.cost(CostKind.KERNEL_EXIT);
            k.charge(p, t);
            k.ipcDelivered(t, handler, m.words().length, p.cycles());
            return;
        }
        // Queued: the handler's receive takes it (and counts it) like any queued send.
        t.sendBadge = 0;
        handler.sendQueue.addLast(t);
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, t);
    }

    /**
     * The handler {@code h} replied {@code m} to {@code t}'s page-fault or exception IPC:
     * install the mappings, set the registers an exception reply carries, resume the thread.
     */
    public void reply(Tcb h, Tcb t, Message m) {
        boolean pageFault = t.faultAddress >= 0;
        KernelPath p = k.path(m.items(TypedItem.MapItem.class).isEmpty() ? "ipc.slowpath" : "map");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IPC_SLOWPATH);
        Acceptor whole = new Acceptor(Fpage.COMPLETE, false, 0, 0);
        for (TypedItem.MapItem mi : m.items(TypedItem.MapItem.class)) k.mapping().mapItem(h, t, mi, whole, p);
        if (!pageFault) k.exceptions().resume(h, t, m, p);
        p.cost(CostKind.KERNEL_EXIT);
        k.record(TraceKind.IPC_SEND, h, t.name, p.name(), m.words().length, pageFault ? "page-fault reply" : "exception reply");
        k.record(TraceKind.IPC_RECEIVE, t, h.name, p.name(), m.words().length, "");
        k.charge(p, h);
        k.ipcDelivered(h, t, m.words().length, p.cycles());
        h.stats.ipcSent++;
        t.stats.ipcReceived++;
        if (pageFault && t.space.translate(t.faultAddress) < 0) {
            k.error(KernelError.Kind.PAGE_FAULT, t, null, String.format("page fault at 0x%x not resolved: pager %s replied without a mapping for it", t.faultAddress, h.name), true);
            return;
        }
        t.faultAddress = -1;
        k.ipc().endWait(t);
        k.scheduler().makeReady(t);
    }
}
