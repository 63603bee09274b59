package dev.mkw.kernel.irq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.TraceKind;

/**
 * Interrupts as IPC (Microkernel Construction I.8, "Interrupts"; Advanced OS week 6,
 * "interrupts as messages"; L4 X.2 reference manual, "Interrupts"): each IRQ line is an
 * interrupt thread (thread number = line) whose messages a user-level driver receives; the
 * kernel masks the line when it raises it and unmasks it when the driver replies to the
 * interrupt thread. Under the asynchronous variant the line sets a notification bit of the
 * driver instead (L4Ka/Fiasco IRQ objects, seL4 notifications). The timer line is the
 * kernel's own: it preempts the running thread when its timeslice is used up.
 */
public final class InterruptIpc {
    private final Kernel k;
    private final Map<Integer, Tcb> handlers = new TreeMap<>();
    /** Per line: raised and not yet delivered to its handler (the line is masked meanwhile). */
    private final boolean[] pending;
    /** Per line: the cycle the device last raised it, for the latency samples. */
    private final long[] raisedAt;

    public InterruptIpc(Kernel k) {
        this.pending = new boolean[k.machine().interruptController().lines()];
        this.raisedAt = new long[pending.length];
        this.k = k;
    }
    /** The interrupt controller raised {@code line} at cycle {@code cycle} (its listener calls this). */
    public void raised(int line, long cycle) {
        raisedAt[line] = cycle;
    }

    /** Whether {@code line} is raised and not yet delivered. */
    public boolean isPending(int line) {
        return pending[line];
    }


    /** Attached drivers by line (read-only view for views and invariants). */
    public Map<Integer, Tcb> handlers() {
        return Collections.unmodifiableMap(handlers);
    }

    public Tcb handler(int line) {
        return handlers.get(line);
    }

    /** The IRQ line whose interrupt thread {@code id} names, or -1. */
    public int lineOf(long id) {
        if (id <= 0 || id > 0xFFFF_FFFFL) return -1;
        int n = ThreadId.number((int) id);
        return n < pending.length && id == ThreadId.interrupt(n) ? n : -1;
    }

    /** Boot: the scenario attaches {@code t} to {@code line}. */
    public void associate(int line, Tcb t) {
        handlers.put(line, t);
    }

