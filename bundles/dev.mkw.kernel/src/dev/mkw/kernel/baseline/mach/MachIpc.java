package dev.mkw.kernel.baseline.mach;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.abi.IpcError;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.abi.Utcb;
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
 * consumes it. Arrays (MKW's string items) travel inline, copied twice like the words; map, grant
 * and capability items are L4's and are refused (Mach's out-of-line memory is not modelled).
 * Page-fault, exception and interrupt IPC stay L4's (Mach uses exception ports and external
 * pagers there), and so does sigma0.
 */
public final class MachIpc extends BaselineIpc {
    /** Words of a mach_msg_header_t: msgh_bits, msgh_size, msgh_remote_port, msgh_local_port, msgh_seqno, msgh_id (Mach 3.0 {@code mach/message.h}). */
    static final int HEADER_WORDS = 6;
    /** {@code MACH_PORT_QLIMIT_DEFAULT}: messages a port queues before senders wait. */
    public static final int QUEUE_LIMIT = 5;
    private static final int WORD = 8;

    private final MachPorts ports;
    private final KmsgZone zone;
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
        Kmsg km = copyin(s, d, m, badge, call, false, p);
        if (km == null) {
            exit(p, s);
            return;
        }
        boolean sent = enqueue(s, d, km, timeout, p);
        Tcb handed = pending.containsKey(d) && pending.get(d) == km ? d : null;
        if (sent && call) waitForReply(s, d);
        Tcb next = s.state == ThreadState.RUNNING && (handed == null || handed.priority <= s.priority) ? s : threadBlock(s, p);
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
            Kmsg km = copyin(s, d, m, badge, false, true, p);
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

    /**
     * {@code ipc_kmsg_get} and {@code ipc_kmsg_copyin}: the message from the sender's buffer (its
     * UTCB's message area; inline arrays from where they lie) into a new kmsg, the header's rights
     * taken, the descriptors parsed. Null when the message cannot be sent (reported).
     */
    private Kmsg copyin(Tcb s, Tcb d, Message m, long badge, boolean call, boolean reply, KernelPath p) {
        List<TypedItem.StringItem> strings = new ArrayList<>();
        for (TypedItem item : m.items()) {
            if (item instanceof TypedItem.StringItem si) {
                strings.add(si);
            } else {
                k.error(s, null, "Mach message to " + d.name + ": " + (item instanceof TypedItem.CapItem ? "a capability item" : "a map or grant item")
                        + " is an L4 mechanism; under kernel { ipc mach } send data inline (words, string)", false);
                k.ipc().transfer().fail(s, IpcError.MESSAGE_OVERFLOW, IpcError.SEND_PHASE);
                return null;
            }
        }
        long inline = 0;
        for (TypedItem.StringItem si : strings) {
            inline += si.length();
            if (!mapped(s, si.address(), si.length())) {
                k.error(s, null, String.format("Mach message to %s: the array at 0x%x is not mapped (MACH_SEND_INVALID_MEMORY)", d.name, si.address()), false);
                k.ipc().transfer().fail(s, IpcError.XFER_TIMEOUT_INVOKER, IpcError.SEND_PHASE);
                return null;
            }
        }
        int descriptors = (m.words().length > 0 ? 1 : 0) + strings.size();
        int words = Math.min(HEADER_WORDS + descriptors + m.words().length, Utcb.MRS);
        long buffer = zone.allocate((long) words * WORD + inline, p);
        // The first copy: the sender's buffer into the kmsg.
        for (int i = 0; i < words; i++) {
            p.touch(s.utcb.mrAddress(i), MemoryHierarchy.READ).touch(buffer + KmsgZone.HEADER + (long) i * WORD, MemoryHierarchy.WRITE);
        }
        p.execute(KernelCode.COPY_WORD, PathLengths.PER_WORD * words);
        long at = buffer + KmsgZone.HEADER + (long) words * WORD;
        for (TypedItem.StringItem si : strings) {
            for (long off = 0; off < si.length(); off += WORD) {
                p.touch(si.address() + off, MemoryHierarchy.READ).touch(at + off, MemoryHierarchy.WRITE);
            }
            p.execute(KernelCode.COPY_WORD, (int) Math.min(Integer.MAX_VALUE, PathLengths.PER_WORD * ((si.length() + WORD - 1) / WORD)));
            at += si.length();
        }
        int dest = reply ? MachPorts.replyPort(d) : MachPorts.servicePort(d);
        ports.copyinRight(s, dest, reply, p);
        if (call) ports.makeSendOnce(s, p);
        code.execute(p, BaselineCode.MACH_TYPE_DESCRIPTOR, descriptors);
        for (int i = 0; i < descriptors; i++) p.touch(buffer + KmsgZone.HEADER + (long) (HEADER_WORDS + i) * WORD, MemoryHierarchy.READ);
        return new Kmsg(s, m, badge, buffer, dest, call, reply, descriptors, strings);
    }

