package dev.mkw.sim;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where every cycle of every CPU went: user code of a thread, a named kernel path, or
 * idle. Each charge names exactly one account, so per CPU the accounts sum to the cycles
 * charged, and {@link #check(int, long)} proves it equals elapsed time.
 */
public final class CycleAccounting {
    /** The account names of idle time. */
    public static final String IDLE = "idle";
    /** Prefix of user accounts: {@code user:task.thread}. */
    public static final String USER = "user:";
    /** Prefix of kernel accounts: {@code kernel:ipc.fastpath}. */
    public static final String KERNEL = "kernel:";

    private final Map<String, long[]> perAccount = new TreeMap<>();
    private final Map<String, Long> perThreadKernel = new TreeMap<>();
    private final long[] perCpu;

    public CycleAccounting(int cpus) {
        this.perCpu = new long[cpus];
    }

    public void chargeUser(int cpu, String thread, long cycles) { charge(cpu, USER + thread, cycles); }

    /** Charge a kernel path, done on behalf of {@code thread} (may be null for none). */
    public void chargeKernel(int cpu, String path, String thread, long cycles) {
        charge(cpu, KERNEL + path, cycles);
        if (thread != null && cycles > 0) perThreadKernel.merge(thread, cycles, Long::sum);
    }

    public void chargeIdle(int cpu, long cycles) { charge(cpu, IDLE, cycles); }

    private void charge(int cpu, String account, long cycles) {
        if (cycles < 0) throw new IllegalArgumentException("negative charge " + cycles + " to " + account);
        if (cycles == 0) return;
        perAccount.computeIfAbsent(account, k -> new long[perCpu.length])[cpu] += cycles;
        perCpu[cpu] += cycles;
    }

    /** Total cycles charged to a CPU. */
    public long total(int cpu) { return perCpu[cpu]; }

    /** Every account with its total over all CPUs, sorted by name. */
    public Map<String, Long> totals() {
        Map<String, Long> m = new TreeMap<>();
        perAccount.forEach((k, v) -> {
            long s = 0;
            for (long x : v) s += x;
            m.put(k, s);
        });
        return m;
    }

    /** An account's cycles on one CPU. */
    public long of(String account, int cpu) {
        long[] v = perAccount.get(account);
        return v == null ? 0 : v[cpu];
    }

    /** Kernel cycles spent on behalf of each thread. */
    public Map<String, Long> kernelCyclesByThread() { return new TreeMap<>(perThreadKernel); }

    /** Throw if a CPU's charged cycles differ from its elapsed cycles. */
    public void check(int cpu, long elapsed) {
        if (perCpu[cpu] != elapsed) {
            throw new IllegalStateException("cycle accounting of cpu" + cpu + " is off: charged "
                    + perCpu[cpu] + " cycles, elapsed " + elapsed);
        }
    }

    public int cpus() { return perCpu.length; }
}
