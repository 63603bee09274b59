package dev.mkw.sim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.mkw.sim.CycleAccounting;
import dev.mkw.sim.Trace;

/**
 * Collects a run's measurements. The kernel creates one when a run starts, feeds it on the
 * hot path through cached counters ({@link #path}, {@link #thread}, {@link #hardware}) and
 * the recording methods ({@link #ipc}, {@link #irqDelivered}), and at the end hands over the
 * accounting, elapsed times, trace and errors, then calls {@link #build()}.
 *
 * <p>Not thread-safe: one simulation runs on one host thread.
 */
public final class RunReportBuilder {
    /** How many IPC samples a report keeps by default: enough to plot, bounded for long runs. */
    public static final int DEFAULT_IPC_SAMPLE_LIMIT = 1000;
    // Message sizes below this get an array slot, so the per-IPC path does no map lookup.
    private static final int DIRECT_SIZES = 64;

    String scenario;
    String preset = "";
    long seed;
    double clockMhz;
    String endReason = "";
    final SortedMap<String, String> settings = new TreeMap<>();
    long[] elapsed = new long[0];
    final List<IpcSample> ipcSamples = new ArrayList<>();
    final List<RunError> errors = new ArrayList<>();
    TraceSnapshot trace = TraceSnapshot.none();
    IpcFootprint ipcFootprint = IpcFootprint.NONE;

    private int ipcSampleLimit = DEFAULT_IPC_SAMPLE_LIMIT;
    private String[] cacheLevels = new String[0];
    private long queueOperations, queueCycles;
    /** Misses that happened while nothing the kernel attributes to was running (boot, idle). */
    private final Misses.Counter unattributed = new Misses.Counter();
    private CycleAccounting accounting;
    private final Map<String, KernelPathStats.Counter> paths = new TreeMap<>();
    private final Map<String, ThreadStats.Counter> threads = new TreeMap<>();
    private HardwareCounters.Counter[] hardware = new HardwareCounters.Counter[0];
    private final Histogram ipcAll = new Histogram();
    /** IPCs whose sender and receiver ran on different processors, and on the same one. */
    final Histogram ipcCrossCpu = new Histogram(), ipcLocal = new Histogram();
    final List<ProcessorStats> processors = new ArrayList<>();
    private final Histogram[] ipcDirect = new Histogram[DIRECT_SIZES];
    private final Map<Integer, Histogram> ipcLarge = new TreeMap<>();
    private final Map<Integer, long[]> irqCounts = new TreeMap<>();
    private final Map<Integer, Histogram> irqLatency = new TreeMap<>();

    RunReportBuilder(String scenario) {
        this.scenario = scenario == null ? "" : scenario;
    }

    /** Name the scenario (a kernel's statistics start before it knows which scenario it runs). */
    public RunReportBuilder scenario(String name) { this.scenario = name == null ? "" : name; return this; }
    public RunReportBuilder preset(String preset) { this.preset = preset == null ? "" : preset; return this; }
    public RunReportBuilder seed(long seed) { this.seed = seed; return this; }
    public RunReportBuilder clockMhz(double mhz) { this.clockMhz = mhz; return this; }
    public RunReportBuilder endReason(String reason) { this.endReason = reason == null ? "" : reason; return this; }
    public RunReportBuilder setting(String key, String value) { settings.put(key, value); return this; }
    public RunReportBuilder settings(Map<String, String> s) { settings.putAll(s); return this; }
    /** The IPC cache footprint the kernel measured. */
    public RunReportBuilder ipcFootprint(IpcFootprint f) { this.ipcFootprint = f == null ? IpcFootprint.NONE : f; return this; }
    public RunReportBuilder ipcSampleLimit(int limit) { this.ipcSampleLimit = Math.max(0, limit); return this; }

    /** Declare the CPU count; makes elapsed times and hardware counters for each. */
    public RunReportBuilder cpus(int n) {
        if (n < 0) throw new IllegalArgumentException("cpus " + n);
        elapsed = Arrays.copyOf(elapsed, n);
        HardwareCounters.Counter[] h = Arrays.copyOf(hardware, n);
        for (int i = 0; i < n; i++) if (h[i] == null) h[i] = new HardwareCounters.Counter(i);
        hardware = h;
        return this;
    }

    public RunReportBuilder elapsed(int cpu, long cycles) {
        if (cpu >= elapsed.length) cpus(cpu + 1);
        elapsed[cpu] = cycles;
        return this;
    }

    /**
     * Take the cycle accounts from {@code acc} at {@link #build()} time. Each thread's user
     * and kernel cycles are then taken from the accounting too (it is the single truth of
     * where cycles went), and a kernel path seen only there appears with count 0.
     */
    public RunReportBuilder accounting(CycleAccounting acc) {
        this.accounting = acc;
        if (acc.cpus() > elapsed.length) cpus(acc.cpus());
        return this;
    }

