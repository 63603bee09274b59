package dev.mkw.kernel;

import dev.mkw.kernel.abi.SystemCall;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadState;

/**
 * The system-call boundary: the kernel's entry from user mode. It reads the call's arguments
 * from the caller's saved registers (and, through the mechanisms, its UTCB) and hands them
 * to the mechanism that implements the call; results go back the same way. Nothing of the
 * caller's program is visible here.
 */
public final class SystemCalls {
    private final Kernel k;
    private String kdebugText = "";
    /** The IPC of a baseline kernel variant (kernel { ipc mach|lrpc }), or null for L4's. */
    private final dev.mkw.kernel.baseline.BaselineIpc baseline;
    /** Cross-domain calls of a plugin's hardware (user-visible address-space tags) and the kernel's grants for them. */
    private final dev.mkw.kernel.xdomain.DomainCalls domainCalls;

    SystemCalls(Kernel k) {
        this.k = k;
        this.baseline = dev.mkw.kernel.baseline.BaselineIpc.of(k);
        this.domainCalls = new dev.mkw.kernel.xdomain.DomainCalls(k);
    }

    /** Cross-domain calls through user-visible address-space tags: the hardware's instructions and the kernel's grants. */
    public dev.mkw.kernel.xdomain.DomainCalls domainCalls() {
        return domainCalls;
    }

    /** The baseline kernel variant's IPC, or null for L4's (its page faults: Mach's copy on write). */
    public dev.mkw.kernel.baseline.BaselineIpc baseline() {
        return baseline;
    }

    /** Boot: the baseline variant sets up its kernel objects and code (after the tasks exist). */
    void booted() {
        if (baseline != null) baseline.boot();
    }

    /** The running thread {@code t} trapped with {@code call}. */
    public void enter(Tcb t, SystemCall call) {
        UserRegisters r = t.regs;
        switch (call) {
            case IPC -> {
                if (baseline != null) baseline.ipc(t);
                else k.ipc().ipc(t);
            }
            case NOTIFY -> {
                Tcb d = k.caps().notificationTarget(t, r.get(UserRegisters.TO));
                if (d != null) k.notification().notify(t, d, r.get(UserRegisters.ARG0));
            }
            case WAIT_NOTIFY -> {
                t.notifyAsIrq = -1;
                k.notification().waitFor(t, r.get(UserRegisters.ARG0), r.get(UserRegisters.RECV_TIMEOUT));
            }
            case UNMAP -> {
                Fpage fp;
                try {
                    fp = Fpage.decode(r.get(UserRegisters.ARG0));
                } catch (IllegalArgumentException e) {
                    k.error(t, null, "unmap: " + e.getMessage(), false);
                    return;
                }
                k.mapping().unmap(t, fp, (int) r.get(UserRegisters.ARG1) & Fpage.RWX, r.get(UserRegisters.ARG2) != 0);
            }
            case EXCHANGE_REGISTERS -> {
                long control = r.get(UserRegisters.ARG0);
                long victim = r.get(UserRegisters.TO);
                if ((control & SystemCall.EXREGS_HALT) != 0) k.exregs().halt(t, victim);
                else k.exregs().cancelIpc(t, victim, (control & SystemCall.EXREGS_ABORT) != 0);
            }
            case THREAD_CONTROL -> {
                long op = r.get(UserRegisters.ARG1);
                if (op == 2) k.interrupts().acknowledge(t, (int) r.get(UserRegisters.ARG0));
                else k.interrupts().control(t, r.get(UserRegisters.ARG0), op == 1);
            }
            case CAP_REVOKE -> k.caps().revoke(t, r.get(UserRegisters.ARG0));
            case SCHEDULE -> k.migration().schedule(t, r.get(UserRegisters.TO), r.get(UserRegisters.ARG0));
            case THREAD_EXIT -> k.lifecycle().exit(t);
            case DOMAIN_GRANT -> domainCalls.grant(t, r.get(UserRegisters.TO));
            case KDEBUG -> {
                k.error(t, null, kdebugText, false);
                kdebugText = "";
            }
        }
        if (t.state == ThreadState.DEAD) k.leftCpu(t);
    }

    void setKdebugText(String text) {
        kdebugText = text;
    }
}
