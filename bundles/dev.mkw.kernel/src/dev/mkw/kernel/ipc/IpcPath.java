package dev.mkw.kernel.ipc;

import java.util.Iterator;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.abi.IpcError;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.SimEvent;
import dev.mkw.sim.TraceKind;

/**
 * Synchronous IPC as in L4 X.2 (Microkernel Construction I.12, "IPC"; Advanced OS week 6):
 * a send meets a waiting receiver or blocks in the receiver's send queue; a receive takes
 * the first matching queued sender or blocks; call = send + closed receive from the same
 * partner without a window in between; reply-and-wait = reply with zero timeout + open wait.
 *
 * <p>{@link #ipc} decodes the Ipc system call from the caller's registers (TO, FROM, the two
 * timeouts) and its message registers. The fast path handles a short message to a receiver
 * that is already waiting; all else goes through the slow path. Both are charged through the
 * memory hierarchy.
 */
public final class IpcPath {
    private final Kernel k;
    private final MessageTransfer transfer;
    /** Per processor: the wakeup list of its threads' armed timeouts. */
    private final WakeupList[] wakeups;

    public IpcPath(Kernel k) {
        this.k = k;
        this.transfer = new MessageTransfer(k);
        this.wakeups = new WakeupList[k.processorCount()];
        for (int i = 0; i < wakeups.length; i++) wakeups[i] = new WakeupList(k, i);
    }

    /** Processor {@code cpu}'s wakeup list. */
    public WakeupList wakeupsOf(int cpu) {
        return wakeups[cpu];
    }

    /** The active processor's wakeup list of armed timeouts (its timer tick walks it). */
    public WakeupList wakeups() {
        return wakeups[k.processor().index()];
    }

    public MessageTransfer transfer() {
        return transfer;
    }

    /** Result of a send attempt. */
    public enum SendResult { DELIVERED, BLOCKED, FAILED }