    /** The counter of a kernel path, made on first use. Keep it to avoid the lookup. */
    public KernelPathStats.Counter path(String name) {
        return paths.computeIfAbsent(name, KernelPathStats.Counter::new);
    }

    /** What the kernel paths cost so far, by name (paths that never ran are absent). */
    public SortedMap<String, KernelPathStats> pathsSoFar() {
        SortedMap<String, KernelPathStats> m = new TreeMap<>();
        paths.forEach((k, v) -> m.put(k, v.snapshot()));
        return m;
    }

    /** The latencies of the IRQs delivered so far on {@code line} (a copy; empty if none). */
    public Histogram irqLatencySoFar(int line) {
        Histogram h = irqLatency.get(line);
        return h == null ? new Histogram() : h.copy();
    }

    /** The latencies of the IPCs delivered so far, over all sizes (a copy). */
    public Histogram ipcLatencySoFar() {
        return ipcAll.copy();
    }

    /** Name the memory hierarchy's cache levels, in its order, for the miss attribution. */
    public RunReportBuilder cacheLevels(String... names) { this.cacheLevels = names.clone(); return this; }

    /** Ready-queue work: {@code cycles} more spent linking and unlinking TCBs (inside the paths that did it). */
    public RunReportBuilder queueCycles(long cycles) { queueCycles += cycles; return this; }

    /** The scheduler's ready-queue operations so far (a total, set). */
    public RunReportBuilder queueOperations(long total) { queueOperations = total; return this; }

    long queueOperations() { return queueOperations; }
    long queueCycles() { return queueCycles; }

    /** The tally of misses no kernel path or thread caused. */
    public Misses.Counter unattributedMisses() { return unattributed; }

    /** The counter of a thread ({@code task.thread}), made on first use. */
    public ThreadStats.Counter thread(String name) {
        return threads.computeIfAbsent(name, ThreadStats.Counter::new);
    }

    /** The hardware counters of a CPU. */
    public HardwareCounters.Counter hardware(int cpu) {
        if (cpu >= hardware.length) cpus(cpu + 1);
        return hardware[cpu];
    }

    /** One IPC of {@code words} words that took {@code latency} cycles from send to receipt. */
    public RunReportBuilder ipc(long sendCycle, String from, String to, int words, long latency) {
        return ipc(sendCycle, from, to, words, "", latency);
    }

    /** One IPC, with the kernel path that carried it: counted in the histograms and kept as a sample (up to the limit). */
    public RunReportBuilder ipc(long sendCycle, String from, String to, int words, String path, long latency) {
        ipcLatency(words, latency);
        return ipcSample(new IpcSample(sendCycle, from, to, words, path, latency));
    }

    /** One IPC, as {@link #ipc(long, String, String, int, String, long)}, between threads on different processors or not. */
    public RunReportBuilder ipc(long sendCycle, String from, String to, int words, String path, long latency, boolean crossCpu) {
        (crossCpu ? ipcCrossCpu : ipcLocal).record(latency);
        return ipc(sendCycle, from, to, words, path, latency);
    }

    /** What the multiprocessor mechanisms did on a processor (set once, when the report is assembled). */
    public RunReportBuilder processor(ProcessorStats p) {
        processors.removeIf(x -> x.cpu() == p.cpu());
        processors.add(p);
        processors.sort(java.util.Comparator.comparingInt(ProcessorStats::cpu));
        return this;
    }

    /** A sample of one IPC (kept up to the sample limit), without touching the histograms. */
    public RunReportBuilder ipcSample(IpcSample sample) {
        if (ipcSamples.size() < ipcSampleLimit) ipcSamples.add(sample);
        return this;
    }

    /** One IPC's latency in the histograms only (all IPCs are counted, samples are bounded). */
    public RunReportBuilder ipcLatency(int words, long latency) {
        if (words < 0) throw new IllegalArgumentException("message size " + words);
        ipcAll.record(latency);
        Histogram h;
        if (words < DIRECT_SIZES) {
            h = ipcDirect[words];
            if (h == null) h = ipcDirect[words] = new Histogram();
        } else {
            h = ipcLarge.computeIfAbsent(words, k -> new Histogram());
        }
        h.record(latency);
        return this;
    }

    public RunReportBuilder irqRaised(int line) {
        return irqRaised(line, 1);
    }

    /** A device raised {@code line} {@code times} times. */
    public RunReportBuilder irqRaised(int line, long times) {
        irqCounts.computeIfAbsent(line, k -> new long[2])[0] += times;
        return this;
    }

