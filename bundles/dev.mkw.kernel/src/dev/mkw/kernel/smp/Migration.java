package dev.mkw.kernel.smp;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.Processor;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * Moving a thread to another processor: L4 X.2's Schedule system call with a processor
 * number ("ProcessorControl"), seL4's TCB_SetAffinity ({@code Arch_migrateTCB}). The thread's
 * home changes; a queued thread leaves its old processor's queue and enters the new one's
 * (with a reschedule IPI there), an armed timeout moves to the new processor's wakeup list; a
 * thread that runs on another processor is stopped there by an IPI and then moves. As with
 * ExchangeRegisters, a thread may move threads of its own task; the privileged root task any.
 */
public final class Migration {
    private final Kernel k;

    public Migration(Kernel k) {
        this.k = k;
    }

    /** The running thread {@code caller} moves the thread {@code targetId} names to processor {@code cpu}. */
    public void schedule(Tcb caller, long targetId, long cpu) {
        KernelPath p = k.path("schedule.migrate");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.MIGRATE);
        Tcb target = targetId == ThreadId.NIL ? caller : k.slotOf(targetId);
        String refused = null;
        if (target == null || (target != caller && target.id != (int) targetId) || target.state == ThreadState.DEAD) {
            refused = "no such thread " + targetId;
        } else if (target.space != caller.space && !k.isPrivileged(caller.space)) {
            refused = caller.name + " may only move threads of its own task " + caller.space.name + " (the privileged root task may move any)";
        } else if (cpu < 0 || cpu >= k.processorCount()) {
            refused = "the machine has no cpu " + cpu + " (0.." + (k.processorCount() - 1) + ")";
        }
        if (refused != null) {
            p.cost(CostKind.KERNEL_EXIT);
            k.charge(p, caller);
            k.error(caller, null, "migrate refused: " + refused, false);
            return;
        }
        p.touch(target.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE).touch(target.address + Tcb.OFF_QUEUE, MemoryHierarchy.READ);
        int to = (int) cpu;
        if (target.cpu != to) {
            Processor from = k.processorOf(target);
            if (target == caller) {
                // The caller leaves this processor at the end of the call and runs on the new one
                // (lazy dispatching may have left it in this processor's queue: it leaves that too).
                if (target.inReadyQueue) k.scheduler().remove(target);
                move(target, to, p);
                target.state = ThreadState.READY;
                k.scheduler().makeReady(target);
            } else if (from.current() == target && target.state == ThreadState.RUNNING) {
                // Running elsewhere: that processor stops it at its IPI and moves it then.
                target.migrateTo = to;
                k.ipis().reschedule(from, p);
            } else {
                boolean queued = target.inReadyQueue;
                if (queued) k.scheduler().remove(target);
                move(target, to, p);
                if (target.state == ThreadState.READY) k.scheduler().makeReady(target);
            }
        }
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, caller);
    }

    /**
     * A thread the processor running the kernel was told to move (its {@code migrateTo}) stops
     * running here: it moves, and becomes ready on its new processor. Returns whether it moved.
     */
    public boolean moveIfAsked(Tcb t) {
        if (t == null || t.migrateTo < 0) return false;
        int to = t.migrateTo;
        t.migrateTo = -1;
        KernelPath p = k.path("schedule.migrate");
        p.execute(KernelCode.MIGRATE);
        if (t.inReadyQueue) k.scheduler().remove(t);
        move(t, to, p);
        if (t.state == ThreadState.RUNNING || t.state == ThreadState.READY) {
            t.state = ThreadState.READY;
            k.scheduler().makeReady(t);
        }
        k.charge(p, t);
        return true;
    }

    private void move(Tcb t, int to, KernelPath p) {
        int from = t.cpu;
        boolean timeout = t.timeoutEvent != null;
        if (timeout) k.ipc().moveTimeout(t, to);
        else t.cpu = to;
        k.record(TraceKind.MIGRATE, t, "cpu" + to, p.name(), to, "from cpu" + from);
    }
}
