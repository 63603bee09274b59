package dev.mkw.kernel.smp;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.Processor;

/**
 * How a multiprocessor kernel keeps its paths from running into each other (kernel variant
 * {@code smp-lock}):
 * <ul>
 * <li>{@code big}: one lock that every kernel path takes on entry and drops on exit, seL4's
 * SMP kernel (a CLH queue lock, include/smp/lock.h): kernel paths of different processors
 * never overlap in time, and the lock's cache lines move to each processor that takes it;</li>
 * <li>{@code per-cpu}: each processor's data has its own lock (Pistachio's and Fiasco's
 * per-CPU kernel data): a path takes its own processor's lock, and the lock of every other
 * processor whose queues it changes (a remote wake-up), so only paths that touch the same
 * processor's data wait for each other.</li>
 * </ul>
 *
 * <p>In simulated time: a path begins at its processor's clock; if the lock is held until a
 * later cycle (by a kernel entry of another processor that began earlier), the path spins until
 * then, and those cycles are part of the path. Paths run in host order one at a time, which is
 * the order their locks grant them; a lock is released when its holder leaves the kernel (the
 * end of the processor's step or event).
 */
public final class KernelLock {
    private final Kernel k;
    private final KernelConfig.SmpLock kind;
    /** Per lock: the cycle its holder's path ends (it is free from then on). */
    private final long[] freeAt;
    /** Per lock: the address of its word. */
    private final long[] word;
    /** Per processor: the locks its open path holds. */
    private final List<List<Integer>> held = new ArrayList<>();
    /** Per processor: cycles spent spinning for a lock, and contended acquisitions. */
    private final long[] spinCycles, contended;

    public KernelLock(Kernel k, KernelConfig.SmpLock kind) {
        this.k = k;
        this.kind = kind;
        int cpus = k.processorCount();
        int locks = kind == KernelConfig.SmpLock.BIG ? 1 : cpus;
        this.freeAt = new long[locks];
        this.word = new long[locks];
        long base = k.kernelMemory().base;
        for (int i = 0; i < locks; i++) {
            word[i] = kind == KernelConfig.SmpLock.BIG ? KernelLayout.bigKernelLock(base) : KernelLayout.processorLock(base, i);
        }
        for (int i = 0; i < cpus; i++) held.add(new ArrayList<>());
        this.spinCycles = new long[cpus];
        this.contended = new long[cpus];
    }

    public KernelConfig.SmpLock kind() { return kind; }

    /** Path {@code p}, the outermost on processor {@code c}, begins: it takes {@code c}'s lock. */
    public void acquire(Processor c, KernelPath p) {
        int l = lockOf(c.index());
        if (!held.get(c.index()).contains(l)) take(c, l, p);
    }

    /**
     * Path {@code p} of the active processor is about to change processor {@code other}'s data
     * (queue a thread there): with per-processor locks it takes {@code other}'s lock as well;
     * under the big lock it holds everything already.
     */
    public void acquireRemote(Processor other, KernelPath p) {
        if (p == null) return;
        Processor c = k.processor();
        int l = lockOf(other.index());
        if (!held.get(c.index()).contains(l)) take(c, l, p);
    }

    private void take(Processor c, int lock, KernelPath p) {
        p.execute(KernelCode.KERNEL_LOCK);
        // The atomic swap into the lock's tail: the line comes over from the last holder's cache.
        p.touch(word[lock], MemoryHierarchy.WRITE);
        long at = k.now() + p.cycles();
        if (freeAt[lock] > at) {
            long spin = freeAt[lock] - at;
            p.add(spin);
            spinCycles[c.index()] += spin;
            contended[c.index()]++;
        }
        held.get(c.index()).add(lock);
    }

    /**
     * {@code c} leaves the kernel: its locks are free from cycle {@code at}. A kernel entry holds
     * them from its first path to its last (the system call and the schedule after it are one
     * entry, as in seL4, where the lock is dropped on the way back to user mode).
     */
    public void release(Processor c, long at) {
        List<Integer> mine = held.get(c.index());
        for (int l : mine) freeAt[l] = Math.max(freeAt[l], at);
        mine.clear();
    }

    private int lockOf(int cpu) {
        return kind == KernelConfig.SmpLock.BIG ? 0 : cpu;
    }

    /** Cycles processor {@code cpu} spun waiting for a kernel lock. */
    public long spinCycles(int cpu) { return spinCycles[cpu]; }

    /** Acquisitions by processor {@code cpu} that found the lock held. */
    public long contended(int cpu) { return contended[cpu]; }
}
