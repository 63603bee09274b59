package dev.mkw.kernel.sched;

import java.util.List;

/**
 * A scheduling policy contributed by a plugin (extension point
 * {@code dev.mkw.kernel.schedulerPolicies}, or {@link java.util.ServiceLoader} / {@link
 * SchedulerPolicies#register} as plain jars). The built-in policy, {@code priority-rr}, is
 * the kernel's own fixed-priority round robin with the eager/lazy/Benno queue variants; a
 * contributed policy replaces the choice of the next thread and sees only {@link
 * SchedThread}s, never kernel internals. A policy that throws is reported with its plugin's
 * name and switched off for the rest of the run; the built-in policy takes over.
 */
public interface SchedulerPolicy {
    /** The id a scenario names: {@code kernel { scheduler ID }}. */
    String id();

    /** One line for listings. */
    String description();

    /**
     * Choose the next thread to run among the runnable ones (in creation order), or null to
     * idle. Called at every scheduling decision: when the running thread blocks, ends, or
     * its timeslice expires.
     */
    SchedThread choose(List<SchedThread> runnable, long nowCycles);

    /** The thread ran for {@code cycles} since it was chosen (for stride or deadline accounting). */
    default void ran(SchedThread thread, long cycles) {}

    /**
     * The instance one run uses. The registry holds one object per policy and runs may go in
     * parallel (a sweep), so a policy that keeps per-thread state returns a fresh instance
     * here; a stateless one returns itself.
     */
    default SchedulerPolicy forRun() { return this; }
}
