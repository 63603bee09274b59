package dev.mkw.kernel;

import dev.mkw.scenario.ThreadSpec;

/**
 * Which processor a thread is homed on at creation (kernel variant {@code placement}): where
 * the scenario pins it ({@code thread T cpu K}), else its creator's processor, the boot
 * processor for the threads the root task creates (L4 X.2: ThreadControl creates on the
 * current processor, and a thread moves only by Schedule), or the processors in turn.
 */
final class ThreadPlacement {
    private final KernelConfig.Placement policy;
    private final int processors;
    private int next;

    ThreadPlacement(KernelConfig.Placement policy, int processors) {
        this.policy = policy;
        this.processors = processors;
    }

    /** The home of the next thread created, pinned to {@code pinned} or {@link ThreadSpec#ANY_CPU}. */
    int home(int pinned) {
        if (pinned != ThreadSpec.ANY_CPU) return pinned;
        return switch (policy) {
            case CREATOR -> Kernel.CPU;
            case SPREAD -> next++ % processors;
        };
    }
}
