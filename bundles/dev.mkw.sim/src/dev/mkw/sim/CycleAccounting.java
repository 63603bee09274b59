package dev.mkw.sim;

import java.util.HashMap;
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

    // Hash maps on the charging path; every view handed out is sorted, so output never depends on hash order.
    private final Map<String, Account> perAccount = new HashMap<>();
    private final Map<String, long[]> perThreadKernel = new HashMap<>();
    private final long[] perCpu;

    public CycleAccounting(int cpus) {
        this.perCpu = new long[cpus];
    }

    /**
     * A resolved account. A simulator charges millions of times per second: it resolves
     * each account once and charges through the handle, without building names or looking
     * them up again.
     */
    public static final class Account {
        private final String name;
        private final long[] perCpu;

        private Account(String name, int cpus) {
            this.name = name;
            this.perCpu = new long[cpus];
        }

        public String name() { return name; }
    }

    /** The account of a name ({@code user:t}, {@code kernel:p}, {@link #IDLE}), created on first use. */
    public Account account(String name) {
        return perAccount.computeIfAbsent(name, n -> new Account(n, perCpu.length));
    }

    public Account userAccount(String thread) { return account(USER + thread); }

    public Account kernelAccount(String path) { return account(KERNEL + path); }

    /** Charge {@code cycles} of {@code cpu} to a resolved account. */
    public void charge(int cpu, Account account, long cycles) {
        if (cycles < 0) throw new IllegalArgumentException("negative charge " + cycles + " to " + account.name);
        if (cycles == 0) return;
        account.perCpu[cpu] += cycles;
        perCpu[cpu] += cycles;
    }

    /** The counter of kernel cycles spent for {@code thread}: element 0, added to by its holder. */
    public long[] threadKernelCounter(String thread) {
        return perThreadKernel.computeIfAbsent(thread, t -> new long[1]);
    }

    public void chargeUser(int cpu, String thread, long cycles) { charge(cpu, userAccount(thread), cycles); }

    /** Charge a kernel path, done on behalf of {@code thread} (may be null for none). */
    public void chargeKernel(int cpu, String path, String thread, long cycles) {
        charge(cpu, kernelAccount(path), cycles);
        if (thread != null && cycles > 0) threadKernelCounter(thread)[0] += cycles;
    }

    public void chargeIdle(int cpu, long cycles) { charge(cpu, account(IDLE), cycles); }

    /** Total cycles charged to a CPU. */
    public long total(int cpu) { return perCpu[cpu]; }

    /** Every account with its total over all CPUs, sorted by name. */
    public Map<String, Long> totals() {
        Map<String, Long> m = new TreeMap<>();
        perAccount.forEach((k, v) -> {
            long s = 0;
            for (long x : v.perCpu) s += x;
            if (s > 0) m.put(k, s);
        });
        return m;
    }

    /** An account's cycles on one CPU. */
    public long of(String account, int cpu) {
        Account v = perAccount.get(account);
        return v == null ? 0 : v.perCpu[cpu];
    }

    /** Kernel cycles spent on behalf of each thread. */
    public Map<String, Long> kernelCyclesByThread() {
        Map<String, Long> m = new TreeMap<>();
        perThreadKernel.forEach((k, v) -> m.put(k, v[0]));
        return m;
    }

    /** Throw if a CPU's charged cycles differ from its elapsed cycles. */
    public void check(int cpu, long elapsed) {
        if (perCpu[cpu] != elapsed) {
            throw new IllegalStateException("cycle accounting of cpu" + cpu + " is off: charged "
                    + perCpu[cpu] + " cycles, elapsed " + elapsed);
        }
    }

    public int cpus() { return perCpu.length; }
}
