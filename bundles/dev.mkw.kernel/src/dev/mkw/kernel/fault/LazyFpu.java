package dev.mkw.kernel.fault;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.thread.Tcb;

/**
 * Lazy FPU switching (Microkernel Construction I.8, "Lazy FPU"): the kernel leaves the FPU
 * state of its last user in place across thread switches and disables the FPU; the first FPU
 * instruction of another thread traps, and only then the kernel saves the owner's state and
 * loads the new thread's. Under eager switching ({@link Kernel#switchTo}) the state moves at
 * every switch to a thread that uses the FPU.
 */
public final class LazyFpu {
    private final Kernel k;
    /** The thread whose FPU state the FPU holds, or null. */
    private Tcb owner;

    public LazyFpu(Kernel k) {
        this.k = k;
    }

    /** {@code t} executes an FPU instruction. */
    public void use(Tcb t) {
        t.fpuUsed = true;
        if (k.config().fpuSwitch() == KernelConfig.FpuSwitch.EAGER || owner == t) {
            owner = t;
            return;
        }
        KernelPath p = k.path("fpu.trap");
        p.cost(CostKind.FPU_TRAP);
        if (owner != null) p.cost(CostKind.FPU_SAVE).touch(owner.address + Tcb.OFF_FPU, MemoryHierarchy.WRITE);
        p.cost(CostKind.FPU_RESTORE).touch(t.address + Tcb.OFF_FPU, MemoryHierarchy.READ).cost(CostKind.KERNEL_EXIT);
        owner = t;
        k.charge(p, t);
    }

    /**
     * The kernel switched the CPU to {@code next} inside path {@code p}: under eager switching
     * the FPU state moves now if {@code next} uses the FPU; lazy switching waits for its trap.
     */
    public void switched(Tcb next, KernelPath p) {
        if (k.config().fpuSwitch() == KernelConfig.FpuSwitch.EAGER && next.fpuUsed && owner != next) {
            if (owner != null) p.cost(CostKind.FPU_SAVE);
            p.cost(CostKind.FPU_RESTORE);
            owner = next;
        }
    }

    /** The thread whose FPU state the FPU holds, or null. */
    public Tcb owner() {
        return owner;
    }
}
