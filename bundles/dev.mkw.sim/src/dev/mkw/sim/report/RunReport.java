package dev.mkw.sim.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a finished run measured, immutable and in a fixed order (sorted maps, lists
 * in CPU or time order), so two runs with the same inputs give equal reports and the
 * exporters write the same bytes. The kernel fills a {@link RunReportBuilder} during and at
 * the end of a run ({@link #builder(String)}); exporters and analyses read the result.
 */
public final class RunReport {
    private final String scenario;
    private final String preset;
    private final long seed;
    private final double clockMhz;
    private final String endReason;
    private final SortedMap<String, String> settings;
    private final List<Long> elapsedCycles;
    private final SortedMap<String, Account> accounts;
    private final SortedMap<String, KernelPathStats> kernelPaths;
    private final SortedMap<String, ThreadStats> threads;
    private final Histogram ipcLatency;
    private final SortedMap<Integer, Histogram> ipcLatencyBySize;
    private final List<IpcSample> ipcSamples;
    private final SortedMap<Integer, IrqStats> irqs;
    private final List<HardwareCounters> hardware;
    private final List<RunError> errors;
    private final TraceSnapshot trace;
    private final SortedMap<String, Misses> misses;
    private final long queueOperations, queueCycles;

    /** The key prefix of the misses the kernel caused on a thread's behalf ({@code kernel-for:a.t}). */
    public static final String KERNEL_FOR = "kernel-for:";
    private final IpcFootprint ipcFootprint;

    RunReport(RunReportBuilder b, SortedMap<String, Account> accounts, SortedMap<String, KernelPathStats> paths,
            SortedMap<String, ThreadStats> threads, Histogram ipc, SortedMap<Integer, Histogram> ipcBySize,
            SortedMap<Integer, IrqStats> irqs, List<HardwareCounters> hardware, SortedMap<String, Misses> misses) {
        this.misses = Collections.unmodifiableSortedMap(misses);
        this.queueOperations = b.queueOperations();
        this.queueCycles = b.queueCycles();
        this.scenario = b.scenario;
        this.preset = b.preset;
        this.seed = b.seed;
        this.clockMhz = b.clockMhz;
        this.endReason = b.endReason;
        this.settings = Collections.unmodifiableSortedMap(new TreeMap<>(b.settings));
        this.elapsedCycles = List.of(boxed(b.elapsed));
        this.accounts = Collections.unmodifiableSortedMap(accounts);
        this.kernelPaths = Collections.unmodifiableSortedMap(paths);
        this.threads = Collections.unmodifiableSortedMap(threads);
        this.ipcLatency = ipc;
        this.ipcLatencyBySize = Collections.unmodifiableSortedMap(ipcBySize);
        this.ipcSamples = List.copyOf(b.ipcSamples);
        this.irqs = Collections.unmodifiableSortedMap(irqs);
        this.hardware = List.copyOf(hardware);
        this.errors = List.copyOf(b.errors);
        this.trace = b.trace;
        this.ipcFootprint = b.ipcFootprint;
        this.processors = List.copyOf(b.processors);
        this.ipcCrossCpu = b.ipcCrossCpu.copy();
        this.ipcLocal = b.ipcLocal.copy();
    }

    private final List<ProcessorStats> processors;
    private final Histogram ipcCrossCpu, ipcLocal;

    /** What the multiprocessor mechanisms did, per processor (empty on one CPU). */
    public List<ProcessorStats> processors() { return processors; }

    /** Latency of the IPCs between threads on different processors (empty on one CPU). */
    public Histogram ipcLatencyCrossCpu() { return ipcCrossCpu.copy(); }

    /** Latency of the IPCs between threads on the same processor (as {@link #ipcLatency()} on one CPU). */
    public Histogram ipcLatencyLocal() { return ipcLocal.copy(); }

    private static Long[] boxed(long[] a) {
        Long[] r = new Long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i];
        return r;
    }

    /** Start a report of a run of {@code scenario}. */
    public static RunReportBuilder builder(String scenario) { return new RunReportBuilder(scenario); }

    public String scenario() { return scenario; }
    /** The machine preset's id, or "" when the scenario defines its machine inline. */
    public String preset() { return preset; }
    public long seed() { return seed; }
    /** The simulated CPU clock in MHz: cycles / clockMhz = simulated microseconds. */
    public double clockMhz() { return clockMhz; }
    /** Why the run ended (all threads ended, cycle limit, deadlock, ...), a short word. */
    public String endReason() { return endReason; }
    /** The variant settings in effect, sorted by key. */
    public SortedMap<String, String> settings() { return settings; }
    public int cpus() { return elapsedCycles.size(); }
    /** Elapsed cycles per CPU. */
    public List<Long> elapsedCycles() { return elapsedCycles; }

    /** The run's length: the furthest any CPU's clock got. */
    public long cycles() {
        long m = 0;
        for (long c : elapsedCycles) m = Math.max(m, c);
        return m;
    }

    /** The run's length in simulated microseconds. */
    public double simulatedMicros() { return clockMhz <= 0 ? 0 : cycles() / clockMhz; }

    /** Every cycle account, sorted by name (user:..., kernel:..., idle). */
    public SortedMap<String, Account> accounts() { return accounts; }
    public SortedMap<String, KernelPathStats> kernelPaths() { return kernelPaths; }
    public SortedMap<String, ThreadStats> threads() { return threads; }
    /** Latency of every IPC, all sizes. A copy. */
    public Histogram ipcLatency() { return ipcLatency.copy(); }
    /** IPC latency per message size in words. Copies. */
    public SortedMap<Integer, Histogram> ipcLatencyBySize() {
        SortedMap<Integer, Histogram> m = new TreeMap<>();
        ipcLatencyBySize.forEach((k, v) -> m.put(k, v.copy()));
        return m;
    }
    /** The first IPCs of the run, as many as the builder's sample limit. */
    public List<IpcSample> ipcSamples() { return ipcSamples; }
    public SortedMap<Integer, IrqStats> irqs() { return irqs; }
    /** The distinct kernel code and data one short IPC touched ({@link IpcFootprint#NONE} if none was measured). */
    public IpcFootprint ipcFootprint() { return ipcFootprint; }
    /** Hardware counters, one entry per CPU in CPU order. */
    public List<HardwareCounters> hardware() { return hardware; }
    public List<RunError> errors() { return errors; }
    public boolean failed() { return !errors.isEmpty(); }
    public TraceSnapshot trace() { return trace; }

    /**
     * The TLB and cache misses by who caused them: {@code kernel:PATH} (a kernel path),
     * {@code user:THREAD} (a thread's own code), {@code kernel-for:THREAD} (every kernel path
     * on that thread's behalf), and {@code other} (boot, idle). The kernel paths' entries add
     * up to the hardware counters together with the {@code user:} and {@code other} ones.
     */
    public SortedMap<String, Misses> misses() { return misses; }

    /** Ready-queue operations (link, unlink) the scheduler did: the work eager, lazy and Benno scheduling differ in. */
    public long queueOperations() { return queueOperations; }

    /** Cycles of those operations (part of the kernel paths that did them). */
    public long queueCycles() { return queueCycles; }

    // ---- totals the reports print; derived, so they cannot disagree with the parts ----

    /** Cycles per account over all CPUs, sorted by account name. */
    public SortedMap<String, Long> accountTotals() {
        SortedMap<String, Long> m = new TreeMap<>();
        accounts.forEach((k, v) -> m.put(k, v.total()));
        return m;
    }

    /** Total cycles of all accounts of one kind on one CPU, or over all CPUs with cpu = -1. */
    public long cyclesOf(AccountKind kind, int cpu) {
        long s = 0;
        for (Account a : accounts.values()) {
            if (kind.matches(a)) s += cpu < 0 ? a.total() : (cpu < a.perCpu().size() ? a.perCpu().get(cpu) : 0);
        }
        return s;
    }

    public long ipcCount() { return ipcLatency.count(); }

    public long pageFaults() {
        long s = 0;
        for (ThreadStats t : threads.values()) s += t.pageFaults();
        return s;
    }

    public long tlbHits() { long s = 0; for (HardwareCounters h : hardware) s += h.tlbHits(); return s; }
    public long tlbMisses() { long s = 0; for (HardwareCounters h : hardware) s += h.tlbMisses(); return s; }
    public long tlbFlushes() { long s = 0; for (HardwareCounters h : hardware) s += h.tlbFlushes(); return s; }
    public long memoryAccesses() { long s = 0; for (HardwareCounters h : hardware) s += h.memoryAccesses(); return s; }

    /** Cache hits and misses per level summed over CPUs, sorted by level. */
    public SortedMap<String, CacheLevelCounters> cacheTotals() {
        SortedMap<String, CacheLevelCounters> m = new TreeMap<>();
        for (HardwareCounters h : hardware) {
            for (Map.Entry<String, CacheLevelCounters> e : h.caches().entrySet()) {
                m.merge(e.getKey(), e.getValue(), CacheLevelCounters::plus);
            }
        }
        return m;
    }

    public long irqsRaised() { long s = 0; for (IrqStats i : irqs.values()) s += i.raised(); return s; }
    public long irqsDelivered() { long s = 0; for (IrqStats i : irqs.values()) s += i.delivered(); return s; }

    /** Delivery latency of all IRQ lines together. */
    public Histogram irqLatency() {
        Histogram h = new Histogram();
        for (IrqStats i : irqs.values()) h.add(i.latency());
        return h;
    }

    /** The kernel paths with their total cycles, as {@code --report json} prints them. */
    public SortedMap<String, Long> kernelPathCycles() {
        SortedMap<String, Long> m = new TreeMap<>();
        kernelPaths.forEach((k, v) -> m.put(k, v.total()));
        return m;
    }

    /** The error messages, one line each (for a sweep's error column or a log). */
    public List<String> errorLines() {
        List<String> l = new ArrayList<>();
        for (RunError e : errors) l.add(e.toString());
        return l;
    }

    /** Which accounts {@link #cyclesOf} sums. */
    public enum AccountKind {
        USER, KERNEL, IDLE;

        boolean matches(Account a) {
            return switch (this) {
                case USER -> a.isUser();
                case KERNEL -> a.isKernel();
                case IDLE -> a.isIdle();
            };
        }
    }
}
