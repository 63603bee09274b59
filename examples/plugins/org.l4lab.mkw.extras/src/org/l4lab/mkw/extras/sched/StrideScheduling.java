package org.l4lab.mkw.extras.sched;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mkw.kernel.sched.SchedThread;
import dev.mkw.kernel.sched.SchedulerPolicy;

/**
 * Stride scheduling (C. A. Waldspurger and W. E. Weihl, "Stride Scheduling: Deterministic
 * Proportional-Share Resource Management", MIT/LCS/TM-528, 1995): every thread holds
 * tickets; its stride is {@link #STRIDE1} / tickets; the runnable thread with the smallest
 * pass runs, and its pass advances by its stride for each quantum it used (in proportion for
 * a partial quantum). Over time each thread gets CPU time in proportion to its tickets, with
 * an error bounded by one quantum, deterministically (no lottery).
 *
 * <p>In a scenario, {@code kernel { scheduler stride }} turns it on and a thread's priority is
 * read as its ticket count (at least 1). Ties go to the thread created first, so a schedule is
 * reproducible by hand.
 */
public final class StrideScheduling implements SchedulerPolicy {
    /** The paper's stride1: large, so that strides of small ticket counts stay integers. */
    public static final long STRIDE1 = 1L << 20;

    /** The pass of each thread this run has seen. */
    private final Map<SchedThread, long[]> pass = new IdentityHashMap<>();
    /** The threads that were runnable at the previous decision. */
    private final Set<SchedThread> competing = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override public String id() { return "stride"; }

    @Override public String description() { return "stride scheduling (Waldspurger 1995): CPU share proportional to tickets = priority"; }

    @Override public SchedulerPolicy forRun() { return new StrideScheduling(); }

    public static long tickets(SchedThread t) {
        return Math.max(1, t.priority());
    }

    public static long stride(SchedThread t) {
        return STRIDE1 / tickets(t);
    }

    @Override
    public SchedThread choose(List<SchedThread> runnable, long nowCycles) {
        long globalPass = globalPass(runnable);
        SchedThread best = null;
        long bestPass = Long.MAX_VALUE;
        for (SchedThread t : runnable) {
            long[] p = pass.get(t);
            if (p == null) {
                // Join (the paper's operation): a new thread starts one stride after the global
                // pass, so it competes from now on without a head start.
                p = new long[] {globalPass + stride(t)};
                pass.put(t, p);
            } else if (!competing.contains(t)) {
                // Back from blocking: it cannot claim the CPU time it did not compete for.
                p[0] = Math.max(p[0], globalPass);
            }
            if (p[0] < bestPass) {
                bestPass = p[0];
                best = t;
            }
        }
        competing.clear();
        competing.addAll(runnable);
        return best;
    }

    @Override
    public void ran(SchedThread thread, long cycles) {
        long[] p = pass.get(thread);
        if (p == null || cycles <= 0) return;
        long quantum = Math.max(1, thread.timesliceCycles());
        // Integer arithmetic, rounded to nearest: the schedule must not depend on floating point.
        p[0] += (stride(thread) * cycles + quantum / 2) / quantum;
    }

    /** The smallest pass among the threads that kept competing, 0 before any. */
    private long globalPass(List<SchedThread> runnable) {
        long min = Long.MAX_VALUE;
        for (SchedThread t : runnable) {
            long[] p = pass.get(t);
            if (p != null && competing.contains(t)) min = Math.min(min, p[0]);
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }
}
