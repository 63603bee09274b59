package dev.mkw.cli;

/**
 * The simulation did not come back from one step when asked to pause at the host-time limit:
 * something inside a single event loops without advancing simulated time. Every scenario
 * statement costs cycles, so this is a bug in MKW (exit code 3), and where the simulation
 * thread was is what the bug report needs.
 */
public final class StuckRun extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient StackTraceElement[] stuckAt;

    public StuckRun(String message, StackTraceElement[] stuckAt) {
        super(message);
        this.stuckAt = stuckAt.clone();
    }

    /** Where the simulation thread was when it was given up. */
    public StackTraceElement[] stuckAt() { return stuckAt.clone(); }
}
