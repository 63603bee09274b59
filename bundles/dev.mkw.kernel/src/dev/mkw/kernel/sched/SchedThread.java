package dev.mkw.kernel.sched;

/** What a scheduling policy may know of a thread. */
public interface SchedThread {
    /** {@code task.thread} */
    String name();

    /** The priority the scenario gave it (0..255). */
    int priority();

    /** Its timeslice in cycles. */
    long timesliceCycles();
}
