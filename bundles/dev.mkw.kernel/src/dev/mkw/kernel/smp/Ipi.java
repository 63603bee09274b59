package dev.mkw.kernel.smp;

import java.util.ArrayDeque;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.Processor;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * Inter-processor interrupts, the kernel's only way to make another processor act
 * (Microkernel Construction, "Multiprocessor": the kernel hides the IPI hardware; seL4's
 * src/smp/ipi.c, Pistachio's {@code xcpu} mailboxes). A processor leaves a request in the
 * target's mailbox (kernel memory, so its line moves between the caches) and writes the
 * interrupt controller's register (local APIC ICR, GIC SGIR); the target takes the interrupt
 * {@link CostKind#IPI} cycles later, at the first instruction boundary after that, handles
 * every request in its mailbox and acknowledges.
 *
 * <p>Requests: {@link Kind#RESCHEDULE} (a thread homed on the target was made ready there and
 * may preempt what runs, or the target idles), {@link Kind#SHOOTDOWN} (invalidate TLB entries,
 * then acknowledge to the initiator, see {@link TlbShootdown}).
 */
public final class Ipi {
    /** Among simultaneous events: after devices and timeouts, before CPU steps. */
    private static final int PRIORITY = 5;

    public enum Kind { RESCHEDULE, SHOOTDOWN }

    /** A request in a mailbox. {@code shootdown} is set for {@link Kind#SHOOTDOWN}. */
    record Request(Kind kind, Processor from, TlbShootdown.Round shootdown) {}

    private final Kernel k;
    private final ArrayDeque<Request>[] mailbox;
    /** Per processor: an IPI arrived and was not taken yet. */
    private final boolean[] arrived;
    private final long[] sent, received;
    /** IPIs sent and not yet taken: while any is under way the system is not stuck. */
    private int inFlight;

    @SuppressWarnings("unchecked")
    public Ipi(Kernel k) {
        this.k = k;
        int n = k.processorCount();
        this.mailbox = new ArrayDeque[n];
        for (int i = 0; i < n; i++) mailbox[i] = new ArrayDeque<>();
        this.arrived = new boolean[n];
        this.sent = new long[n];
        this.received = new long[n];
    }

    /**
     * {@code t}, homed on processor {@code home}, was made ready there by this one inside path
     * {@code p} (null: boot): if that processor idles or runs something of lower priority, it
     * gets a reschedule IPI (seL4's {@code possibleSwitchTo} on a remote core: enqueue there,
     * then IPI).
     */
    public void remoteWakeup(Processor home, Tcb t, KernelPath p) {
        if (p == null) {
            home.wake(); // boot: no path to send from; the processor's loop starts with it queued
            return;
        }
        Tcb there = home.current();
        if (there == null || there.state != dev.mkw.kernel.tcb.ThreadState.RUNNING || t.priority > there.priority) reschedule(home, p);
    }

    /** Ask {@code to} to reschedule (a thread of its was made ready by another processor). */
    public void reschedule(Processor to, KernelPath p) {
        // One reschedule request in a mailbox is enough (seL4 keeps a bit per core).
        for (Request r : mailbox[to.index()]) if (r.kind() == Kind.RESCHEDULE) return;
        send(to, new Request(Kind.RESCHEDULE, k.processor(), null), p);
    }

    void send(Processor to, Request r, KernelPath p) {
        Processor from = k.processor();
        if (to == from) throw new IllegalStateException("IPI to itself on " + from);
        p.execute(KernelCode.IPI_SEND);
        p.touch(KernelLayout.ipiMailbox(k.kernelMemory().base, to.index()), MemoryHierarchy.WRITE);
        // The interrupt controller's register is a device register: an uncached access.
        p.add(k.machine().memory().latencyCycles());
        mailbox[to.index()].addLast(r);
        sent[from.index()]++;
        inFlight++;
        long at = k.now() + p.cycles() + k.costs().cost(CostKind.IPI);
        k.record(TraceKind.IPI, null, to.toString(), p.name(), to.index(), r.kind().name().toLowerCase(java.util.Locale.ROOT));
        k.engine().schedule(at, to.index(), PRIORITY, "ipi " + to, () -> {
            arrived[to.index()] = true;
            to.wake();
        });
    }

    /** Whether an IPI waits to be taken by {@code c}. */
    public boolean pending(Processor c) {
        return arrived[c.index()];
    }

    /** IPIs sent and not yet taken. */
    public int inFlight() {
        return inFlight;
    }

    /**
     * Processor {@code c} (active) takes its IPI: one interrupt entry for every request in its
     * mailbox. Returns whether it should reschedule.
     */
    public boolean take(Processor c) {
        arrived[c.index()] = false;
        KernelPath p = k.path("ipi");
        p.cost(CostKind.INTERRUPT_ENTRY).execute(KernelCode.IPI_HANDLER);
        p.touch(KernelLayout.ipiMailbox(k.kernelMemory().base, c.index()), MemoryHierarchy.READ);
        boolean reschedule = false;
        ArrayDeque<Request> box = mailbox[c.index()];
        while (!box.isEmpty()) {
            Request r = box.pollFirst();
            inFlight--;
            received[c.index()]++;
            switch (r.kind()) {
                case RESCHEDULE -> reschedule = true;
                case SHOOTDOWN -> k.shootdown().invalidate(c, r.shootdown(), p);
            }
        }
        p.cost(CostKind.INTERRUPT_ACK).cost(CostKind.KERNEL_EXIT);
        Tcb cur = c.current();
        k.charge(p, cur);
        k.shootdown().acknowledged(c);
        return reschedule && shouldPreempt(c);
    }

    /** Whether {@code c} idles or a thread queued on it outranks the one it runs. */
    private boolean shouldPreempt(Processor c) {
        Tcb cur = c.current();
        if (cur == null || cur.state != ThreadState.RUNNING || cur.migrateTo >= 0) return true;
        return k.scheduler().highestReady(c.index()) > cur.priority;
    }

    public long sent(int cpu) { return sent[cpu]; }

    public long received(int cpu) { return received[cpu]; }
}
