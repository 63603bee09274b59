package dev.mkw.kernel;

import java.util.HashSet;
import java.util.Set;

import dev.mkw.kernel.scenario.KernelConfig;
import dev.mkw.kernel.tcb.Tcb;
import dev.mkw.kernel.tcb.ThreadState;

/**
 * The kernel invariants (issue: checked after every system call when the debug switch is
 * on): a thread is in the queues its state allows; no two threads share a TCB; a thread
 * in a send queue is sending to that queue's owner; a running thread is the current one.
 */
public final class Invariants {
    private Invariants() {}

    public static void check(Kernel k) {
        Set<Long> tcbs = new HashSet<>();
        for (Tcb t : k.threads) {
            if (!tcbs.add(t.address)) fail(k, t, "shares its TCB at 0x" + Long.toHexString(t.address));
            if (t.state == ThreadState.RUNNING && t != k.current) fail(k, t, "is RUNNING but not the current thread");
            if (t.inReadyQueue && k.config.scheduling() == KernelConfig.Scheduling.EAGER && t.isBlocked()) fail(k, t, "is blocked but queued (eager scheduling)");
            if (t.state == ThreadState.DEAD && t.inReadyQueue) fail(k, t, "is dead but in a ready queue");
            for (Tcb s : t.sendQueue) {
                if (s.state != ThreadState.SENDING && s.state != ThreadState.PAGE_FAULT) fail(k, s, "waits in " + t.name + "'s send queue but is " + s.state);
                if (s.partner != t.id) fail(k, s, "waits in " + t.name + "'s send queue but sends to someone else");
            }
        }
    }

    /** Interrupts and capabilities: see {@link ResourceInvariants}. */
    public static void checkResources(Kernel k) {
        ResourceInvariants.check(k);
    }

    private static void fail(Kernel k, Tcb t, String what) {
        k.error(t, null, "kernel invariant broken: " + t.name + " " + what, true);
    }
}
