package dev.mkw.kernel.thread;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.TcbLookupVariant;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.memory.KernelMemory;

/**
 * Thread ID → TCB in the running kernel: the chosen {@link TcbLookupVariant} says which memory
 * it touches, this class charges each touch to the kernel path doing the lookup, then reads
 * the TCB to compare the full ID (a stale ID fails there). The difference in cost between
 * variants arises only from these memory accesses.
 */
public final class TcbLookup {
    private final TcbLookupVariant variant;
    private final long tcbArea;
    private final long tableBase;

    public TcbLookup(TcbLookupVariant variant, long tcbArea, long tableBase) {
        this.variant = variant;
        this.tcbArea = tcbArea;
        this.tableBase = tableBase;
    }

    /** Boot: let the variant prepare kernel memory for thread number {@code number}. */
    public void threadCreated(int number, KernelMemory memory, MemoryHierarchy mem) {
        variant.threadCreated(number, new TcbLookupVariant.TcbMemory() {
            @Override public long tcbAddress(int n) { return TcbLookup.this.tcbAddress(n); }
            @Override public long tableSlot(int n) { return TcbLookup.this.tableSlot(n); }
            @Override public void mapKernelPage(long address) { if (!memory.mapped(address)) memory.mapFresh(address, mem); }
        });
    }

    /** Charge the lookup of {@code target} to {@code path}; returns the TCB or null when the ID is stale. */
    public Tcb lookup(int id, Tcb target, KernelPath path, TcbPhysical phys) {
        variant.lookup(ThreadId.number(id), new TcbLookupVariant.LookupSteps() {
            @Override public long tcbAddress(int n) { return TcbLookup.this.tcbAddress(n); }
            @Override public long tableSlot(int n) { return TcbLookup.this.tableSlot(n); }
            @Override public void read(long a) { path.touch(a, MemoryHierarchy.READ); }
            @Override public void readPhysical(long a) { path.touchPhysical(a, MemoryHierarchy.READ); }
            @Override public void instructions(int n) { path.instructions(n); }
        });
        if (target == null) return null;
        // Compare the full ID (number and version) with the TCB's: a stale ID fails here.
        if (variant.physicalTcbAccess()) path.touchPhysical(phys.physical(target), MemoryHierarchy.READ);
        else path.touch(target.address, MemoryHierarchy.READ);
        return target.id == id ? target : null;
    }

    public TcbLookupVariant variant() { return variant; }

    private long tcbAddress(int number) { return tcbArea + (long) number * Tcb.SIZE; }

    private long tableSlot(int number) { return tableBase + (long) number * 8; }

    /** Physical addresses of TCBs, for variants that read them physically. */
    public interface TcbPhysical {
        long physical(Tcb t);
    }
}
