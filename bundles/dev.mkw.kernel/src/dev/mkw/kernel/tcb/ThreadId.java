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
}
