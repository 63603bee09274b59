package dev.mkw.kernel.tcb;

/**
 * An L4 X.2 global thread ID (32-bit variant): the thread number in the upper 18 bits and
 * a version in the lower 14 bits (Microkernel Construction I.12, "Thread IDs"). A TCB slot
 * reused for a new thread gets a new version, so an old ID held by someone else no longer
 * matches the TCB: the lookup compares the whole ID and fails ("stale thread ID").
 */
public final class ThreadId {
    public static final int VERSION_BITS = 14;
    public static final int NUMBER_BITS = 18;
    public static final int NIL = 0;

    private ThreadId() {}

    public static int of(int number, int version) {
        if (number < 0 || number >= (1 << NUMBER_BITS)) throw new IllegalArgumentException("thread number " + number + " out of range");
        return (number << VERSION_BITS) | (version & ((1 << VERSION_BITS) - 1));
    }

    public static int number(int id) { return id >>> VERSION_BITS; }

    public static int version(int id) { return id & ((1 << VERSION_BITS) - 1); }

    public static String format(int id) { return String.format("0x%08x", id); }

    /**
     * The thread ID of IRQ line {@code line}'s interrupt thread: L4 X.2 gives interrupt
     * threads the numbers 0..lines-1 (version 1); user threads start above them (the KIP's
     * UserBase), so the two can never collide.
     */
    public static int interrupt(int line) { return of(line, 1); }

    /** The first thread number user threads may have on a machine with {@code irqLines} lines: sigma0 gets it. */
    public static int userBase(int irqLines) { return irqLines; }
}