    /**
     * {@code ipc_kmsg_copyout} and {@code ipc_kmsg_put}: the rights into {@code r}'s name table, the
     * descriptors parsed, the second copy from the kmsg into r's buffer, the kmsg freed. Through r's
     * own addresses when r runs, else through its page table's translation.
     */
    private void copyout(Kmsg km, Tcb r, KernelPath p) {
        ports.copyoutRights(r, km.destPort(), km.carriesReply(), p);
        code.execute(p, BaselineCode.MACH_TYPE_DESCRIPTOR, km.descriptors());
        int words = Math.min(km.headerAndWords(), Utcb.MRS);
        for (int i = 0; i < words; i++) {
            p.touch(km.buffer() + KmsgZone.HEADER + (long) i * WORD, MemoryHierarchy.READ);
            write(r, r.utcb.mrAddress(i), p);
        }
        p.execute(KernelCode.COPY_WORD, PathLengths.PER_WORD * words);
        long error = 0;
        List<TypedItem> delivered = new ArrayList<>();
        if (!km.strings().isEmpty()) {
            Acceptor acceptor = Acceptor.load(r.utcb);
            long used = 0, at = km.buffer() + KmsgZone.HEADER + (long) words * WORD;
            for (TypedItem.StringItem si : km.strings()) {
                if (!acceptor.strings() || used + si.length() > acceptor.bufferLength() || !mapped(r, acceptor.bufferAddress() + used, si.length())) {
                    k.error(km.sender(), null, "Mach message to " + r.name + ": its array of " + si.length() + " bytes does not fit the receive buffer (MACH_RCV_TOO_LARGE)", false);
                    error = IpcError.code(IpcError.MESSAGE_OVERFLOW, IpcError.RECEIVE_PHASE);
                    break;
                }
                long dst = acceptor.bufferAddress() + used;
                for (long off = 0; off < si.length(); off += WORD) {
                    p.touch(at + off, MemoryHierarchy.READ);
                    write(r, dst + off, p);
                }
                p.execute(KernelCode.COPY_WORD, (int) Math.min(Integer.MAX_VALUE, PathLengths.PER_WORD * ((si.length() + WORD - 1) / WORD)));
                delivered.add(new TypedItem.StringItem(dst, si.length()));
                used += si.length();
                at += si.length();
            }
        }
        zone.free(km.buffer(), p);
        land(km, r, delivered, error, p);
    }

    /** A kernel write into {@code r}'s user memory: through its addresses when its space is loaded, else through its page table. */
    private void write(Tcb r, long vaddr, KernelPath p) {
        if (r.space == k.loadedSpace()) {
            p.touch(vaddr, MemoryHierarchy.WRITE);
        } else {
            long pa = r.space.translate(vaddr);
            if (pa >= 0) p.touchPhysical(pa, MemoryHierarchy.WRITE);
        }
    }

    /** What the receiving program sees, as with L4 IPC: words, label, sender, badge, arrays received; a call's send-once right. */
    private void land(Kmsg km, Tcb r, List<TypedItem> delivered, long error, KernelPath p) {
        Message m = km.message();
        Utcb out = r.utcb;
        for (int i = 0; i < m.words().length; i++) out.setMr(1 + i, m.words()[i]);
        int at = 1 + m.words().length, typed = 0;
        for (TypedItem d : delivered) {
            if (at + 1 >= Utcb.MRS) break;
            out.setMr(at++, d.word0());
            out.setMr(at++, d.word1());
            typed += 2;
        }
        out.setMr(0, new MessageTag(m.label(), error != 0, typed, m.words().length).encode());
        out.setErrorCode(error);
        out.setReceivedCap(-1);
        r.regs.set(UserRegisters.FROM, km.sender().id & 0xFFFF_FFFFL);
        r.regs.set(UserRegisters.BADGE, km.badge());
        r.stats.ipcReceived++;
        k.ipc().cancelTimeout(r);
        if (km.carriesReply()) {
            sendOnce.computeIfAbsent(r, x -> new HashSet<>()).add(km.sender());
            r.replyCap = km.sender().id;
        }
        if (k.trace().isRecording()) {
            k.record(TraceKind.IPC_SEND, km.sender(), r.name, p.name(), m.words().length, k.describeLabel(m.label()) + " (Mach)");
            k.record(TraceKind.IPC_RECEIVE, r, km.sender().name, p.name(), m.words().length, "");
        }
    }

    private boolean mapped(Tcb t, long address, long length) {
        int page = k.machine().memory().frameSize();
        for (long a = address & -(long) page; a < address + length; a += page) if (t.space.translate(a) < 0) return false;
        return true;
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
