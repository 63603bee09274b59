package dev.mkw.dsl.translate;

import dev.mkw.dsl.mkw.Thread;
import dev.mkw.dsl.validation.Constants;
import dev.mkw.kernel.tcb.ThreadId;

/**
 * Threads declared with a count ({@code thread worker[clients] as i { ... }}, issue 22: thread
 * counts as scenario parameters): one declaration stands for {@code clients} threads named
 * {@code worker[0]} .. {@code worker[clients-1]}, each running the body with {@code i} its number.
 * The count is a constant of the load (a number, a parameter, arithmetic of them), so
 * {@code --set param.clients=8} and {@code --vary param.clients=1,2,4,8} change how many exist.
 */
public final class ThreadCount {
    private ThreadCount() {}

    /**
     * The most threads a scenario may have: the kernel numbers threads with L4 X.2's 18-bit thread
     * number ({@link ThreadId#NUMBER_BITS}), one TCB slot each in its TCB array; the interrupt
     * threads (up to 1 023 lines on the presets' controllers) and sigma0 take the first numbers.
     */
    public static final int MAX_THREADS = (1 << ThreadId.NUMBER_BITS) - 1024;

    /** The count's value, or null when it is not a constant of the load. */
    public static Long value(Thread t) {
        return t.getCount() == null ? Long.valueOf(1) : Constants.value(t.getCount());
    }

    /** How many threads the declaration makes: 1 without a count, none while its count is wrong (validation reports it). */
    public static int of(Thread t) {
        Long v = value(t);
        return v == null || v < 1 || v > MAX_THREADS ? 0 : (int) (long) v;
    }

    /** The name of thread {@code i} of the declaration. */
    public static String name(Thread t, int i) {
        return t.getCount() == null ? t.getName() : t.getName() + "[" + i + "]";
    }
}
