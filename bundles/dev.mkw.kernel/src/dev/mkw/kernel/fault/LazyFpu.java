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
 * every switch: saved for an outgoing thread that uses the FPU, loaded for an incoming one.
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
     * The kernel switched the CPU from {@code from} (null: idle) to {@code next} inside path
     * {@code p}. Eager switching moves the FPU state at every switch: it saves the outgoing
     * thread's state if that thread uses the FPU and loads the incoming one's if it does,
     * since with the FPU enabled for everyone the kernel cannot tell whether the state changed
     * since the last save (the save/restore per switch that lazy switching avoids: the lecture's
     * argument for it). Lazy switching does nothing here and waits for the trap ({@link #use}).
     */
    public void switched(Tcb from, Tcb next, KernelPath p) {
        if (k.config().fpuSwitch() != KernelConfig.FpuSwitch.EAGER) return;
        if (from != null && from.fpuUsed && from.state != dev.mkw.kernel.tcb.ThreadState.DEAD) {
            p.cost(CostKind.FPU_SAVE).touch(from.address + Tcb.OFF_FPU, MemoryHierarchy.WRITE);
        }
        if (next.fpuUsed) p.cost(CostKind.FPU_RESTORE).touch(next.address + Tcb.OFF_FPU, MemoryHierarchy.READ);
        owner = next.fpuUsed ? next : null;
    }

    /** The thread whose FPU state the FPU holds, or null. */
    public Tcb owner() {
        return owner;
    }
}
