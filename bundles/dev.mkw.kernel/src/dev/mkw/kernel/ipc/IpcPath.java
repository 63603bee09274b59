package dev.mkw.kernel.ipc;

import java.util.Iterator;
import java.util.List;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.memory.MappingDb;
import dev.mkw.kernel.tcb.Tcb;
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
 * <p>The fast path handles a short message to a receiver that is already waiting; all else
 * goes through the slow path. Both are charged through the memory hierarchy.
 */
public final class IpcPath {
    private final Kernel k;
    private final StringCopy strings;

    public IpcPath(Kernel k) {
        this.k = k;
        this.strings = new StringCopy(k);
    }

    /** Result of a send attempt. */
    public enum SendResult { DELIVERED, BLOCKED, FAILED }

    /**
     * The running thread {@code s} sends {@code m} to {@code d}. With {@code call} it then
     * waits for d's reply. {@code timeoutCycles}: 0 = zero (poll), -1 = never.
     */
    public SendResult send(Tcb s, Tcb d, int targetId, Message m, boolean call, long timeoutCycles, String bindAs) {
        k.ensureTcb(s);
        k.ensureTcb(d);
        boolean waiting = d != null && d.state == ThreadState.RECEIVING && (d.partner == ThreadId.NIL || d.partner == s.id);
        boolean fast = k.config.fastpath() && waiting && m.isShort() && d.priority >= s.priority;
        KernelPath p = k.path(fast ? "ipc.fastpath" : "ipc.slowpath");
        p.cost(CostKind.KERNEL_ENTRY).instructions(fast ? PathLengths.IPC_FASTPATH : PathLengths.IPC_SLOWPATH);
        if (!fast) p.cost(CostKind.REGISTER_SAVE);
        p.touch(s.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        Tcb found = k.tcbLookup.lookup(targetId, d, p, this::physical);
        if (found == null || found.state == ThreadState.DEAD) {
            finish(p, s, fast);
            k.error(s, null, "IPC to non-existing partner " + ThreadId.format(targetId) + (d != null && d.id != targetId ? " (stale thread ID: " + d.name + " is now " + ThreadId.format(d.id) + ")" : ""), false);
            s.received.put(bindAs == null ? "_" : bindAs, Message.failed("non-existing partner", Message.NON_EXISTING_PARTNER, Message.SEND_PHASE));
            return SendResult.FAILED;
        }
        s.sendStart = k.now();
        if (waiting) {
            transfer(s, d, m, p, d.bindAs);
            s.ipcsSent++;
            wake(d);
            if (call) {
                s.state = ThreadState.RECEIVING;
                s.partner = d.id;
                s.bindAs = bindAs;
                s.calling = false;
                k.scheduler.block(s);
                k.scheduler.directSwitch(null, d);
                k.switchTo(d, p);
            } else if (d.priority > s.priority) {
                s.state = ThreadState.READY;
                k.scheduler.directSwitch(s, d);
                k.switchTo(d, p);
            } else {
                k.scheduler.makeReady(d);
            }
            finish(p, k.current, fast);
            k.ipcDelivered(s, d, m.words().length, p);
            return SendResult.DELIVERED;
        }
        if (timeoutCycles == 0) {
            finish(p, s, fast);
            s.received.put(bindAs == null ? "_" : bindAs, Message.failed(d.name, Message.TIMEOUT, Message.SEND_PHASE));
            return SendResult.FAILED;
        }
        s.state = ThreadState.SENDING;
        s.outgoing = m;
        s.calling = call;
        s.partner = d.id;
        s.bindAs = bindAs;
        d.sendQueue.addLast(s);
        p.touch(d.address + Tcb.OFF_QUEUE, MemoryHierarchy.WRITE);
        k.scheduler.block(s);
        armTimeout(s, timeoutCycles);
        finish(p, s, fast);
        return SendResult.BLOCKED;
    }

    /** The running thread {@code r} receives from {@code fromId} (NIL: open wait). Returns true if a message arrived at once. */
    public boolean receive(Tcb r, int fromId, long timeoutCycles, String bindAs) {
        KernelPath p = k.path("ipc.slowpath");
        p.cost(CostKind.KERNEL_ENTRY).instructions(PathLengths.IPC_SLOWPATH / 2);
        p.touch(r.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE).touch(r.address + Tcb.OFF_QUEUE, MemoryHierarchy.READ);
        if (k.faults.deliverPendingIrq(r, fromId, bindAs, p)) {
            finish(p, r, false);
            return true;
        }
        if (takeQueued(r, fromId, bindAs, p)) {
            finish(p, r, false);
            return true;
        }
        if (timeoutCycles == 0) {
            r.received.put(bindAs == null ? "_" : bindAs, Message.timeout("nobody"));
            finish(p, r, false);
            return true;
        }
        r.state = ThreadState.RECEIVING;
        r.partner = fromId;
        r.bindAs = bindAs;
        k.scheduler.block(r);
        armTimeout(r, timeoutCycles);
        finish(p, r, false);
        return false;
    }

    /** Take the first queued sender matching {@code fromId} (NIL: any); false if none. */
    private boolean takeQueued(Tcb r, int fromId, String bindAs, KernelPath p) {
        for (Iterator<Tcb> it = r.sendQueue.iterator(); it.hasNext();) {
            Tcb s = it.next();
            if (fromId != ThreadId.NIL && s.id != fromId) continue;
            it.remove();
            p.touch(s.address + Tcb.OFF_STATE, MemoryHierarchy.READ);
            cancelTimeout(s);
            transfer(s, r, s.outgoing, p, bindAs);
            s.ipcsSent++;
            if (s.state == ThreadState.PAGE_FAULT) {
                // A fault or exception IPC: the sender now waits for the handler's reply.
            } else if (s.calling) {
                s.state = ThreadState.RECEIVING;
                s.partner = r.id;
                s.calling = false;
            } else {
                k.scheduler.makeReady(s);
            }
            s.outgoing = null;
            return true;
        }
        return false;
    }

    /**
     * Reply to {@code d} and open-wait, in one system call (L4 ReplyWait): one kernel
     * entry, one exit. When nothing is queued for the server it blocks and the CPU
     * switches straight to the client it answered.
     */
    public void replyWait(Tcb s, Tcb d, Message m, long timeoutCycles, String bindAs) {
        boolean deliverable = d != null && d.state == ThreadState.RECEIVING && d.partner == s.id;
        boolean queued = !s.sendQueue.isEmpty();
        boolean fast = k.config.fastpath() && deliverable && m.isShort() && !queued;
        KernelPath p = k.path(fast ? "ipc.fastpath" : "ipc.slowpath");
        p.cost(CostKind.KERNEL_ENTRY).instructions(fast ? PathLengths.IPC_FASTPATH : PathLengths.IPC_SLOWPATH);
        if (!fast) p.cost(CostKind.REGISTER_SAVE);
        p.touch(s.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        if (d != null) k.tcbLookup.lookup(d.id, d, p, this::physical);
        if (deliverable) {
            transfer(s, d, m, p, d.bindAs);
            s.ipcsSent++;
            wake(d);
        } else if (d != null) {
            k.record(TraceKind.IPC_SEND, s, d.name, p.name(), 0, "reply dropped: partner not waiting");
        }
        if (k.faults.deliverPendingIrq(s, ThreadId.NIL, bindAs, p) || takeQueued(s, ThreadId.NIL, bindAs, p)) {
            if (deliverable) k.scheduler.makeReady(d);
            finish(p, s, false);
            return;
        }
        s.state = ThreadState.RECEIVING;
        s.partner = ThreadId.NIL;
        s.bindAs = bindAs;
        k.scheduler.block(s);
        armTimeout(s, timeoutCycles);
        if (deliverable) {
            k.scheduler.directSwitch(null, d);
            k.switchTo(d, p);
        }
        finish(p, deliverable ? d : s, fast);
        if (deliverable) k.ipcDelivered(s, d, m.words().length, p);
    }

    /** Copy the message into the receiver: untyped words through both UTCBs, then map items. */
    public void transfer(Tcb s, Tcb r, Message m, KernelPath p, String bindAs) {
        p.touch(r.address + Tcb.OFF_PARTNER, MemoryHierarchy.WRITE);
        int inRegisters = Math.min(m.words().length, Message.REGISTER_WORDS);
        for (int i = inRegisters; i < m.words().length; i++) {
            long off = KernelLayout.UTCB_MR0 + 8L * (i + 1);
            if (s.space == k.loadedSpace) {
                p.touch(s.utcb + off, MemoryHierarchy.READ);
            } else {
                // The receiver runs (it took a queued sender): the sender's UTCB is not in the
                // loaded address space, so the kernel reads it through its physical address.
                long src = s.space.translate(s.utcb + off);
                if (src >= 0) p.touchPhysical(src, MemoryHierarchy.READ);
            }
            long dst = r.space.translate(r.utcb + off);
            if (dst >= 0) p.touchPhysical(dst, MemoryHierarchy.WRITE);
            p.instructions(PathLengths.PER_WORD);
        }
        for (Message.MapRequest mr : m.maps()) k.faults.mapItem(s, r, mr, p);
        if (!m.caps().isEmpty()) m = m.withCapSlot(transferCaps(s, r, m, p));
        if (!m.strings().isEmpty()) {
            long bytes = 0;
            for (Message.StringRequest sr : m.strings()) {
                String err = strings.copy(s, sr.address(), sr.length(), r, p);
                if (err != null) {
                    k.error(s, null, "string IPC to " + r.name + ": " + err, false);
                    if (err.startsWith("message overflow")) m = m.withError(Message.MESSAGE_OVERFLOW, Message.RECEIVE_PHASE);
                    break;
                }
                bytes += sr.length();
            }
            m = m.withStringBytes(bytes);
        }
        r.received.put(bindAs == null ? "_" : bindAs, m);
        r.ipcsReceived++;
        cancelTimeout(r);
        k.record(TraceKind.IPC_SEND, s, r.name, p.name(), m.words().length, m.protocol() == null ? "label " + m.label() : m.protocol());
        k.record(TraceKind.IPC_RECEIVE, r, s.name, p.name(), m.words().length, "");
    }

    /** Copy the capabilities a message carries into the receiver's space; returns the first new slot or -1. */
    private int transferCaps(Tcb s, Tcb r, Message m, KernelPath p) {
        var from = k.capSpaces.get(s.space);
        var to = k.capSpaces.get(r.space);
        int first = -1;
        for (Message.CapRequest cr : m.caps()) {
            var cap = from == null ? null : from.get(cr.slot());
            p.instructions(PathLengths.MAP_PAGE);
            if (cap == null) {
                k.error(s, null, "capability item names slot " + cr.slot() + ", which " + s.name + "'s capability space does not hold", false);
                continue;
            }
            var copy = to.derive(cap, cr.rights());
            if (first < 0) first = copy.slot();
        }
        return first;
    }

    /** A receiver got its message: it becomes runnable (the caller decides whether it runs now). */
    private void wake(Tcb d) {
        d.state = ThreadState.READY;
        d.partner = ThreadId.NIL;
    }

    private void finish(KernelPath p, Tcb onBehalf, boolean fast) {
        if (!fast) p.cost(CostKind.REGISTER_RESTORE);
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, onBehalf);
    }

    /** Arm t's timeout for its blocked IPC or notification wait ({@code cycles} -1: never). */
    public void armTimeout(Tcb t, long cycles) {
        if (cycles < 0) return;
        k.activeTimeouts++;
        t.timeoutEvent = k.engine.schedule(k.now() + cycles, Kernel.CPU, 1, "timeout " + t.name, () -> expire(t));
    }

    public void cancelTimeout(Tcb t) {
        if (t.timeoutEvent != null) {
            k.engine.cancel(t.timeoutEvent);
            t.timeoutEvent = null;
            k.activeTimeouts--;
        }
    }

    private void expire(Tcb t) {
        k.accountIdleGap();
        SimEvent e = t.timeoutEvent;
        if (e == null) return;
        t.timeoutEvent = null;
        k.activeTimeouts--;
        int phase = Message.RECEIVE_PHASE;
        if (t.state == ThreadState.SENDING) {
            for (Tcb d : k.threads) d.sendQueue.remove(t);
            t.outgoing = null;
            phase = Message.SEND_PHASE;
        } else if (t.state != ThreadState.RECEIVING && t.state != ThreadState.WAITING_NOTIFY) {
            return;
        }
        t.received.put(t.bindAs == null ? "_" : t.bindAs, Message.failed(t.name, Message.TIMEOUT, phase));
        t.partner = ThreadId.NIL;
        k.scheduler.makeReady(t);
        k.record(TraceKind.THREAD_STATE, t, "", "", 0, "timeout");
        k.wakeCpu();
    }

    private long physical(Tcb t) {
        return k.kernelMemory.template().translate(t.address);
    }

    /** Mapping requests of a message spec, evaluated. */
    public static List<Message.MapRequest> none() {
        return List.of();
    }

    static int rights(MappingDb.Node n) {
        return n.rights & Fpage.RWX;
    }
}
