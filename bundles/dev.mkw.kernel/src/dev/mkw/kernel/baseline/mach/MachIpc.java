package dev.mkw.kernel.baseline.mach;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.abi.IpcError;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.baseline.BaselineCode;
import dev.mkw.kernel.baseline.BaselineIpc;
import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.ipc.Partner;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * Mach 3.0 IPC (variant {@code kernel { ipc mach }}), the first-generation baseline of Liedtke's
 * "Improving IPC by kernel design" (SOSP 1993: 115 µs for a short message on a 486-DX50 against
 * L3's 5.2 µs) and of the lectures (Advanced OS week 6, "Mach: the 100-µs disaster"). A message goes
 * through the general system-call path ({@code mach_msg_trap}, all registers saved, no fast path),
 * is copied in from the sender's message buffer into a kernel message buffer ({@link KmsgZone}),
 * its header's port names are translated and its rights taken in the sender's name table
 * ({@link MachPorts}), its type descriptors parsed; it is queued on the destination port or handed
 * to a receiver waiting there, the general scheduler picks who runs ({@code thread_block}), and the
 * receiver copies it out: rights into its own name table, descriptors parsed again, the words
 * copied a second time into its buffer. Every step fetches its code ({@link BaselineCode}) and
 * touches its objects through the simulated memory hierarchy; path {@code mach.msg}.
 *
 * <p>Semantics as in Mach: a send is asynchronous; it waits only when the port's queue holds
 * {@link #QUEUE_LIMIT} messages ({@code MACH_PORT_QLIMIT_DEFAULT}). A call carries a send-once right
 * to the caller's reply port, and the caller waits on that port; a reply needs that right and
 * consumes it. Arrays (MKW's string items) travel inline, copied twice like the words; a map item
 * is an out-of-line region ({@link OutOfLine}: a virtual copy, copy-on-write, or a physical copy
 * when small) landing in the receiver's window; grant and capability items are L4's and are refused.
 * Page-fault, exception and interrupt IPC stay L4's (Mach uses exception ports and external
 * pagers there), and so does sigma0.
 */
public final class MachIpc extends BaselineIpc {
    /** Words of a mach_msg_header_t: msgh_bits, msgh_size, msgh_remote_port, msgh_local_port, msgh_seqno, msgh_id (Mach 3.0 {@code mach/message.h}). */
    static final int HEADER_WORDS = 6;
    /** {@code MACH_PORT_QLIMIT_DEFAULT}: messages a port queues before senders wait. */
    public static final int QUEUE_LIMIT = 5;

    private final MachPorts ports;
    private final KmsgZone zone;
    /** Out-of-line regions: virtual copies and their copy-on-write faults. */
    private final OutOfLine outOfLine;
    /** The two copies: into the kmsg at send, out of it at receive. */
    private final KmsgCopy copy;
    /** Messages queued on each thread's ports (requests on its service port, replies on its reply port), in arrival order. */
    private final Map<Tcb, ArrayDeque<Kmsg>> queued = new HashMap<>();
    /** The kmsg of a sender waiting because the port's queue is full. */
    private final Map<Tcb, Kmsg> held = new HashMap<>();
    /** Send-once rights: for each thread, the callers whose reply port it may answer once. */
    private final Map<Tcb, Set<Tcb>> sendOnce = new HashMap<>();

    public MachIpc(Kernel k) {
        super(k);
        this.ports = new MachPorts(k, code);
        this.zone = new KmsgZone(k, code);
        this.outOfLine = new OutOfLine(k, code, zone);
        this.copy = new KmsgCopy(k, code, ports, zone, outOfLine);
    }

    @Override
    public boolean pageFault(Tcb t, long addr, int kind) {
        return kind == MemoryHierarchy.WRITE && outOfLine.writeFault(t, addr);
    }

    @Override
    protected void createObjects() {
        ports.create(this::mapKernel);
        zone.create(this::mapKernel);
    }

    @Override
    public void ipc(Tcb s) {
        UserRegisters r = s.regs;
        long to = r.get(UserRegisters.TO), from = r.get(UserRegisters.FROM), recvTimeout = r.get(UserRegisters.RECV_TIMEOUT);
        if (kernelProtocol(s, to, from)) {
            k.ipc().ipc(s);
            return;
        }
        if (to == UserRegisters.NIL) {
            KernelPath p = enter(s);
            int fromId = from == UserRegisters.ANY ? ThreadId.NIL : (int) from;
            Kmsg got = receive(s, fromId, recvTimeout, p);
            exit(p, s);
            if (got != null) k.ipcDelivered(got.sender(), s, got.message().words().length, p.cycles());
            return;
        }
        Partner d = k.caps().partner(s, to);
        KernelPath p = enter(s);
        Message m = Message.read(s.utcb);
        if (d == null || d.thread() == null || d.thread().state == ThreadState.DEAD || d.thread().id != (int) d.id()) {
            if (d != null) k.error(s, null, "Mach message to " + ThreadId.format((int) d.id()) + ": no such port (MACH_SEND_INVALID_DEST)", false);
            k.ipc().transfer().fail(s, IpcError.NON_EXISTING_PARTNER, IpcError.SEND_PHASE);
            exit(p, s);
            return;
        }
        if (from == UserRegisters.ANY) replyAndReceive(s, d.thread(), m, d.badge(), recvTimeout, p);
        else send(s, d.thread(), m, d.badge(), from == to, r.get(UserRegisters.SEND_TIMEOUT), p);
    }

    /** A send, or a call's send phase and its wait for the reply on the caller's reply port. */
    private void send(Tcb s, Tcb d, Message m, long badge, boolean call, long timeout, KernelPath p) {
        Kmsg km = copy.copyin(s, d, m, badge, call, false, p);
        if (km == null) {
            exit(p, s);
            return;
        }
        boolean sent = enqueue(s, d, km, timeout, p);
        Tcb handed = pending.containsKey(d) && pending.get(d) == km ? d : null;
        if (sent && call) waitForReply(s, d);
        Tcb next = s.state == ThreadState.RUNNING && (handed == null || handed.priority <= s.priority || handed.cpu != s.cpu) ? s : threadBlock(s, p);
        if (handed != null) copyout(pending.remove(handed), handed, p);
        exit(p, next != null ? next : s);
        if (handed != null) k.ipcDelivered(s, handed, m.words().length, p.cycles());
    }

    /** Messages handed to a receiver that waited, to be copied out in its receive continuation. */
    private final Map<Tcb, Kmsg> pending = new HashMap<>();

    /**
     * {@code ipc_mqueue_send}: hand {@code km} to {@code d} if it waits on the port (it becomes
     * runnable, the message {@link #pending} for it), else queue it; a full queue makes the sender
     * wait ({@code held}). Returns whether the message went (handed over or queued).
     */
    private boolean enqueue(Tcb s, Tcb d, Kmsg km, long timeout, KernelPath p) {
        code.execute(p, BaselineCode.MACH_MQUEUE_SEND);
        ports.queue(km.destPort(), true, p);
        s.sendStart = k.now();
        boolean waiting = d.state == ThreadState.RECEIVING && (km.isReply() ? d.partner == s.id : d.partner == ThreadId.NIL || d.partner == s.id);
        if (waiting) {
            s.stats.ipcSent++;
            pending.put(d, km);
            d.state = ThreadState.READY;
            k.ipc().endWait(d);
            k.ipc().cancelTimeout(d);
            k.scheduler().makeReady(d);
            return true;
        }
        ArrayDeque<Kmsg> q = queued.computeIfAbsent(d, x -> new ArrayDeque<>());
        if (count(q, km.isReply()) < QUEUE_LIMIT) {
            q.addLast(km);
            return true;
        }
        if (timeout == 0) {
            zone.free(km.buffer(), p);
            for (OutOfLine.Region g : km.regions()) outOfLine.discard(g, p);
            k.ipc().transfer().fail(s, IpcError.TIMEOUT, IpcError.SEND_PHASE);
            return false;
        }
        held.put(s, km);
        s.state = ThreadState.SENDING;
        s.calling = km.carriesReply();
        s.partner = d.id;
        d.sendQueue.addLast(s);
        k.scheduler().block(s);
        k.ipc().armTimeout(s, timeout);
        return false;
    }

    private static int count(ArrayDeque<Kmsg> q, boolean replies) {
        int n = 0;
        for (Kmsg m : q) if (m.isReply() == replies) n++;
        return n;
    }

    /** The caller now waits on its reply port for {@code d}'s answer. */
    private void waitForReply(Tcb s, Tcb d) {
        s.state = ThreadState.RECEIVING;
        s.partner = d.id;
        s.calling = false;
        k.scheduler().block(s);
        k.ipc().armTimeout(s, s.regs.get(UserRegisters.RECV_TIMEOUT));
    }

    /** A server's reply through the send-once right its caller gave, then its receive on its service port: one trap. */
    private void replyAndReceive(Tcb s, Tcb d, Message m, long badge, long timeout, KernelPath p) {
        Set<Tcb> rights = sendOnce.get(s);
        Tcb handed = null;
        if (rights == null || !rights.remove(d)) {
            k.error(s, null, "Mach reply to " + d.name + ": " + s.name + " holds no send-once right to its reply port (it did not call, or was answered): MACH_SEND_INVALID_DEST", false);
            k.record(TraceKind.IPC_SEND, s, d.name, p.name(), 0, "reply dropped: no send-once right");
        } else {
            Kmsg km = copy.copyin(s, d, m, badge, false, true, p);
            if (km != null && enqueue(s, d, km, 0, p) && pending.get(d) == km) handed = d;
        }
        Kmsg got = receive(s, ThreadId.NIL, timeout, p);
        Tcb next = s.state == ThreadState.RUNNING ? s : k.current();
        if (handed != null) copyout(pending.remove(handed), handed, p);
        exit(p, next != null ? next : s);
        if (handed != null) k.ipcDelivered(s, handed, m.words().length, p.cycles());
        if (got != null) k.ipcDelivered(got.sender(), s, got.message().words().length, p.cycles());
    }

    /**
     * {@code ipc_mqueue_receive} for the running thread {@code r}: take the first message queued for
     * it ({@code fromId} not NIL: only that sender's) and copy it out, or block through the scheduler.
     * Returns the message taken, or null.
     */
    private Kmsg receive(Tcb r, int fromId, long timeout, KernelPath p) {
        code.execute(p, BaselineCode.MACH_MQUEUE_RECEIVE);
        ports.queue(MachPorts.servicePort(r), false, p);
        ArrayDeque<Kmsg> q = queued.get(r);
        if (q != null) {
            for (Iterator<Kmsg> it = q.iterator(); it.hasNext();) {
                Kmsg km = it.next();
                if (fromId != ThreadId.NIL && km.sender().id != fromId) continue;
                it.remove();
                ports.queue(km.destPort(), true, p);
                unblockSender(r, p);
                km.sender().stats.ipcSent++;
                copyout(km, r, p);
                return km;
            }
        }
        if (timeout == 0) {
            k.ipc().transfer().fail(r, IpcError.TIMEOUT, IpcError.RECEIVE_PHASE);
            return null;
        }
        r.state = ThreadState.RECEIVING;
        r.partner = fromId;
        k.scheduler().block(r);
        k.ipc().armTimeout(r, timeout);
        threadBlock(r, p);
        return null;
    }

    /** A place came free in {@code r}'s queue: the first sender waiting for one queues its message and goes on. */
    private void unblockSender(Tcb r, KernelPath p) {
        Tcb b = r.sendQueue.pollFirst();
        if (b == null) return;
        Kmsg km = held.remove(b);
        k.ipc().cancelTimeout(b);
        p.touch(b.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        if (km != null) queued.computeIfAbsent(r, x -> new ArrayDeque<>()).addLast(km);
        if (km != null && km.carriesReply()) {
            b.partner = ThreadId.NIL;
            waitForReply(b, r);
        } else {
            b.partner = ThreadId.NIL;
            k.scheduler().makeReady(b);
        }
    }

    /**
     * {@code thread_block}: the running thread {@code t} gives up the CPU (it blocked, or a thread of
     * higher priority became runnable) and the general scheduler picks the next from the run queues.
     */
    private Tcb threadBlock(Tcb t, KernelPath p) {
        code.execute(p, BaselineCode.MACH_THREAD_BLOCK);
        if (t.state == ThreadState.RUNNING) k.scheduler().makeReady(t);
        long skipped = k.scheduler().skippedBlocked();
        Tcb n = k.scheduler().pick(k.processor().index(), null);
        p.execute(KernelCode.SCHEDULE, PathLengths.SCHEDULE * (int) (1 + k.scheduler().skippedBlocked() - skipped));
        if (n != null) {
            p.touch(n.address + Tcb.OFF_QUEUE, MemoryHierarchy.READ);
            k.switchTo(n, p);
        }
        return n;
    }

    /** {@code ipc_kmsg_copyout} into {@code r}; a request's send-once right for the reply lands in r's space. */
    private void copyout(Kmsg km, Tcb r, KernelPath p) {
        copy.copyout(km, r, p);
        if (km.carriesReply()) {
            sendOnce.computeIfAbsent(r, x -> new HashSet<>()).add(km.sender());
            r.replyCap = km.sender().id;
        }
    }

    /** {@code mach_msg_trap}: the general path in, every register saved. */
    private KernelPath enter(Tcb t) {
        KernelPath p = k.path("mach.msg");
        p.cost(CostKind.KERNEL_ENTRY).cost(CostKind.REGISTER_SAVE);
        code.execute(p, BaselineCode.MACH_MSG_TRAP);
        p.touch(t.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        return p;
    }

    private void exit(KernelPath p, Tcb onBehalf) {
        p.cost(CostKind.REGISTER_RESTORE).cost(CostKind.KERNEL_EXIT);
        k.charge(p, onBehalf);
    }
}
