package dev.mkw.kernel;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.memory.MappingDb;
import dev.mkw.scenario.KernelConfig;
import dev.mkw.scenario.SourceRef;
import dev.mkw.kernel.tcb.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.TraceKind;

/**
 * What the kernel turns into IPC on a thread's behalf (Microkernel Construction I.8): page
 * faults become page-fault IPC to the pager, whose map item the kernel installs before the
 * thread resumes ("invisible page faults"); interrupts become IPC from an IRQ pseudo-thread
 * (or a notification bit); exceptions become IPC to the exception handler. Also map/grant
 * items and unmap, which work on the {@link MappingDb}.
 */
public final class FaultPath {
    /** L4 X.2 page-fault IPC label: -2 in the upper bits, the access rights in the lower 4. */
    public static final long PAGE_FAULT_LABEL = -2L << 4;
    /** Thread-ID space of IRQ pseudo-threads: thread number = line + 1, version 1. */
    public static int irqThreadId(int line) { return ThreadId.of(line + 1, 1) | 0x8000_0000; }

    private final Kernel k;

    FaultPath(Kernel k) {
        this.k = k;
    }

    /** A user access by {@code t} faulted. Returns true if the thread can retry at once (sigma0 mapped it). */
    public boolean pageFault(Tcb t, long addr, int kind, SourceRef at) {
        t.pageFaults++;
        KernelPath p = k.path("pagefault");
        p.add(k.mem.faultCycles()).cost(CostKind.INTERRUPT_ENTRY).cost(CostKind.REGISTER_SAVE).instructions(PathLengths.PAGEFAULT);
        p.touch(t.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        k.record(TraceKind.PAGE_FAULT, t, t.pager == null ? "" : t.pager.name, "pagefault", addr, kind == MemoryHierarchy.WRITE ? "write" : "read");
        String pager = t.spec == null ? null : effectivePager(t);
        if (pager == null) {
            k.charge(p, t);
            k.error(t, at, String.format("page fault at 0x%x (%s) but the thread has no pager", addr, kind == MemoryHierarchy.WRITE ? "write" : "read"), true);
            return false;
        }
        if (pager.equals("root")) {
            // sigma0 (inside the kernel in this version): a fault IPC to sigma0 and its reply,
            // charged as two IPC paths, and an idempotent mapping of a fresh frame.
            p.cost(CostKind.KERNEL_EXIT).cost(CostKind.KERNEL_ENTRY).instructions(PathLengths.IPC_SLOWPATH);
            if (k.mappingDb.lookup(t.space, addr & -(long) k.machine.memory().frameSize()) != null) {
                k.charge(p, t);
                k.error(t, at, String.format("protection fault at 0x%x: the page is mapped without %s rights", addr, kind == MemoryHierarchy.WRITE ? "write" : "read"), true);
                return false;
            }
            sigma0Map(t, addr, p);
            p.cost(CostKind.REGISTER_RESTORE).cost(CostKind.KERNEL_EXIT);
            k.charge(p, t);
            return true;
        }
        Tcb handler = k.thread(pager);
        t.faultAddress = addr;
        t.faultKind = kind;
        Message m = new Message(PAGE_FAULT_LABEL | (kind == MemoryHierarchy.WRITE ? 2 : 4), new long[] {addr, t.program.instructionPointer()}, List.of(), t.id, t.name, "page-fault", addr, kind, false);
        kernelIpc(t, handler, m, p);
        return false;
    }

    /**
     * sigma0 maps a fresh frame at the page of {@code addr} into t's space (idempotently: a
     * frame it has handed out stays in the mapping database under sigma0's root node).
     */
    void sigma0Map(Tcb t, long addr, KernelPath p) {
        long frame = k.frames.allocate(k.machine.memory().frameSize());
        MappingDb.Node root = k.mappingDb.root(frame, k.sigma0);
        long page = addr & -(long) k.machine.memory().frameSize();
        long[] c = {0};
        k.mappingDb.map(root, t.space, page, Fpage.RWX, k.mem, c);
        p.add(c[0]).add(t.space.map(page, frame, Fpage.RWX, true, false, k.mem)).instructions(PathLengths.MAP_PAGE);
    }

    /** Whether t's faults go to sigma0. */
    public boolean pagedBySigma0(Tcb t) {
        return t.spec != null && "root".equals(effectivePager(t));
    }

    /**
     * A page the kernel must touch on t's behalf (a string buffer) is missing: resolve it
     * through sigma0 when sigma0 is t's pager. Returns false when it cannot.
     */
    public boolean resolveForKernel(Tcb t, long addr, KernelPath p) {
        if (t.space.translate(addr) >= 0) return true;
        if (!pagedBySigma0(t)) return false;
        t.pageFaults++;
        p.instructions(PathLengths.PAGEFAULT).cost(CostKind.KERNEL_EXIT).cost(CostKind.KERNEL_ENTRY).instructions(PathLengths.IPC_SLOWPATH);
        sigma0Map(t, addr, p);
        return true;
    }

    private String effectivePager(Tcb t) {
        if (t.spec.pager() != null) return t.spec.pager();
        return t.pager == null ? k.taskPager(t) : t.pager.name;
    }

    /** A raised exception: IPC to the exception handler, or a fatal error when there is none. */
    public void exception(Tcb t, String name, SourceRef at) {
        KernelPath p = k.path("exception");
        p.cost(CostKind.INTERRUPT_ENTRY).cost(CostKind.REGISTER_SAVE).instructions(PathLengths.PAGEFAULT);
        k.record(TraceKind.EXCEPTION, t, "", "exception", 0, name);
        String h = t.spec.exceptionHandler() != null ? t.spec.exceptionHandler() : k.taskExceptionHandler(t);
        if (h == null) {
            k.charge(p, t);
            k.error(t, at, "unhandled exception " + name + ": the thread has no exception handler", true);
            return;
        }
        t.faultAddress = -1;
        Message m = new Message(ExceptionIpc.LABEL, ExceptionIpc.state(t), List.of(), t.id, t.name, "exception " + name, 0, vector(name), false);
        kernelIpc(t, k.thread(h), m, p);
    }

    /** The x86 exception vector of an exception (the field {@code exception} of an exception IPC). */
    static int vector(String name) {
        if (name.startsWith("DIVIDE_ERROR")) return 0;
        if (name.startsWith("BREAKPOINT")) return 3;
        if (name.startsWith("INVALID_OPCODE")) return 6;
        if (name.startsWith("PROTECTION_FAULT")) return 13;
        return -1;
    }

    /** Send a kernel-generated message from {@code t} to {@code handler}; t waits for the reply in PAGE_FAULT state. */
    private void kernelIpc(Tcb t, Tcb handler, Message m, KernelPath p) {
        t.state = ThreadState.PAGE_FAULT;
        t.partner = handler.id;
        k.scheduler.block(t);
        if (handler.state == ThreadState.RECEIVING && (handler.partner == ThreadId.NIL || handler.partner == t.id)) {
            k.ipc.transfer(t, handler, m, p, handler.bindAs);
            handler.state = ThreadState.READY;
            handler.partner = ThreadId.NIL;
            k.scheduler.directSwitch(null, handler);
            k.switchTo(handler, p);
        } else {
            t.outgoing = m;
            handler.sendQueue.addLast(t);
        }
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, t);
    }

