package dev.mkw.kernel.ipc;


import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.thread.Tcb;

/**
 * IPC timeouts in kernel memory, as L4Ka::Pistachio keeps them: the threads with an armed
 * timeout are linked into one wakeup list through their TCBs ({@link Tcb#OFF_WAKEUP}); arming
 * links a thread in at the head, cancelling unlinks it, and every timer tick walks the whole
 * list to find the threads whose time has come ({@code kernel/src/api/v4/schedule.cc},
 * {@code handle_timer_interrupt}). So a timeout costs list work when it is armed and
 * cancelled, and every armed timeout makes each tick longer.
 */
public final class WakeupList {
    private final Kernel k;
    /** The processor whose list this is (each processor's timer walks its own, Pistachio's per-CPU wakeup queue). */
    private final int cpu;
    /** The armed threads in list order: the most recently linked first (it is the head). */
    private final java.util.ArrayDeque<Tcb> armed = new java.util.ArrayDeque<>();

    public WakeupList(Kernel k) {
        this(k, 0);
    }

    public WakeupList(Kernel k, int cpu) {
        this.k = k;
        this.cpu = cpu;
    }

    /** Link {@code t} in (charged to the current kernel path). */
    void link(Tcb t) {
        KernelPath p = k.currentPath();
        if (armed.contains(t)) return;
        // Linked in at the head: the old head's back link is written (found by the per-mechanism tests).
        Tcb first = armed.peekFirst();
        armed.addFirst(t);
        if (p == null) return;
        p.touch(head(), MemoryHierarchy.WRITE).touch(t.address + Tcb.OFF_WAKEUP, MemoryHierarchy.WRITE);
        if (first != null) p.touch(first.address + Tcb.OFF_WAKEUP, MemoryHierarchy.WRITE);
        p.execute(KernelCode.QUEUE_LINK);
    }

    /** Unlink {@code t}: its links are read, a neighbour's (or the head) written. */
    void unlink(Tcb t) {
        if (!armed.remove(t)) return;
        KernelPath p = k.currentPath();
        if (p == null) return;
        p.touch(t.address + Tcb.OFF_WAKEUP, MemoryHierarchy.READ).touch(head(), MemoryHierarchy.WRITE);
        p.execute(KernelCode.QUEUE_LINK);
    }

    /** A timer tick inside path {@code p}: the walk over every armed thread. */
    public void tick(KernelPath p) {
        p.touch(head(), MemoryHierarchy.READ);
        for (Tcb t : armed) p.touch(t.address + Tcb.OFF_WAKEUP, MemoryHierarchy.READ).execute(KernelCode.QUEUE_LINK);
    }

    public int size() {
        return armed.size();
    }

    private long head() {
        return KernelLayout.wakeupList(k.kernelMemory().base, cpu);
    }
}
