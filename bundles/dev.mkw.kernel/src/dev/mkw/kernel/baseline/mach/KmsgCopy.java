package dev.mkw.kernel.baseline.mach;

import java.util.ArrayList;
import java.util.List;

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
import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * The two copies of a Mach message (Mach 3.0 {@code ipc/ipc_kmsg.c}): {@code ipc_kmsg_copyin} from the
 * sender's message buffer into a kernel message buffer, with the header's rights taken and the type
 * descriptors parsed, and {@code ipc_kmsg_copyout} from the kmsg into the receiver's buffer, with the
 * rights moved into its name table and the descriptors parsed again. Every word is a load and a store
 * through the memory hierarchy each time, and the copy loop's instructions.
 */
final class KmsgCopy {
    private static final int WORD = 8;
    private final Kernel k;
    private final BaselineCode.Image code;
    private final MachPorts ports;
    private final KmsgZone zone;
    private final OutOfLine outOfLine;

    KmsgCopy(Kernel k, BaselineCode.Image code, MachPorts ports, KmsgZone zone, OutOfLine outOfLine) {
        this.k = k;
        this.code = code;
        this.ports = ports;
        this.zone = zone;
        this.outOfLine = outOfLine;
    }

    /**
     * {@code ipc_kmsg_get} and {@code ipc_kmsg_copyin}: the message from the sender's buffer (its
     * UTCB's message area; inline arrays from where they lie) into a new kmsg, the header's rights
     * taken, the descriptors parsed. Null when the message cannot be sent (reported).
     */
    Kmsg copyin(Tcb s, Tcb d, Message m, long badge, boolean call, boolean reply, KernelPath p) {
        List<TypedItem.StringItem> strings = new ArrayList<>();
        List<TypedItem.MapItem> outOfLineItems = new ArrayList<>();
        for (TypedItem item : m.items()) {
            if (item instanceof TypedItem.StringItem si) {
                strings.add(si);
            } else if (item instanceof TypedItem.MapItem mi && !mi.grant()) {
                outOfLineItems.add(mi);
            } else {
                k.error(s, null, "Mach message to " + d.name + ": " + (item instanceof TypedItem.CapItem ? "a capability item" : "a grant item")
                        + " is an L4 mechanism; under kernel { ipc mach } send data inline (words, string) or out of line (map)", false);
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
        List<OutOfLine.Region> regions = new ArrayList<>();
        for (TypedItem.MapItem mi : outOfLineItems) {
            Fpage f = Fpage.decode(mi.fpage());
            OutOfLine.Region g = outOfLine.copyin(s, f.base(), f.size(), f.rights(), p);
            if (g == null) {
                k.error(s, null, String.format("Mach message to %s: the out-of-line region at 0x%x is not mapped (MACH_SEND_INVALID_MEMORY)", d.name, f.base()), false);
                for (OutOfLine.Region r : regions) outOfLine.discard(r, p);
                k.ipc().transfer().fail(s, IpcError.XFER_TIMEOUT_INVOKER, IpcError.SEND_PHASE);
                return null;
            }
            regions.add(g);
        }
        int descriptors = (m.words().length > 0 ? 1 : 0) + strings.size() + regions.size();
        int words = Math.min(MachIpc.HEADER_WORDS + descriptors + m.words().length, Utcb.MRS);
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
        for (int i = 0; i < descriptors; i++) p.touch(buffer + KmsgZone.HEADER + (long) (MachIpc.HEADER_WORDS + i) * WORD, MemoryHierarchy.READ);
        return new Kmsg(s, m, badge, buffer, dest, call, reply, descriptors, strings, regions);
    }

    /**
     * {@code ipc_kmsg_copyout} and {@code ipc_kmsg_put}: the rights into {@code r}'s name table, the
     * descriptors parsed, the second copy from the kmsg into r's buffer, the kmsg freed. Through r's
     * own addresses when r runs, else through its page table's translation.
     */
    void copyout(Kmsg km, Tcb r, KernelPath p) {
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
        if (!km.regions().isEmpty()) error = regionsOut(km, r, delivered, error, p);
        zone.free(km.buffer(), p);
        land(km, r, delivered, error, p);
    }

    /**
     * The out-of-line regions into {@code r}'s receive window, one after another from its base
     * (Mach 3.0 {@code vm_map_copyout}, at the place the receiver named; with {@code window all}
     * where the sender has it). A region that does not fit, or no window, is the receive's error ({@code MACH_RCV_TOO_LARGE}); its kernel copy is dropped.
     */
    private long regionsOut(Kmsg km, Tcb r, List<TypedItem> delivered, long error, KernelPath p) {
        Fpage window = Acceptor.load(r.utcb).window();
        long used = 0;
        for (OutOfLine.Region g : km.regions()) {
            // A window of the whole space takes a region where the sender has it (as L4's map does).
            boolean anywhere = window.isComplete();
            if (error != 0 || window.isNil() || (!anywhere && used + g.size() > window.size())) {
                if (error == 0) {
                    k.error(km.sender(), null, "Mach message to " + r.name + ": its out-of-line region of " + g.size() + " bytes does not fit "
                            + (window.isNil() ? "anywhere: the receiver names no window (accept window BASE size S) for it to land in" : "the receiver's window")
                            + " (MACH_RCV_TOO_LARGE)", false);
                    error = IpcError.code(IpcError.MESSAGE_OVERFLOW, IpcError.RECEIVE_PHASE);
                }
                outOfLine.discard(g, p);
                continue;
            }
            long at = anywhere ? g.sendBase() : window.base() + used;
            outOfLine.copyout(g, r, at, window, p);
            delivered.add(new TypedItem.MapItem(new Fpage(at, 63 - Long.numberOfLeadingZeros(g.size()), g.rights()).encode(), at, false));
            used += g.size();
        }
        return error;
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

    /** What the receiving program sees, as with L4 IPC: words, label, sender, badge, arrays received. */
    private void land(Kmsg km, Tcb r, List<TypedItem> delivered, long error, KernelPath p) {
        Message m = km.message();
        Utcb out = r.utcb;
        for (int i = 0; i < m.words().length; i++) out.setMr(1 + i, m.words()[i]);
        int typed = out.setTypedItems(1 + m.words().length, delivered);
        out.setMr(0, new MessageTag(m.label(), error != 0, typed, m.words().length).encode());
        out.setErrorCode(error);
        out.setReceivedCap(-1);
        r.regs.set(UserRegisters.FROM, km.sender().id & 0xFFFF_FFFFL);
        r.regs.set(UserRegisters.BADGE, km.badge());
        r.stats.ipcReceived++;
        k.ipc().cancelTimeout(r);
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
}