    /**
     * Line {@code line} was raised {@code total} times so far (the controller's count, which
     * includes raises while masked); sets, not adds, so a report can be rebuilt mid-run.
     */
    public RunReportBuilder irqRaisedTotal(int line, long total) {
        if (total > 0) irqCounts.computeIfAbsent(line, k -> new long[2])[0] = total;
        return this;
    }

    /** An IRQ delivered to its handler thread {@code latency} cycles after it was raised. */
    public RunReportBuilder irqDelivered(int line, long latency) {
        irqCounts.computeIfAbsent(line, k -> new long[2])[1]++;
        irqLatency.computeIfAbsent(line, k -> new Histogram()).record(latency);
        return this;
    }

    public RunReportBuilder error(RunError e) { errors.add(e); return this; }

    /** Forget the errors added so far (a report rebuilt from the same run adds them again). */
    public RunReportBuilder clearErrors() { errors.clear(); return this; }

    public RunReportBuilder trace(Trace t) { this.trace = TraceSnapshot.of(t); return this; }

    public RunReportBuilder trace(TraceSnapshot t) { this.trace = t; return this; }

    /** Freeze what was collected. The builder may go on collecting; later builds see more. */
    public RunReport build() {
        SortedMap<String, Account> accounts = new TreeMap<>();
        SortedMap<String, KernelPathStats> pathStats = new TreeMap<>();
        paths.forEach((k, v) -> pathStats.put(k, v.snapshot()));
        SortedMap<String, ThreadStats> threadStats = new TreeMap<>();
        threads.forEach((k, v) -> threadStats.put(k, v.snapshot()));
        if (accounting != null) fromAccounting(accounts, pathStats, threadStats);

        SortedMap<Integer, Histogram> bySize = new TreeMap<>();
        for (int i = 0; i < DIRECT_SIZES; i++) if (ipcDirect[i] != null) bySize.put(i, ipcDirect[i].copy());
        ipcLarge.forEach((k, v) -> bySize.put(k, v.copy()));

        SortedMap<Integer, IrqStats> irqs = new TreeMap<>();
        irqCounts.forEach((line, c) -> irqs.put(line,
                new IrqStats(line, c[0], c[1], irqLatency.getOrDefault(line, new Histogram()))));

        List<HardwareCounters> hw = new ArrayList<>();
        for (HardwareCounters.Counter c : hardware) hw.add(c.snapshot());
        SortedMap<String, Misses> misses = new TreeMap<>();
        paths.forEach((k, v) -> { if (!v.misses.isEmpty()) misses.put(CycleAccounting.KERNEL + k, v.misses.snapshot(cacheLevels)); });
        threads.forEach((k, v) -> {
            if (!v.userMisses.isEmpty()) misses.put(CycleAccounting.USER + k, v.userMisses.snapshot(cacheLevels));
            if (!v.kernelMisses.isEmpty()) misses.put(RunReport.KERNEL_FOR + k, v.kernelMisses.snapshot(cacheLevels));
        });
        if (!unattributed.isEmpty()) misses.put("other", unattributed.snapshot(cacheLevels));
        return new RunReport(this, accounts, pathStats, threadStats, ipcAll.copy(), bySize, irqs, hw, misses);
    }

    private void fromAccounting(SortedMap<String, Account> accounts, SortedMap<String, KernelPathStats> pathStats,
            SortedMap<String, ThreadStats> threadStats) {
        Map<String, Long> kernelByThread = accounting.kernelCyclesByThread();
        for (String name : accounting.totals().keySet()) {
            List<Long> perCpu = new ArrayList<>();
            for (int cpu = 0; cpu < accounting.cpus(); cpu++) perCpu.add(accounting.of(name, cpu));
            Account a = new Account(name, perCpu);
            accounts.put(name, a);
            if (a.isKernel()) {
                String path = name.substring(CycleAccounting.KERNEL.length());
                pathStats.putIfAbsent(path, new KernelPathStats(path, 0, a.total(), 0, 0));
            } else if (a.isUser()) {
                String t = name.substring(CycleAccounting.USER.length());
                threadStats.putIfAbsent(t, new ThreadStats(t, 0, 0, 0, 0, 0, 0));
            }
        }
        kernelByThread.keySet().forEach(t -> threadStats.putIfAbsent(t, new ThreadStats(t, 0, 0, 0, 0, 0, 0)));
        threadStats.replaceAll((name, t) -> {
            Account user = accounts.get(CycleAccounting.USER + name);
            return new ThreadStats(name, user == null ? 0 : user.total(), kernelByThread.getOrDefault(name, 0L),
                    t.ipcSent(), t.ipcReceived(), t.pageFaults(), t.switches(), t.kernelFetchStallCycles(), t.kernelInstructionCycles(),
                    t.kernelPrivilegedCycles(), t.kernelMemoryCycles(), t.kernelWalkCycles());
        });
    }
}
