package dev.mkw.kernel.sched;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.thread.Tcb;

/**
 * The ready queues in simulated memory: a doubly linked list through each TCB's queue links
 * ({@link Tcb#OFF_QUEUE}, {@link Tcb#OFF_QUEUE_PREV}) with a head and tail word per priority
 * (as Pistachio's {@code prio_queue_t} and {@code ringlist}). Each touch goes through the
 * memory hierarchy inside the kernel path doing the operation, with the instructions a link
 * or unlink takes, so eager, lazy and Benno scheduling cost what their queue work costs.
 */
public final class ReadyQueueMemory implements Scheduler.QueueMemory {
    private final Kernel k;

    public ReadyQueueMemory(Kernel k) {
        this.k = k;
    }

    @Override
    public void links(Tcb t, boolean write) {
        KernelPath p = k.currentPath();
        if (p == null) return;
        long before = p.cycles();
        int kind = write ? MemoryHierarchy.WRITE : MemoryHierarchy.READ;
        p.touch(t.address + Tcb.OFF_QUEUE, kind);
        if (write) p.touch(t.address + Tcb.OFF_QUEUE_PREV, kind);
        p.execute(KernelCode.QUEUE_LINK);
        k.statistics().queueCycles(p.cycles() - before);
    }

    @Override
    public void head(int cpu, int priority, boolean write) {
        KernelPath p = k.currentPath();
        if (p == null) return;
        long before = p.cycles();
        // Each processor's heads are in its own per-CPU page: a remote wake-up writes another
        // processor's head, whose cache line then moves between the two caches.
        p.touch(KernelLayout.readyQueues(k.kernelMemory().base, cpu) + priority * 16L, write ? MemoryHierarchy.WRITE : MemoryHierarchy.READ);
        k.statistics().queueCycles(p.cycles() - before);
    }
}
