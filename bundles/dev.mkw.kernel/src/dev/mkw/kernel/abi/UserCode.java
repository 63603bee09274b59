package dev.mkw.kernel.abi;

import dev.mkw.scenario.SourceRef;

/**
 * What runs at user level in a thread: the scenario interpreter's program of a thread, or
 * sigma0. The kernel calls {@link #step} whenever the thread runs; the code does one
 * operation (or part of a long one) through the {@link UserCpu}.
 */
public interface UserCode {
    /**
     * Run one operation with at most {@code budget} cycles of plain computation (the next
     * event is then due). Returns false when the program has ended.
     */
    boolean step(UserCpu cpu, long budget);

    /**
     * Debug information: where in the source the thread is (the operation it executes), for
     * the run's messages about it; null when unknown.
     */
    SourceRef location();

    /** Bytes of code this user code occupies in its task's text (0: none to load). */
    default long textBytes() {
        return 0;
    }

    /** Boot: the loader put this code's text at {@code textBase} (mapped read-execute). */
    default void loaded(long textBase) {}
}