    /** Install one map or grant item from {@code s} into {@code r} (path of the IPC that carries it). */
    public void mapItem(Tcb s, Tcb r, Message.MapRequest mr, KernelPath p) {
        int shift = 12;
        long size = 1L << Math.max(mr.sizeLog2(), shift);
        long srcBase = mr.base();
        long recvBase = (r.state == ThreadState.PAGE_FAULT ? r.faultAddress : mr.sendBase()) & -size;
        if (r.state != ThreadState.PAGE_FAULT && r.window != null && !r.window.isComplete()) {
            // L4 X.2 (map and grant items): send fpage 2^s, receive window 2^r. If s <= r the
            // fpage lands in the window at the send base (hot spot) modulo 2^r, aligned to 2^s;
            // if s > r only the window-sized part of the fpage that holds the hot spot is sent,
            // and it fills the window.
            long window = r.window.size();
            if (size > window) {
                srcBase = mr.base() + ((mr.sendBase() & (size - 1)) & -window);
                size = window;
                recvBase = r.window.base();
            } else {
                recvBase = r.window.base() + ((mr.sendBase() & (window - 1)) & -size);
            }
        }
        long[] c = {0};
        for (long off = 0; off < size; off += 1L << shift) {
            long src = srcBase + off;
            MappingDb.Node from = k.mappingDb.lookup(s.space, src);
            if (from == null) {
                k.error(s, null, String.format("%s item for 0x%x, which %s has not mapped itself", mr.grant() ? "grant" : "map", src, s.name), false);
                continue;
            }
            long dst = recvBase + off;
            MappingDb.Node old = k.mappingDb.lookup(r.space, dst);
            if (old != null) unmapNode(old, Fpage.RWX, true, p, c);
            int rights = mr.rights() & from.rights;
            if (mr.grant()) {
                s.space.unmap(src, k.mem);
                k.mem.flushTlbPage(src, s.space.asid);
                k.mappingDb.grant(from, r.space, dst, rights, k.mem, c);
            } else {
                k.mappingDb.map(from, r.space, dst, rights, k.mem, c);
            }
            p.add(r.space.map(dst, from.frame, rights, true, false, k.mem)).instructions(PathLengths.MAP_PAGE);
            k.record(mr.grant() ? TraceKind.GRANT : TraceKind.MAP, s, r.name, p.name(), dst, Fpage.rightsText(rights));
        }
        p.add(c[0]);
    }