    /** The Ipc system call of the running thread {@code s}. */
    public void ipc(Tcb s) {
        UserRegisters r = s.regs;
        long to = r.get(UserRegisters.TO), from = r.get(UserRegisters.FROM);
        long recvTimeout = r.get(UserRegisters.RECV_TIMEOUT);
        if (to == UserRegisters.NIL) {
            receive(s, from, recvTimeout);
            return;
        }
        Partner d = k.caps().partner(s, to);
        if (d == null) {
            // Refused before any transfer (no such thread, no capability, no right): the
            // partner lookup reported why; the program reads the error code.
            KernelPath p = k.path("ipc.slowpath");
            p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IPC_SLOWPATH).cost(CostKind.KERNEL_EXIT);
            k.charge(p, s);
            transfer.fail(s, IpcError.NON_EXISTING_PARTNER, IpcError.SEND_PHASE);
            return;
        }
        if (d.irqLine() >= 0) {
            // A message to an interrupt thread acknowledges the interrupt (L4 X.2 "Interrupts").
            k.interrupts().acknowledge(s, d.irqLine());
            if (from != UserRegisters.NIL && s.state == ThreadState.RUNNING) receive(s, from, recvTimeout);
            return;
        }
        Tcb t = d.thread();
        Message m = Message.read(s.utcb);
        s.sendCanGrant = d.canGrant();
        if (t != null && t.state == ThreadState.PAGE_FAULT && t.partner == s.id) {
            // The reply to a page-fault or exception IPC: install the mappings, resume the thread.
            k.pageFaults().reply(s, t, m);
            if (from == UserRegisters.ANY && s.state == ThreadState.RUNNING) receive(s, UserRegisters.ANY, recvTimeout);
            return;
        }
        if (from == UserRegisters.ANY) replyWait(s, t, (int) d.id(), m, d.badge(), recvTimeout);
        else send(s, t, (int) d.id(), m, d.badge(), from == to, r.get(UserRegisters.SEND_TIMEOUT));
    }

    /**
     * The running thread {@code s} sends {@code m} to {@code d} (the TCB the ID's number
     * selects; the lookup checks the version). With {@code call} it then waits for d's
     * reply. {@code timeoutCycles}: 0 = zero (poll), -1 = never.
     */
    public SendResult send(Tcb s, Tcb d, int targetId, Message m, long badge, boolean call, long timeoutCycles) {
        boolean waiting = d != null && d.state == ThreadState.RECEIVING && (d.partner == ThreadId.NIL || d.partner == s.id);
        // The fast path switches straight to the partner: only one on this processor (seL4's
        // fastpath_call checks the destination's tcbAffinity; a cross-processor IPC takes the slow path).
        boolean fast = k.config().fastpath() && waiting && m.isShort(k.abi()) && d.priority >= s.priority && d.cpu == s.cpu;
        KernelPath p = k.path(fast ? "ipc.fastpath" : "ipc.slowpath");
        p.cost(CostKind.KERNEL_ENTRY).execute(fast ? KernelCode.IPC_FASTPATH : KernelCode.IPC_SLOWPATH);
        if (!fast && !k.entry().mechanism().registerFile()) p.cost(CostKind.REGISTER_SAVE);
        p.touch(s.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        Tcb found = k.tcbLookup().lookup(targetId, d, p, this::physical);
        if (found == null || found.state == ThreadState.DEAD) {
            finish(p, s, fast);
            k.error(s, null, "IPC to non-existing partner " + ThreadId.format(targetId) + (d != null && d.id != targetId ? " (stale thread ID: " + d.name + " is now " + ThreadId.format(d.id) + ")" : ""), false);
            transfer.fail(s, IpcError.NON_EXISTING_PARTNER, IpcError.SEND_PHASE);
            return SendResult.FAILED;
        }
        s.sendStart = k.now();
        if (waiting) {
            transfer.deliver(s, d, m, badge, p);
            if (call) d.replyCap = s.id;
            s.stats.ipcSent++;
            wake(d);
            if (call) {
                s.state = ThreadState.RECEIVING;
                s.partner = d.id;
                s.calling = false;
                k.scheduler().block(s);
                // A call's receive timeout covers its reply phase (L4 X.2: the receive timeout of the Ipc).
                armTimeout(s, s.regs.get(UserRegisters.RECV_TIMEOUT));
                k.directSwitch(null, d, p);
            } else if (d.priority > s.priority && d.cpu == s.cpu) {
                s.state = ThreadState.READY;
                k.directSwitch(s, d, p);
            } else {
                k.scheduler().makeReady(d);
            }
            finish(p, k.current(), fast);
            k.ipcDelivered(s, d, m.words().length, p.cycles());
            return SendResult.DELIVERED;
        }
        if (timeoutCycles == 0) {
            finish(p, s, fast);
            transfer.fail(s, IpcError.TIMEOUT, IpcError.SEND_PHASE);
            return SendResult.FAILED;
        }
        s.state = ThreadState.SENDING;
        s.calling = call;
        s.sendBadge = badge;
        s.partner = d.id;
        d.sendQueue.addLast(s);
        p.touch(d.address + Tcb.OFF_QUEUE, MemoryHierarchy.WRITE);
        k.scheduler().block(s);
        armTimeout(s, timeoutCycles);
        finish(p, s, fast);
        return SendResult.BLOCKED;
    }

    /**
     * The running thread {@code r} receives from {@code from} ({@link UserRegisters#ANY}:
     * open wait; a thread ID: closed wait; an interrupt thread's ID: that IRQ). Returns true
     * if a message arrived at once.
     */
    public boolean receive(Tcb r, long from, long timeoutCycles) {
        int irq = k.interrupts().lineOf(from);
        if (irq >= 0 && k.config().irqDelivery() == KernelConfig.IrqDelivery.ASYNC) {
            // The same driver source for both delivery variants: with asynchronous delivery a
            // receive from an IRQ waits for the line's notification bit, so an experiment that
            // flips the variant compares delivery and nothing else.
            r.notifyAsIrq = irq;
            k.notification().waitFor(r, 1L << irq, timeoutCycles);
            return r.state == ThreadState.RUNNING;
        }
        r.notifyAsIrq = -1;
        if (from != UserRegisters.ANY && irq < 0 && (k.slotOf(from) == null || k.slotOf(from).id != (int) from)) {
            // L4 X.2: a receive from a thread that does not exist fails at once (non-existing partner, receive phase).
            KernelPath p = k.path("ipc.slowpath");
            p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IPC_SLOWPATH, PathLengths.IPC_SLOWPATH / 2);
            finish(p, r, false);
            k.error(r, null, "receive from " + from + ", which is no thread (" + (irq < 0 && from > 0 && from < 1L << 32 && ThreadId.number((int) from) < k.machine().interruptController().lines()
                    ? "there is no IRQ line " + ThreadId.number((int) from) : "no such thread ID") + ")", false);
            transfer.fail(r, IpcError.NON_EXISTING_PARTNER, IpcError.RECEIVE_PHASE);
            return true;
        }
        int fromId = from == UserRegisters.ANY ? ThreadId.NIL : (int) from;
        KernelPath p = k.path("ipc.slowpath");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IPC_SLOWPATH, PathLengths.IPC_SLOWPATH / 2);
        p.touch(r.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE).touch(r.address + Tcb.OFF_QUEUE, MemoryHierarchy.READ);
        if (k.interrupts().deliverPending(r, fromId, p)) {
            finish(p, r, false);
            return true;
        }
        if (takeQueued(r, fromId, p)) {
            finish(p, r, false);
            return true;
        }
        if (timeoutCycles == 0) {
            transfer.fail(r, IpcError.TIMEOUT, IpcError.RECEIVE_PHASE);
            finish(p, r, false);
            return true;
        }
        r.state = ThreadState.RECEIVING;
        r.partner = fromId;
        k.scheduler().block(r);
        armTimeout(r, timeoutCycles);
        finish(p, r, false);
        return false;
    }

    /** Take the first queued sender matching {@code fromId} (NIL: any); false if none. */
    private boolean takeQueued(Tcb r, int fromId, KernelPath p) {
        for (Iterator<Tcb> it = r.sendQueue.iterator(); it.hasNext();) {
            Tcb s = it.next();
            if (fromId != ThreadId.NIL && s.id != fromId) continue;
            it.remove();
            p.touch(s.address + Tcb.OFF_STATE, MemoryHierarchy.READ);
            cancelTimeout(s);
            Message m = Message.read(s.utcb);
            transfer.deliver(s, r, m, s.sendBadge, p);
            s.stats.ipcSent++;
            if (s.state == ThreadState.PAGE_FAULT) {
                // A fault or exception IPC: the sender now waits for the handler's reply.
                r.replyCap = s.id;
            } else if (s.calling) {
                r.replyCap = s.id;
                s.state = ThreadState.RECEIVING;
                s.partner = r.id;
                s.calling = false;
                armTimeout(s, s.regs.get(UserRegisters.RECV_TIMEOUT));
            } else {
                k.scheduler().makeReady(s);
            }
            // A delivery from the send queue is an IPC like any other: its latency sample is the
            // cycles of the receiving path that carried it.
            k.ipcDelivered(s, r, m.words().length, p.cycles());
            return true;
        }
        return false;
    }

    /**
     * Reply to {@code d} and open-wait, in one system call (L4 ReplyWait): one kernel
     * entry, one exit. When nothing is queued for the server it blocks and the CPU
     * switches straight to the client it answered.
     */
    public void replyWait(Tcb s, Tcb d, int targetId, Message m, long badge, long timeoutCycles) {
        boolean deliverable = d != null && d.id == targetId && d.state == ThreadState.RECEIVING && d.partner == s.id;
        boolean queued = !s.sendQueue.isEmpty();
        boolean fast = k.config().fastpath() && deliverable && m.isShort(k.abi()) && !queued && d.cpu == s.cpu;
        KernelPath p = k.path(fast ? "ipc.fastpath" : "ipc.slowpath");
        p.cost(CostKind.KERNEL_ENTRY).execute(fast ? KernelCode.IPC_FASTPATH_REPLY : KernelCode.IPC_SLOWPATH);
        if (!fast && !k.entry().mechanism().registerFile()) p.cost(CostKind.REGISTER_SAVE);
        p.touch(s.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        if (d != null) k.tcbLookup().lookup(targetId, d, p, this::physical);
        if (deliverable) {
            transfer.deliver(s, d, m, badge, p);
            s.stats.ipcSent++;
            wake(d);
        } else if (d != null) {
            k.record(TraceKind.IPC_SEND, s, d.name, p.name(), 0, "reply dropped: partner not waiting");
        }
        if (k.interrupts().deliverPending(s, ThreadId.NIL, p) || takeQueued(s, ThreadId.NIL, p)) {
            if (deliverable) k.scheduler().makeReady(d);
            finish(p, s, false);
            if (deliverable) k.ipcDelivered(s, d, m.words().length, p.cycles());
            return;
        }
        s.state = ThreadState.RECEIVING;
        s.partner = ThreadId.NIL;
        k.scheduler().block(s);
        armTimeout(s, timeoutCycles);
        boolean switched = deliverable && k.directSwitch(null, d, p);
        finish(p, switched ? d : s, fast);
        if (deliverable) k.ipcDelivered(s, d, m.words().length, p.cycles());
    }

    /** A receiver got its message: it becomes runnable (the caller decides whether it runs now). */
    private void wake(Tcb d) {
        d.state = ThreadState.READY;
        endWait(d);
    }

    /**
     * {@code t} no longer waits for its partner (the message came, a timeout, a cancel, an
     * exit). A reply right the partner holds for {@code t} ends with the wait: a reply
     * capability is one-shot and lives only while its caller waits for the answer (seL4
     * reference manual, "Reply capabilities": deleted when the caller's IPC is cancelled or
     * answered), so it can never become a lasting send right to {@code t}.
     */
    public void endWait(Tcb t) {
        if (t.partner != ThreadId.NIL) {
            Tcb partner = k.slotOf(t.partner & 0xFFFF_FFFFL);
            if (partner != null && partner.replyCap == t.id) partner.replyCap = ThreadId.NIL;
        }
        t.partner = ThreadId.NIL;
    }

    private void finish(KernelPath p, Tcb onBehalf, boolean fast) {
        if (!fast && !k.entry().mechanism().registerFile()) p.cost(CostKind.REGISTER_RESTORE);
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, onBehalf);
    }

    /** Timeouts armed and not yet expired or cancelled (a run with none left cannot be woken by time). */
    private int activeTimeouts;

    public int activeTimeouts() {
        return activeTimeouts;
    }

    /** Arm t's timeout for its blocked IPC or notification wait ({@code cycles} -1: never). */
    public void armTimeout(Tcb t, long cycles) {
        if (cycles < 0) return;
        activeTimeouts++;
        wakeups[t.cpu].link(t);
        // The timeout fires on the thread's own processor, whose timer keeps its wakeup list.
        t.timeoutEvent = k.engine().schedule(k.now() + cycles, t.cpu, 1, "timeout " + t.name, () -> expire(t));
    }

    public void cancelTimeout(Tcb t) {
        if (t.timeoutEvent != null) {
            k.engine().cancel(t.timeoutEvent);
            t.timeoutEvent = null;
            activeTimeouts--;
            wakeups[t.cpu].unlink(t);
        }
    }

    /**
     * {@code t} moves to processor {@code cpu} with its timeout armed: the timeout leaves the old
     * processor's wakeup list for the new one's and fires there, at the same cycle.
     */
    public void moveTimeout(Tcb t, int cpu) {
        SimEvent e = t.timeoutEvent;
        wakeups[t.cpu].unlink(t);
        k.engine().cancel(e);
        t.cpu = cpu;
        wakeups[cpu].link(t);
        t.timeoutEvent = k.engine().schedule(Math.max(e.cycle(), k.engine().now()), cpu, 1, "timeout " + t.name, () -> expire(t));
    }

    private void expire(Tcb t) {
        try {
            expireNow(t);
        } finally {
            k.leaveKernel();
        }
    }

    private void expireNow(Tcb t) {
        k.activate(k.processorOf(t));
        k.accountIdleGap();
        SimEvent e = t.timeoutEvent;
        if (e == null) return;
        t.timeoutEvent = null;
        activeTimeouts--;
        // The tick that found the expired thread unlinks it (MKW charges that to the thread's wakeup).
        KernelPath p = k.path("timeout");
        p.cost(CostKind.INTERRUPT_ENTRY).execute(KernelCode.IRQ, PathLengths.IRQ / 2);
        wakeups[t.cpu].unlink(t);
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, t);
        int phase = IpcError.RECEIVE_PHASE;
        if (t.state == ThreadState.SENDING) {
            for (Tcb d : k.threads()) d.sendQueue.remove(t);
            phase = IpcError.SEND_PHASE;
        } else if (t.state != ThreadState.RECEIVING && t.state != ThreadState.WAITING_NOTIFY) {
            return;
        }
        transfer.fail(t, IpcError.TIMEOUT, phase);
        endWait(t);
        k.scheduler().makeReady(t);
        k.record(TraceKind.THREAD_STATE, t, "", "", 0, "timeout");
        k.processorOf(t).wake();
    }

    private long physical(Tcb t) {
        return k.kernelMemory().template().translate(t.address);
    }
}
