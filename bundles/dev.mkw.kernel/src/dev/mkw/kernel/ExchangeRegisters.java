package dev.mkw.kernel;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.abi.IpcError;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.TraceKind;

/**
 * The IPC-control part of the L4 X.2 ExchangeRegisters system call: one thread cancels or
 * aborts another thread's ongoing IPC.
 *
 * <p>Cancel ends a pending send or receive that has not started its message transfer; abort
 * also ends one in the middle of a transfer. The victim's IPC returns with error CANCELED
 * or ABORTED and the phase it was in (a call blocked in its receive phase reports RECEIVE),
 * bound to the variable the operation would have bound, exactly as a timeout is reported.
 *
 * <p>In this kernel a message transfer happens inside one kernel path (string items whose
 * pages are missing are resolved on the spot), so no thread is ever seen mid-transfer: both
 * operations meet only waiting IPCs and differ in the error code the victim sees. A thread
 * waiting for its pager's or exception handler's reply is left alone by both: that IPC
 * belongs to the kernel's fault protocol, and the faulting instruction could not go on
 * without the reply.
 *
 * <p>As in L4 X.2 a thread may only control threads of its own address space; the threads
 * of the scenario's privileged root task (L4's root server, {@code TaskSpec.privileged}) may
 * control any thread.
 */
public final class ExchangeRegisters {
    private final Kernel k;

    ExchangeRegisters(Kernel k) {
        this.k = k;
    }

    /** What the call did to the victim. */
    public enum Outcome { CANCELED, ABORTED, NO_IPC, REFUSED }

    /**
     * The running thread {@code caller} cancels ({@code abort} false) or aborts the IPC of
     * the thread it named by {@code victimId}; {@code victim} is the TCB that ID selects.
     */
    public Outcome cancelIpc(Tcb caller, long victimId, boolean abort) {
        Tcb victim = k.slotOf(victimId);
        if (victim == null) {
            KernelPath p = k.path("exregs");
            p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IPC_SLOWPATH, PathLengths.IPC_SLOWPATH / 2);
            finish(p, caller);
            k.error(caller, null, (abort ? "abort ipc" : "cancel ipc") + " of " + victimId + " refused: no such thread", false);
            return Outcome.REFUSED;
        }
        return cancelIpc(caller, victim, (int) victimId, abort);
    }

    private Outcome cancelIpc(Tcb caller, Tcb victim, int victimId, boolean abort) {
        KernelPath p = k.path("exregs");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IPC_SLOWPATH, PathLengths.IPC_SLOWPATH / 2);
        p.touch(caller.address + Tcb.OFF_SPACE, MemoryHierarchy.READ);
        Tcb found = k.tcbLookup().lookup(victimId, victim, p, t -> k.kernelMemory().template().translate(t.address));
        String op = abort ? "abort ipc" : "cancel ipc";
        if (found == null || found.state == ThreadState.DEAD) {
            finish(p, caller);
            String why = found == null ? " (stale thread ID: " + victim.name + " is now " + ThreadId.format(victim.id) + ")" : " (stale thread ID: " + victim.name + " has ended)";
            k.error(caller, null, op + " of " + ThreadId.format(victimId) + " refused: no such thread" + why, false);
            return Outcome.REFUSED;
        }
        p.touch(victim.address + Tcb.OFF_SPACE, MemoryHierarchy.READ);
        if (victim.space != caller.space && !k.isPrivileged(caller.space)) {
            finish(p, caller);
            k.error(caller, null, op + " of " + victim.name + " refused: " + caller.name + " may only control threads of its own task "
                    + caller.space.name + " (only threads of the privileged root task may control any thread)", false);
            return Outcome.REFUSED;
        }
        int phase;
        if (victim.state == ThreadState.SENDING) {
            phase = IpcError.SEND_PHASE;
            // Leave the partner's send queue: the partner must never receive a cancelled message.
            for (Tcb d : k.threads()) {
                if (d.sendQueue.remove(victim)) p.touch(d.address + Tcb.OFF_QUEUE, MemoryHierarchy.WRITE);
            }
            victim.calling = false;
        } else if (victim.state == ThreadState.RECEIVING || victim.state == ThreadState.WAITING_NOTIFY) {
            phase = IpcError.RECEIVE_PHASE;
        } else {
            // Running, ready, or waiting for a fault reply: no user IPC to end.
            finish(p, caller);
            k.record(TraceKind.EXREGS, caller, victim.name, "exregs", 0, op + ": no IPC in progress (" + victim.state.name().toLowerCase() + ")");
            return Outcome.NO_IPC;
        }
        p.touch(victim.address + Tcb.OFF_STATE, MemoryHierarchy.WRITE);
        int reason = abort ? IpcError.ABORTED : IpcError.CANCELED;
        k.ipc().cancelTimeout(victim);
        k.ipc().transfer().fail(victim, reason, phase);
        k.ipc().endWait(victim);
        k.scheduler().makeReady(victim);
        finish(p, caller);
        k.record(TraceKind.EXREGS, caller, victim.name, "exregs", (reason << 1) | phase,
                op + ": " + (phase == IpcError.SEND_PHASE ? "send" : "receive") + " phase");
        return abort ? Outcome.ABORTED : Outcome.CANCELED;
    }

    /**
     * Halt: the exception handler {@code caller} ends {@code victimId}, which waits for its
     * reply, instead of resuming it (MKW's "reply stop").
     */
    public void halt(Tcb caller, long victimId) {
        Tcb victim = k.slotOf(victimId);
        if (victim == null || victim.id != (int) victimId || victim.state != ThreadState.PAGE_FAULT || victim.partner != caller.id) {
            KernelPath p = k.path("exregs");
            p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IPC_SLOWPATH, PathLengths.IPC_SLOWPATH / 2);
            finish(p, caller);
            k.error(caller, null, "reply stop: " + (victim == null ? String.valueOf(victimId) : victim.name) + " is not waiting for an exception or page-fault reply from "
                    + caller.name + "; nothing was stopped", false);
            return;
        }
        k.exceptions().stop(caller, victim);
    }

    private void finish(KernelPath p, Tcb caller) {
        p.cost(CostKind.KERNEL_EXIT);
        k.charge(p, caller);
    }
}
