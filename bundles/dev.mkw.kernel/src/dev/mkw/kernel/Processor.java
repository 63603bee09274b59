package dev.mkw.kernel;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.report.Misses;

/**
 * What the kernel keeps per processor (Microkernel Construction, "Multiprocessor": the
 * current TCB per processor; Pistachio's {@code cpu_local} data, seL4's {@code ksSMP[core]}
 * node state): the thread it runs, the address space its MMU has loaded, its memory hierarchy
 * (private caches and TLBs), the kernel paths it has open, and whether it idles or waits for
 * the acknowledgements of a TLB shootdown. Ready queues and the wakeup list are per
 * processor too; they live in the scheduler and the IPC path, indexed by {@link #index()}.
 */
public final class Processor {
    private final int index;
    private final MemoryHierarchy mem;
    /** Who caused this processor's misses (its hierarchy counts them). */
    final MissAttribution misses;
    /** Kernel paths begun on this processor and not yet charged, innermost last. */
    final ArrayDeque<KernelPath> openPaths = new ArrayDeque<>();
    /** Misses an open path caused before a nested path began (see Kernel.path). */
    final Map<KernelPath, Misses.Counter> nestedMisses = new IdentityHashMap<>();
    /** Cycles spent decoding a system call before its path was chosen. */
    long decodeCycles;
    private Tcb current;
    private AddressSpace loadedSpace;
    /** The address spaces whose translations this processor's tagged TLB may hold (for shootdowns). */
    private final java.util.Set<AddressSpace> tlbSpaces = new java.util.LinkedHashSet<>();
    /** Wakes this processor's CPU loop when it idles (an IPI, an interrupt or a timeout has work for it). */
    Runnable waker = () -> {};
    /** A local timer tick arrived and was not taken yet (processors other than the boot one). */
    boolean tickPending;
    /** Its loop found nothing to run and waits to be woken. */
    boolean idle;

    Processor(int index, MemoryHierarchy mem) {
        this.index = index;
        this.mem = mem;
        this.misses = new MissAttribution(mem);
    }

    /** The processor's number (0: the boot processor). */
    public int index() { return index; }

    /** Its memory hierarchy: private TLBs and caches, shared memory. */
    public MemoryHierarchy mem() { return mem; }

    /** The thread running on it, or null (idle). */
    public Tcb current() { return current; }

    void setCurrent(Tcb t) { current = t; }

    /** The address space whose page table its MMU uses, or null before the first switch. */
    public AddressSpace loadedSpace() { return loadedSpace; }

    void setLoadedSpace(AddressSpace s) {
        loadedSpace = s;
        if (s != null) tlbSpaces.add(s);
    }

    /**
     * Whether this processor's TLB may hold translations of {@code s}: an untagged TLB only
     * the loaded space's (a switch flushes it), a tagged TLB every space that ran on it since.
     */
    public boolean mayCache(AddressSpace s) {
        return mem.taggedTlb() ? tlbSpaces.contains(s) : loadedSpace == s;
    }

    /** Whether it idles: nothing to run, nothing to wait for (a processor waiting for shootdown acknowledgements is busy). */
    public boolean idle() { return idle; }

    /**
     * Work was handed to this idle processor through memory rather than by an IPI (its idle loop
     * spins on a line another processor writes: LRPC's exchange, dev.mkw.kernel.baseline.lrpc):
     * it counts as busy from now on, so the run is not taken for stuck, until the work has
     * arrived ({@link #arrived}), even if something else wakes its loop in between and it idles
     * again meanwhile.
     */
    public void claim() {
        idle = false;
        arrivals++;
    }

    /** The work a {@link #claim} announced has arrived. */
    public void arrived() {
        if (arrivals > 0) arrivals--;
    }

    /** Whether work handed over through memory is still on its way here. */
    public boolean awaitsArrival() { return arrivals > 0; }

    /** Claims whose work has not arrived yet. */
    private int arrivals;

    /** Wake the processor's loop if it idles. */
    public void wake() {
        waker.run();
    }

    @Override
    public String toString() {
        return "cpu" + index;
    }
}