    /** ThreadControl's interrupt association by the running thread {@code t}: attach ({@code attach}) or detach. */
    public void control(Tcb t, long line, boolean attach) {
        KernelPath p = k.path("thread.control");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IRQ, PathLengths.IRQ / 2).cost(CostKind.KERNEL_EXIT);
        k.charge(p, t);
        if (line < 0 || line >= pending.length) {
            k.error(t, null, "IRQ line " + line + " does not exist on this machine (0.." + (pending.length - 1) + ")", false);
            return;
        }
        Tcb other = handlers.get((int) line);
        if (!attach) {
            if (handlers.remove((int) line, t)) release((int) line);
            return;
        }
        if (line == k.timerLine()) {
            k.error(t, null, "IRQ " + line + " is the kernel's timer; no thread may attach to it", false);
            return;
        }
        if (!k.isPrivileged(t.space)) {
            // L4 X.2 ThreadControl is a privileged system call: only the root server associates
            // interrupt threads with handlers (seL4: only the holder of the IRQ control capability).
            k.error(t, null, "attach irq " + line + " refused: only threads of the privileged root task may attach interrupts (task " + t.space.name
                    + " is not privileged; declare 'irq " + line + " -> " + t.name + "' in the scenario or make the task privileged)", false);
            return;
        }
        if (other != null && other != t) {
            k.error(t, null, "IRQ " + line + " is already attached to " + other.name + "; the attachment is refused", false);
            return;
        }
        handlers.put((int) line, t);
    }

    /** {@code t} ended: it lets go of every line it was attached to. */
    public void detachAll(Tcb t) {
        for (Integer line : new ArrayList<>(handlers.keySet())) {
            if (handlers.get(line) == t) {
                handlers.remove(line);
                release(line);
            }
        }
    }

    /** A line without handler: nothing holds it pending any more, and the controller may raise it again. */
    private void release(int line) {
        pending[line] = false;
        k.machine().interruptController().unmask(line);
    }

    /** A device raised {@code line} (the controller told us). */
    public void interrupt(int line) {
        var pic = k.machine().interruptController();
        KernelPath p = k.path(line == k.timerLine() ? "irq.timer" : "irq.entry");
        p.cost(CostKind.INTERRUPT_ENTRY).execute(KernelCode.IRQ);
        if (k.current() != null) p.touch(k.current().address + Tcb.OFF_TIMESLICE, MemoryHierarchy.READ);
        pic.acknowledge(line);
        k.record(TraceKind.IRQ_RAISED, null, "irq" + line, p.name(), line, "");
        if (line == k.timerLine()) {
            tick(p);
            return;
        }
        Tcb h = handlers.get(line);
        if (h == null) {
            p.cost(CostKind.INTERRUPT_ACK).cost(CostKind.KERNEL_EXIT);
            k.charge(p, k.current());
            return;
        }
        pic.mask(line);
        pending[line] = true;
        if (k.config().irqDelivery() == KernelConfig.IrqDelivery.ASYNC) {
            pending[line] = false;
            // The latency is taken when the handler consumes the bit, as the synchronous
            // variant takes it when the handler receives the IPC.
            k.notification().signal(h, 1L << line, p);
        } else if (h.state == ThreadState.RECEIVING && h.virtualInterrupts && (h.partner == ThreadId.NIL || h.partner == ThreadId.interrupt(line))) {
            deliver(h, line, p);
            k.scheduler().makeReady(h);
        }
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, k.current());
        if (k.current() != null && h.state == ThreadState.READY && h.cpu == k.processor().index() && h.priority > k.current().priority) {
            k.current().state = ThreadState.READY;
            k.scheduler().makeReady(k.current());
            k.dispatch(k.current());
        }
    }

    /**
     * The timer tick of a processor other than the boot processor, from its local timer (the
     * local APIC timer on x86, the per-core private timer of the Cortex-A9 MPCore and the
     * generic timer of ARMv8): the same work as the boot processor's tick on the timer line.
     */
    public void localTick() {
        KernelPath p = k.path("irq.timer");
        p.cost(CostKind.INTERRUPT_ENTRY).execute(KernelCode.IRQ);
        if (k.current() != null) p.touch(k.current().address + Tcb.OFF_TIMESLICE, MemoryHierarchy.READ);
        tick(p);
    }

    /** The tick's work inside path {@code p}: walk the wakeup list, end the path, rotate an expired timeslice. */
    private void tick(KernelPath p) {
        k.ipc().wakeups().tick(p);
        p.cost(CostKind.INTERRUPT_ACK).cost(CostKind.KERNEL_EXIT);
        k.charge(p, k.current());
        Tcb cur = k.current();
        if (cur != null && cur.state == ThreadState.RUNNING && cur.quantum <= 0) {
            cur.quantum = cur.timeslice;
            cur.state = ThreadState.READY;
            k.scheduler().rotate(cur);
            k.dispatch(cur);
        }
    }

    /**
     * The highest-priority pending device line routed to processor {@code cpu}, or -1. A line
     * goes to the processor its handler thread is homed on (seL4's IRQ affinity, Pistachio's
     * interrupt routing to the handler's CPU); a line without handler, and the timer line, to
     * the boot processor.
     */
    public int pendingFor(int cpu) {
        var pic = k.machine().interruptController();
        if (k.processorCount() == 1) return pic.highestPending();
        int best = -1;
        for (int line = 0; line < pic.lines(); line++) {
            if (!pic.pending(line) || pic.masked(line) || routeOf(line) != cpu) continue;
            if (best < 0 || pic.priority(line) > pic.priority(best)) best = line;
        }
        return best;
    }

    /** The processor that takes device line {@code line}. */
    public int routeOf(int line) {
        Tcb h = line == k.timerLine() ? null : handlers.get(line);
        return h == null ? 0 : h.cpu;
    }

    /** On receive: a pending interrupt for this handler is delivered at once. */
    public boolean deliverPending(Tcb r, int fromId, KernelPath p) {
        if (!r.virtualInterrupts) return false;
        for (var e : handlers.entrySet()) {
            int line = e.getKey();
            if (e.getValue() == r && pending[line] && (fromId == ThreadId.NIL || fromId == ThreadId.interrupt(line))) {
                deliver(r, line, p);
                return true;
            }
        }
        return false;
    }

    private void deliver(Tcb h, int line, KernelPath p) {
        pending[line] = false;
        p.touch(h.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        k.ipc().transfer().deliverFromKernel(h, ThreadId.interrupt(line), MessageTag.INTERRUPT);
        h.stats.ipcReceived++;
        // A handler that receives a pending interrupt in its own receive goes on running; one
        // that was blocked becomes ready (its caller queues it).
        if (h.state != ThreadState.RUNNING) h.state = ThreadState.READY;
        k.ipc().endWait(h);
        k.ipc().cancelTimeout(h);
        sample(line, p.cycles());
        k.record(TraceKind.IRQ_DELIVERED, h, "irq" + line, p.name(), line, "");
    }

    /** Asynchronous delivery: {@code h} consumed the bits {@code got}; sample the latency of IRQ bits among them. */
    public void consumed(Tcb h, long got, long pathCycles) {
        for (var e : handlers.entrySet()) {
            if (e.getValue() == h && e.getKey() < 64 && (got & (1L << e.getKey())) != 0) sample(e.getKey(), pathCycles);
        }
    }

    /**
     * Interrupt latency of {@code line}: from the device's raise to the handler getting it,
     * including the {@code pathCycles} the kernel path delivering it has spent so far (the
     * path's cycles reach the clock only when it ends).
     */
    private void sample(int line, long pathCycles) {
        k.statistics().irqDelivered(line, k.now() + pathCycles - raisedAt[line]);
    }

    /** The handler acknowledges (its reply to the interrupt thread): the kernel unmasks the line. */
    public void acknowledge(Tcb t, int line) {
        if (handlers.get(line) != t) {
            k.error(t, null, "acknowledging IRQ " + line + " which this thread is not attached to", false);
            return;
        }
        KernelPath p = k.path("irq.ack");
        p.cost(CostKind.KERNEL_ENTRY).cost(CostKind.INTERRUPT_ACK).execute(KernelCode.IRQ, PathLengths.IRQ / 2).cost(CostKind.KERNEL_EXIT);
        k.charge(p, t);
        k.machine().interruptController().unmask(line);
    }
}
