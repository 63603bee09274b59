package dev.mkw.kernel.ipc;

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
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * The message transfer of an IPC (L4 X.2 reference manual, "IPC", "Messages"): untyped
 * words from the sender's message registers into the receiver's (those beyond the ISA's
 * register MRs through both UTCBs), then the typed items the receiver's acceptor allows:
 * map and grant items into its receive window, string items into its buffer, capabilities
 * into its capability space. The receiver finds the result in its registers (the sender
 * in FROM, a badge in BADGE) and its UTCB (the tag in MR0 with the E bit on error, the
 * ErrorCode TCR).
 */
public final class MessageTransfer {
    private final Kernel k;
    private final StringCopy strings;

    MessageTransfer(Kernel k) {
        this.k = k;
        this.strings = new StringCopy(k);
    }

    /** Copy {@code m} from {@code s} to {@code r} inside path {@code p}; {@code badge}: of the capability used (0 without). */
    public void deliver(Tcb s, Tcb r, Message m, long badge, KernelPath p) {
        p.touch(r.address + Tcb.OFF_PARTNER, MemoryHierarchy.WRITE);
        int inRegisters = Math.min(m.words().length, k.abi().registerWords());
        // seL4 saved the sender's registers in its TCB on entry and copies the register words to
        // the receiver's saved context (the fast path's loop; Pistachio leaves them in the registers).
        if (inRegisters > 0 && k.abi().copiesRegisterWords()) p.execute(KernelCode.COPY_WORD, k.abi().fastPathCall().perWord() * inRegisters);
        for (int i = inRegisters; i < m.words().length; i++) {
            int mr = i + 1;
            if (s.space == k.loadedSpace()) {
                p.touch(s.utcb.mrAddress(mr), MemoryHierarchy.READ);
            } else {
                // The receiver runs (it took a queued sender): the sender's UTCB is not in the
                // loaded address space, so the kernel reads it through its physical address.
                long src = s.space.translate(s.utcb.mrAddress(mr));
                if (src >= 0) p.touchPhysical(src, MemoryHierarchy.READ);
            }
            long dst = r.space.translate(r.utcb.mrAddress(mr));
            if (dst >= 0) p.touchPhysical(dst, MemoryHierarchy.WRITE);
            p.execute(KernelCode.COPY_WORD);
        }
        Utcb out = r.utcb;
        for (int i = 0; i < m.words().length; i++) out.setMr(1 + i, m.words()[i]);
        long error = 0;
        int typed = 0;
        out.setReceivedCap(-1);
        if (!m.items().isEmpty()) {
            long br0 = r.space.translate(r.utcb.brAddress(0));
            if (br0 >= 0) p.touchPhysical(br0, MemoryHierarchy.READ);
            // A thread waiting for its pager's reply accepts mappings anywhere (X.2: the kernel opens the whole space for the fault reply).
            Acceptor acceptor = r.state == dev.mkw.kernel.tcb.ThreadState.PAGE_FAULT ? new Acceptor(dev.mkw.kernel.memory.Fpage.COMPLETE, false, 0, 0) : Acceptor.load(r.utcb);
            List<TypedItem> delivered = new ArrayList<>();
            long bufferUsed = 0;
            for (TypedItem item : m.items()) {
                switch (item) {
                    case TypedItem.MapItem mi -> {
                        if (k.mapping().mapItem(s, r, mi, acceptor, p)) delivered.add(mi);
                    }
                    case TypedItem.CapItem ci -> {
                        int slot = k.caps().transfer(s, r, ci, p);
                        if (slot >= 0 && out.receivedCap() < 0) out.setReceivedCap(slot);
                        if (slot >= 0) delivered.add(ci);
                    }
                    case TypedItem.StringItem si -> {
                        if (error != 0) break;
                        int reason = strings.copy(s, si.address(), si.length(), r, acceptor, bufferUsed, p);
                        if (reason != 0) {
                            error = IpcError.code(reason, IpcError.RECEIVE_PHASE);
                        } else {
                            delivered.add(new TypedItem.StringItem(acceptor.bufferAddress() + bufferUsed, si.length()));
                            bufferUsed += si.length();
                        }
                    }
                }
            }
            typed = out.setTypedItems(1 + m.words().length, delivered);
        }
        out.setMr(0, new MessageTag(m.label(), error != 0, typed, m.words().length).encode());
        out.setErrorCode(error);
        r.regs.set(UserRegisters.FROM, s.id & 0xFFFF_FFFFL);
        r.regs.set(UserRegisters.BADGE, badge);
        r.stats.ipcReceived++;
        k.ipc().cancelTimeout(r);
        if (k.trace().isRecording()) {
            // The label's protocol name is built only for a trace that keeps it (host time, not simulated).
            k.record(TraceKind.IPC_SEND, s, r.name, p.name(), m.words().length, describe(m));
            k.record(TraceKind.IPC_RECEIVE, r, s.name, p.name(), m.words().length, "");
        }
    }

    /** A kernel message to {@code r} from the pseudo sender {@code from} (an interrupt thread), no words. */
    public void deliverFromKernel(Tcb r, long fromId, long label, long... words) {
        Message.write(r.utcb, label, words);
        r.utcb.setErrorCode(0);
        r.utcb.setReceivedCap(-1);
        r.regs.set(UserRegisters.FROM, fromId);
        r.regs.set(UserRegisters.BADGE, 0);
    }

    /** The IPC of {@code t} failed: error {@code reason} in {@code phase}, no message. */
    public void fail(Tcb t, int reason, int phase) {
        t.utcb.setMr(0, new MessageTag(0, true, 0, 0).encode());
        t.utcb.setErrorCode(IpcError.code(reason, phase));
        t.regs.set(UserRegisters.FROM, UserRegisters.NIL);
    }

    private String describe(Message m) {
        long l = m.label();
        if (MessageTag.is(l, MessageTag.PAGE_FAULT)) return "page-fault";
        if (MessageTag.is(l, MessageTag.EXCEPTION)) return "exception";
        return k.describeLabel(l);
    }
}
