package dev.mkw.kernel;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.kernel.thread.Tcb;

/**
 * The processor's state after a cross-domain call or return of user-visible address-space tags
 * ({@link dev.mkw.kernel.xdomain.DomainCalls}): the hardware, not the kernel, switched the current
 * tag and page table, so no kernel path runs and nothing is charged here. MKW runs the callee's entry
 * as the callee thread's program (as it does for LRPC), so the simulation's current thread becomes
 * that thread; the processor's loaded space follows the tag, as after a kernel switch.
 */
public final class DomainSwitch {
    private DomainSwitch() {}

    /** The activation continues in {@code next}'s domain on the running processor; the TLB keeps every domain's entries by tag. */
    public static void enter(Kernel k, Tcb next) {
        Processor cpu = k.processor();
        if (next.inReadyQueue) k.scheduler().remove(next);
        next.cpu = cpu.index();
        MemoryHierarchy mem = cpu.mem();
        // The tag register selects the domain's page table: no root load by the kernel, no flush.
        mem.switchWithoutFlush(next.space.root, next.space.asid);
        cpu.setLoadedSpace(next.space);
        cpu.setCurrent(next);
        next.state = ThreadState.RUNNING;
    }
}
