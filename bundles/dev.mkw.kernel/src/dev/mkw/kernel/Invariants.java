package dev.mkw.kernel;

import java.util.HashSet;
import java.util.Set;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;

/**
 * The kernel invariants (issue: checked after every system call when the debug switch is
 * on): a thread is in the queues its state allows; no two threads share a TCB; a thread
 * in a send queue is sending to that queue's owner; a running thread is the current one.
 * Also the ones whose breach loses a thread for good: a ready thread is in a ready queue
 * (else no dispatch finds it again), a sending thread is in its partner's send queue (else
 * no receive takes its message), a timeout is armed only for a blocked IPC and the count of
 * armed timeouts is right (the CPU loop trusts it to tell an idle wait from a deadlock), and
 * no receiver or notification waiter sleeps through what it waits for. On a multiprocessor: a
 * thread is the current thread of at most one processor, its own.
 */
public final class Invariants {
    private Invariants() {}

    public static void check(Kernel k) {
        Set<Long> tcbs = new HashSet<>();
        Set<Tcb> queuedSenders = new HashSet<>();
        int armed = 0;
        boolean queues = k.scheduler().policy() == null;
        for (Tcb t : k.threads()) {
            if (t.timeoutEvent != null) {
                armed++;
                if (t.state != ThreadState.SENDING && t.state != ThreadState.RECEIVING && t.state != ThreadState.WAITING_NOTIFY) {
                    fail(k, t, "has a timeout armed but is " + t.state);
                }
            }
            Tcb home = k.processorOf(t).current();
            if (queues && t.state == ThreadState.READY && t != home && !t.inReadyQueue) fail(k, t, "is READY but in no ready queue");
            if (t.state == ThreadState.SENDING && !partnerQueues(k, t)) fail(k, t, "is SENDING but not in its partner's send queue");
            if (t.state == ThreadState.RECEIVING) {
                // A rendezvous missed: both sides blocked although they match.
                for (Tcb s : t.sendQueue) {
                    if (t.partner == ThreadId.NIL || t.partner == s.id) fail(k, t, "waits to receive while " + s.name + " waits in its send queue");
                }
            }
            if (t.state == ThreadState.WAITING_NOTIFY && (t.notifyBits & t.notifyMask) != 0) fail(k, t, "waits for notification bits it already has");
            if (!tcbs.add(t.address)) fail(k, t, "shares its TCB at 0x" + Long.toHexString(t.address));
            if (t.state == ThreadState.RUNNING && t != home) fail(k, t, "is RUNNING but not the current thread of its processor (cpu" + t.cpu + ")");
            if (t.inReadyQueue && k.config().scheduling() == KernelConfig.Scheduling.EAGER && t.isBlocked()) fail(k, t, "is blocked but queued (eager scheduling)");
            if (t.state == ThreadState.DEAD && t.inReadyQueue) fail(k, t, "is dead but in a ready queue");
            for (Tcb s : t.sendQueue) {
                if (!queuedSenders.add(s)) fail(k, s, "waits in more than one send queue position");
                if (s.state != ThreadState.SENDING && s.state != ThreadState.PAGE_FAULT) fail(k, s, "waits in " + t.name + "'s send queue but is " + s.state);
                if (s.partner != t.id) fail(k, s, "waits in " + t.name + "'s send queue but sends to someone else");
            }
        }
        // A thread runs on at most one processor, and only on its own.
        Set<Tcb> running = new HashSet<>();
        for (Processor c : k.processors()) {
            Tcb cur = c.current();
            if (cur == null) continue;
            if (!running.add(cur)) fail(k, cur, "is the current thread of two processors");
            if (cur.cpu != c.index()) fail(k, cur, "runs on cpu" + c.index() + " but is homed on cpu" + cur.cpu);
        }
        if (armed != k.ipc().activeTimeouts() && !k.threads().isEmpty()) {
            fail(k, k.threads().get(0), "(kernel) counts " + k.ipc().activeTimeouts() + " active timeouts but " + armed + " are armed");
        }
    }

    private static boolean partnerQueues(Kernel k, Tcb s) {
        for (Tcb d : k.threads()) if (d.id == s.partner) return d.sendQueue.contains(s);
        return false;
    }

    /** Interrupts and capabilities: see {@link ResourceInvariants}. */
    public static void checkResources(Kernel k) {
        ResourceInvariants.check(k);
        MemoryInvariants.check(k);
    }

    private static void fail(Kernel k, Tcb t, String what) {
        k.error(KernelError.Kind.INVARIANT, t, null, "kernel invariant broken: " + t.name + " " + what, true);
    }
}
