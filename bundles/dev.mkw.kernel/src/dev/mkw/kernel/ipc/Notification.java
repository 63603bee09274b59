package dev.mkw.kernel.ipc;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.TraceKind;

/**
 * Asynchronous notification (Advanced OS week 6, "notification"; L4Ka::Pistachio's notify
 * bits, seL4 notification objects): a word of bits per thread that others set without
 * blocking; a thread waits for any bit of a mask and gets the bits it waited for, cleared.
 * Under asynchronous interrupt delivery an IRQ line sets its bit here.
 */
public final class Notification {
    private final Kernel k;

    public Notification(Kernel k) {
        this.k = k;
    }

    /** The running thread {@code t} sets {@code bits} of {@code d}. */
    public void notify(Tcb t, Tcb d, long bits) {
        KernelPath p = k.path("notify");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.NOTIFY).touch(d.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        k.record(TraceKind.NOTIFY, t, d.name, "notify", bits, "");
        signal(d, bits, p);
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, t);
    }

    /** Set {@code bits} of {@code d} inside path {@code p}; a waiter whose mask they meet becomes ready. */
    public void signal(Tcb d, long bits, KernelPath p) {
        d.notifyBits |= bits;
        if (d.state == ThreadState.WAITING_NOTIFY && (d.notifyBits & d.notifyMask) != 0) {
            complete(d, p.cycles());
            k.scheduler().makeReady(d);
        }
    }

    /** The running thread {@code t} waits for a bit of {@code mask}. */
    public void waitFor(Tcb t, long mask, long timeout) {
        // A system call like notify: entry, the bits and state in the TCB, exit (seL4's
        // receiveSignal is as short as sendSignal, src/object/notification.c). It was free
        // before, which made asynchronous IRQ delivery look faster than interrupt IPC.
        KernelPath p = k.path("notify.wait");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.NOTIFY).touch(t.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        t.notifyMask = mask;
        if ((t.notifyBits & t.notifyMask) != 0) {
            complete(t, p.cycles());
        } else {
            k.block(t, ThreadState.WAITING_NOTIFY);
            // Through the IPC timeout (not an event of its own): it is cancelled when the bits
            // arrive, and the CPU loop counts it when it tells idling from deadlock.
            k.ipc().armTimeout(t, timeout);
        }
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, t);
    }

    /**
     * Hand the waiting thread the bits it waited for, clearing them; {@code pathCycles}: what
     * the kernel path doing it has spent so far (for the latency of IRQ bits). The bits go in
     * MR1; a "receive from irq" under asynchronous delivery gets an interrupt message instead.
     */
    private void complete(Tcb t, long pathCycles) {
        long got = t.notifyBits & t.notifyMask;
        t.notifyBits &= ~got;
        k.interrupts().consumed(t, got, pathCycles);
        if (t.notifyAsIrq >= 0) {
            k.ipc().transfer().deliverFromKernel(t, ThreadId.interrupt(t.notifyAsIrq), MessageTag.INTERRUPT);
        } else {
            k.ipc().transfer().deliverFromKernel(t, 0, MessageTag.NOTIFICATION, got);
        }
        t.notifyAsIrq = -1;
        k.ipc().cancelTimeout(t);
        if (t.state == ThreadState.WAITING_NOTIFY) t.state = ThreadState.READY;
    }
}