    /** Revoke rights from a node's subtree, updating page tables and the TLB. */
    public int unmapNode(MappingDb.Node node, int rights, boolean self, KernelPath p, long[] c) {
        return k.mappingDb.unmap(node, rights, self, k.mem, c, new MappingDb.Revoker() {
            @Override public void removed(MappingDb.Node n) {
                p.add(n.space.unmap(n.vaddr, k.mem)).add(k.mem.flushTlbPage(n.vaddr, n.space.asid));
            }
            @Override public void reduced(MappingDb.Node n) {
                p.add(n.space.protect(n.vaddr, n.rights, k.mem)).add(k.mem.flushTlbPage(n.vaddr, n.space.asid));
            }
        });
    }

    /** The unmap system call on the caller's fpage; returns nodes visited (the revocation cost grows with it). */
    public int unmap(Tcb t, long base, int sizeLog2, int rights, boolean flush) {
        KernelPath p = k.path("unmap");
        p.cost(CostKind.KERNEL_ENTRY).instructions(PathLengths.IPC_SLOWPATH / 2);
        long size = 1L << Math.max(sizeLog2, 12);
        long[] c = {0};
        int visited = 0;
        for (long a = base & -size; a < (base & -size) + size; a += 4096) {
            MappingDb.Node n = k.mappingDb.lookup(t.space, a);
            if (n != null) visited += unmapNode(n, rights, flush, p, c);
        }
        p.add(c[0]).cost(CostKind.KERNEL_EXIT);
        k.record(TraceKind.UNMAP, t, "", "unmap", visited, Fpage.rightsText(rights));
        k.charge(p, t);
        return visited;
    }

