package dev.mkw.kernel.sched;

/** What a scheduling policy may know of a thread. */
public interface SchedThread {
    /** {@code task.thread} */
    String name();

    /** The priority the scenario gave it (0..255). */
    int priority();

    /** Its timeslice in cycles. */
    long timesliceCycles();

    /**
     * The processor it runs on: a policy chooses among the runnable threads of one processor
     * at a time (each processor schedules its own threads, as in L4 and seL4).
     */
    default int cpu() { return 0; }
}
