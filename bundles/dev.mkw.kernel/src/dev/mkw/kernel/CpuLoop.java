package dev.mkw.kernel;

import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadState;

/**
 * One processor: one simulation event per step, at the processor's own clock. A step takes an
 * IPI, else a local timer tick, else a pending interrupt routed to this processor, else lets
 * the scheduler choose when the running thread blocked, else runs one operation of the running
 * thread. With nothing to run the processor idles until something wakes it (an IPI, an
 * interrupt, a timeout of one of its threads); while it waits for TLB-shootdown
 * acknowledgements it runs nothing but IPIs.
 *
 * <p>The processors advance in simulated parallel: each step fires at its processor's clock,
 * the engine fires steps in (cycle, priority, insertion) order, so the interleaving is the same
 * for the same scenario and seed. When every processor has nothing to run and nothing could
 * wake anyone, the run ends: normally if all threads ended, as a deadlock otherwise.
 */
public final class CpuLoop {
    /** Priority of CPU steps among simultaneous events: after devices, timeouts and IPIs. */
    private static final int PRIORITY = 10;
    private final Kernel k;
    private final Processor cpu;
    private final String label;
    private boolean scheduled;
    /** A step is running (a wake-up from inside it needs no new step: the step schedules the next). */
    private boolean running;

    public CpuLoop(Kernel k) {
        this(k, k.processor(Kernel.CPU));
    }

    public CpuLoop(Kernel k, Processor cpu) {
        this.k = k;
        this.cpu = cpu;
        this.label = "cpu" + cpu.index();
        cpu.waker = this::wake;
    }

    /** Start every processor's loop. */
    public static void startAll(Kernel k) {
        for (Processor c : k.processors()) new CpuLoop(k, c).start();
    }

    public void start() {
        schedule(k.engine().cpuClock(cpu.index()));
    }

    private void wake() {
        if (scheduled || running || k.finished()) return;
        if (cpu.idle && k.processorCount() == 1) {
            // One processor: the idle time up to the waking event is charged now, as it always was.
            k.activate(cpu);
            k.accountIdleGap();
            long now = Math.max(k.engine().now(), k.now());
            if (now > k.now()) k.chargeIdle(now - k.now());
        }
        cpu.idle = false;
        schedule(Math.max(k.engine().now(), k.engine().cpuClock(cpu.index())));
    }

    private void schedule(long at) {
        scheduled = true;
        k.engine().schedule(Math.max(at, k.engine().now()), cpu.index(), PRIORITY, label, this::step);
    }

    private void step() {
        scheduled = false;
        running = true;
        try {
            stepOnce();
        } finally {
            running = false;
            k.leaveKernel();
        }
    }

    private void stepOnce() {
        k.activate(cpu);
        k.accountIdleGap();
        if (k.finished()) return;
        if (k.now() < k.engine().now()) k.chargeIdle(k.engine().now() - k.now());
        if (k.ipis().pending(cpu)) {
            if (k.ipis().take(cpu) && !k.shootdown().stalled(cpu)) reschedule();
        } else if (k.shootdown().stalled(cpu)) {
            return; // the last acknowledgement wakes it
        } else if (cpu.tickPending) {
            cpu.tickPending = false;
            k.interrupts().localTick();
        } else {
            int line = k.interrupts().pendingFor(cpu.index());
            if (line >= 0) {
                k.interrupts().interrupt(line);
            } else {
                Tcb cur = k.current();
                if (cur == null && k.processorCount() > 1 && k.scheduler().highestReady(cpu.index()) < 0) {
                    // An idle processor with nothing queued stays in its idle loop: it enters the
                    // kernel (and takes the kernel lock) only for an interrupt or an IPI.
                    idleOrEnd();
                    return;
                }
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
        if (k.shootdown().stalled(cpu)) return; // waits for acknowledgements; IPIs and the last ack wake it
        schedule(k.now());
    }

    /** After an IPI asked for it: the running thread yields to a higher-priority one queued here, or the idle processor picks one. */
    private void reschedule() {
        Tcb cur = k.current();
        if (k.migration().moveIfAsked(cur)) {
            k.dispatch(cur);
            return;
        }
        if (cur != null && cur.state == ThreadState.RUNNING) {
            cur.state = ThreadState.READY;
            k.scheduler().makeReady(cur);
        }
        k.dispatch(cur);
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
        cpu.idle = true;
        if (!k.anyProcessorBusy() && k.ipis().inFlight() == 0 && k.ipc().activeTimeouts() == 0 && !k.devicesCanWake()) {
            if (Deadlock.onlyServersWaiting(k)) {
                // Servers in an open wait with no client left: the experiment is over, not stuck.
                k.finish();
                k.engine().stop();
            } else {
                k.error(KernelError.Kind.DEADLOCK, null, null, Deadlock.describe(k), true);
            }
            return;
        }
        if (k.processorCount() > 1) return; // the waking event's step accounts the idle gap
        long next = k.engine().nextEventCycle();
        if (next > k.now()) {
            long until = Math.min(next, k.engine().cycleLimit());
            if (until > k.now()) k.chargeIdle(until - k.now());
        }
    }
}