    /** A device raised {@code line} (the controller told us). */
    public void interrupt(int line) {
        var pic = k.machine.interruptController();
        KernelPath p = k.path(line == k.timerLine ? "irq.timer" : "irq.entry");
        p.cost(CostKind.INTERRUPT_ENTRY).instructions(PathLengths.IRQ);
        if (k.current != null) p.touch(k.current.address + Tcb.OFF_TIMESLICE, MemoryHierarchy.READ);
        pic.acknowledge(line);
        k.record(TraceKind.IRQ_RAISED, null, "irq" + line, p.name(), line, "");
        if (line == k.timerLine) {
            p.cost(CostKind.INTERRUPT_ACK).cost(CostKind.KERNEL_EXIT);
            k.charge(p, k.current);
            Tcb cur = k.current;
            if (cur != null && cur.state == ThreadState.RUNNING && cur.quantum <= 0) {
                cur.quantum = cur.timeslice;
                cur.state = ThreadState.READY;
                k.scheduler.rotate(cur);
                k.dispatch(cur);
            }
            return;
        }
        Tcb h = k.irqHandlers.get(line);
        if (h == null) {
            p.cost(CostKind.INTERRUPT_ACK).cost(CostKind.KERNEL_EXIT);
            k.charge(p, k.current);
            return;
        }
        pic.mask(line);
        k.irqPending[line] = true;
        if (k.config.irqDelivery() == KernelConfig.IrqDelivery.ASYNC) {
            k.irqPending[line] = false;
            h.notifyBits |= 1L << line;
            // The latency is taken when the handler consumes the bit (completeNotifyWait), as
            // the synchronous variant takes it when the handler receives the IPC.
            if (h.state == ThreadState.WAITING_NOTIFY && (h.notifyBits & h.notifyMask) != 0) {
                k.userOps.completeNotifyWait(h, p.cycles());
                k.scheduler.makeReady(h);
            }
        } else if (h.state == ThreadState.RECEIVING && h.virtualInterrupts && (h.partner == ThreadId.NIL || h.partner == irqThreadId(line))) {
            deliverIrq(h, line, p, h.bindAs);
            k.scheduler.makeReady(h);
        }
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, k.current);
        if (k.current != null && h.state == ThreadState.READY && h.priority > k.current.priority) {
            k.current.state = ThreadState.READY;
            k.scheduler.makeReady(k.current);
            k.dispatch(k.current);
        }
    }

    /** On receive: a pending interrupt for this handler is delivered at once. */
    public boolean deliverPendingIrq(Tcb r, int fromId, String bindAs, KernelPath p) {
        if (!r.virtualInterrupts) return false;
        for (var e : k.irqHandlers.entrySet()) {
            int line = e.getKey();
            if (e.getValue() == r && k.irqPending[line] && (fromId == ThreadId.NIL || fromId == irqThreadId(line))) {
                deliverIrq(r, line, p, bindAs);
                return true;
            }
        }
        return false;
    }

    private void deliverIrq(Tcb h, int line, KernelPath p, String bindAs) {
        k.irqPending[line] = false;
        p.touch(h.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        h.received.put(bindAs == null ? "_" : bindAs, new Message(line, new long[0], List.of(), irqThreadId(line), "irq" + line, "interrupt", 0, 0, false));
        h.ipcsReceived++;
        h.state = ThreadState.READY;
        h.partner = ThreadId.NIL;
        k.ipc.cancelTimeout(h);
        sample(line, p.cycles());
        k.record(TraceKind.IRQ_DELIVERED, h, "irq" + line, p.name(), line, "");
    }

    /**
     * Interrupt latency of {@code line}: from the device's raise to the handler getting it,
     * including the {@code pathCycles} the kernel path delivering it has spent so far (the
     * path's cycles reach the clock only when it ends).
     */
    void sample(int line, long pathCycles) {
        k.irqLatency.computeIfAbsent(line, x -> new ArrayList<>()).add(k.now() + pathCycles - k.irqRaisedAt[line]);
    }

    /** The handler acknowledges: the kernel unmasks the line. */
    public void acknowledge(Tcb t, int line, SourceRef at) {
        if (k.irqHandlers.get(line) != t) {
            k.error(t, at, "acknowledging IRQ " + line + " which this thread is not attached to", false);
            return;
        }
        KernelPath p = k.path("irq.ack");
        p.cost(CostKind.KERNEL_ENTRY).cost(CostKind.INTERRUPT_ACK).instructions(PathLengths.IRQ / 2).cost(CostKind.KERNEL_EXIT);
        k.charge(p, t);
        k.machine.interruptController().unmask(line);
    }

    /** Lazy FPU: the first FPU use after a switch traps; the kernel saves the owner's state and loads this thread's. */
    public void fpuUse(Tcb t) {
        if (k.config.fpuSwitch() == KernelConfig.FpuSwitch.EAGER || k.fpuOwner == t) {
            k.fpuOwner = t;
            return;
        }
        KernelPath p = k.path("fpu.trap");
        p.cost(CostKind.FPU_TRAP);
        if (k.fpuOwner != null) p.cost(CostKind.FPU_SAVE).touch(k.fpuOwner.address + 512, MemoryHierarchy.WRITE);
        p.cost(CostKind.FPU_RESTORE).touch(t.address + 512, MemoryHierarchy.READ).cost(CostKind.KERNEL_EXIT);
        k.fpuOwner = t;
        k.charge(p, t);
    }

    static AddressSpace space(Tcb t) {
        return t.space;
    }
}
