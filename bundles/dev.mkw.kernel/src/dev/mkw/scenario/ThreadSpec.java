package dev.mkw.scenario;

import java.util.List;

/**
 * A thread and its behaviour.
 *
 * @param name             the thread's name inside its task
 * @param priority         0..255, higher runs first
 * @param timesliceCycles  the timeslice, or 0 for the kernel default
 * @param cpu              the processor the thread is pinned to, or {@link #ANY_CPU}: the kernel's placement chooses
 * @param usesFpu          whether the thread uses the FPU (its behaviour may also say {@code fpu})
 * @param pager            overrides the task's pager, or null
 * @param exceptionHandler overrides the task's exception handler, or null
 * @param body             the behaviour, run once from the top; the thread ends after it
 * @param at               where it was declared
 */
public record ThreadSpec(String name, int priority, long timesliceCycles, int cpu, boolean usesFpu,
        String pager, String exceptionHandler, List<Op> body, SourceRef at) {
    /** {@link #cpu} of a thread the scenario does not pin. */
    public static final int ANY_CPU = -1;

    public ThreadSpec {
        body = List.copyOf(body);
    }
}
