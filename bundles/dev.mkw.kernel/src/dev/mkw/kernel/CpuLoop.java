package dev.mkw.kernel;

import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.SimEngine;

/**
 * The CPU: one simulation event per step. A step takes a pending interrupt, else lets the
 * scheduler choose when the running thread blocked, else runs one operation of the running
 * thread. With nothing to run the CPU idles until the next event; with nothing to run and
 * nothing that could wake anyone, the run ends — normally if all threads ended, as a
 * deadlock otherwise.
 */
public final class CpuLoop {
    /** Priority of CPU steps among simultaneous events: after devices and timeouts. */
    private static final int PRIORITY = 10;
    private final Kernel k;
    private boolean scheduled;
    private boolean idle;

    public CpuLoop(Kernel k) {
        this.k = k;
        k.cpuWaker = this::wake;
    }

    public void start() {
        schedule(k.now());
    }

    private void wake() {
        k.accountIdleGap();
        if (idle && !scheduled && !k.finished()) {
            idle = false;
            long now = Math.max(k.engine().now(), k.now());
            if (now > k.now()) k.chargeIdle(now - k.now());
            schedule(now);
        }
    }

    private void schedule(long at) {
        scheduled = true;
        k.engine().schedule(Math.max(at, k.engine().now()), Kernel.CPU, PRIORITY, "cpu0", this::step);
    }

    private void step() {
        scheduled = false;
        k.accountIdleGap();
        if (k.finished()) return;
        if (k.now() < k.engine().now()) k.chargeIdle(k.engine().now() - k.now());
        int line = k.machine().interruptController().highestPending();
        if (line >= 0) {
            k.interrupts().interrupt(line);
        } else {
            Tcb cur = k.current();
            if (cur == null || cur.state != ThreadState.RUNNING) {
                cur = k.dispatch(cur);
            }
            if (cur == null) {
                idleOrEnd();
                return;
            }
            k.runUser(cur, budget());
            // An IPC may already have switched to the partner (direct switch): only schedule if nobody runs.
            if (!k.finished() && (k.current() == null || k.current().state != ThreadState.RUNNING)) {
                k.dispatch(cur);
            }
        }
        if (k.finished()) return;
        k.checkAllPathsCharged();
        if (k.config().checkInvariants()) {
            Invariants.check(k);
            Invariants.checkResources(k);
        }
        if (k.allDead()) {
            k.finish();
            k.engine().stop();
            return;
        }
        schedule(k.now());
    }

    /** Cycles until the next pending event, so long computations are cut where an interrupt may arrive. */
    private long budget() {
        long next = k.engine().nextEventCycle();
        return next < 0 ? Long.MAX_VALUE : Math.max(1, next - k.now());
    }

    private void idleOrEnd() {
        if (k.allDead()) {
            k.finish();
            k.engine().stop();
            return;
        }
        if (k.ipc().activeTimeouts() == 0 && !k.devicesCanWake()) {
            if (Deadlock.onlyServersWaiting(k)) {
                // Servers in an open wait with no client left: the experiment is over, not stuck.
                k.finish();
                k.engine().stop();
            } else {
                k.error(KernelError.Kind.DEADLOCK, null, null, Deadlock.describe(k), true);
            }
            return;
        }
        idle = true;
        long next = k.engine().nextEventCycle();
        if (next > k.now()) {
            long until = Math.min(next, k.engine().cycleLimit());
            if (until > k.now()) k.chargeIdle(until - k.now());
        }
    }

    static boolean noEvents(SimEngine e) {
        return e.nextEventCycle() < 0;
    }
}
