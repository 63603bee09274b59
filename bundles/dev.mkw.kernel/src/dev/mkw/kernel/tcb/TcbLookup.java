package dev.mkw.kernel.tcb;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.scenario.KernelConfig;

/**
 * Thread ID → TCB, the three ways of Microkernel Construction I.12:
 * <ul>
 * <li>TABLE: read the TCB pointer from a table indexed by thread number (one extra
 * memory access, then the TCB through the TLB);</li>
 * <li>VIRTUAL_ARRAY: the TCB address is computed from the thread number (L3/L4); no
 * table access, but the TCB area is virtual, so it costs TLB entries and its pages are
 * faulted in on first touch;</li>
 * <li>PHYSICAL: the ID carries the TCB's physical address (seL4-style capability pointer):
 * no translation at all.</li>
 * </ul>
 * The difference in cost arises only from these memory accesses.
 */
public final class TcbLookup {
    private final KernelConfig.TcbLookup variant;
    private final long tableBase;

    public TcbLookup(KernelConfig.TcbLookup variant, long tableBase) {
        this.variant = variant;
        this.tableBase = tableBase;
    }

    /** Charge the lookup of {@code target} to {@code path}; returns the TCB or null when the ID is stale. */
    public Tcb lookup(int id, Tcb target, KernelPath path, TcbPhysical phys) {
        int number = ThreadId.number(id);
        switch (variant) {
            case TABLE:
                path.touch(tableBase + (long) number * 8, MemoryHierarchy.READ).instructions(3);
                break;
            case VIRTUAL_ARRAY:
                path.instructions(2);
                break;
            case PHYSICAL:
                path.instructions(1);
                break;
        }
        if (target == null) return null;
        // Compare the full ID (number and version) with the TCB's: a stale ID fails here.
        if (variant == KernelConfig.TcbLookup.PHYSICAL) path.touchPhysical(phys.physical(target), MemoryHierarchy.READ);
        else path.touch(target.address, MemoryHierarchy.READ);
        return target.id == id ? target : null;
    }

    public KernelConfig.TcbLookup variant() { return variant; }

    /** Physical addresses of TCBs, for the physical variant. */
    public interface TcbPhysical {
        long physical(Tcb t);
    }
}
