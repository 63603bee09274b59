package dev.mkw.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.CostTable;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.kernel.abi.Abi;
import dev.mkw.kernel.abi.UserCode;
import dev.mkw.kernel.cap.Capabilities;
import dev.mkw.kernel.fault.ExceptionIpc;
import dev.mkw.kernel.fault.LazyFpu;
import dev.mkw.kernel.fault.PageFaultIpc;
import dev.mkw.kernel.ipc.IpcPath;
import dev.mkw.kernel.ipc.Notification;
import dev.mkw.kernel.irq.InterruptIpc;
import dev.mkw.kernel.memory.MapGrantUnmap;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.FrameAllocator;
import dev.mkw.kernel.memory.KernelMemory;
import dev.mkw.kernel.memory.MappingDb;
import dev.mkw.scenario.SourceRef;
import dev.mkw.kernel.sched.Scheduler;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.thread.TcbLookup;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.CycleAccounting;
import dev.mkw.sim.SimEngine;
import dev.mkw.sim.Trace;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.RunReportBuilder;

/**
 * The kernel's state and the services its paths share: charging cycles, switching threads,
 * the scheduler, the memory objects. The mechanisms are classes of their own, named as the
 * lectures name them: {@link SystemCalls} (the system-call boundary), {@link IpcPath},
 * {@link Notification}, {@link PageFaultIpc}, {@link ExceptionIpc}, {@link InterruptIpc}
 * ("IRQ as IPC"), {@link MapGrantUnmap}, {@link LazyFpu}, {@link ExchangeRegisters},
 * {@link Capabilities}, {@link IoPermissions}, {@link ThreadLifecycle}, {@link Boot}; sigma0
 * is a user-level thread ({@code dev.mkw.user.Sigma0}).
 *
 * <p>Several processors ({@link Processor}): the kernel's code runs on one of them at a time
 * in host order, the one whose event fires ({@link #activate}); what it does is charged to
 * that processor's clock, caches and TLB. "The current thread" is the active processor's.
 */
public final class Kernel {
    /** The boot processor: the one that boots the kernel and whose clock a one-CPU run has. */
    public static final int CPU = 0;

    private final SimMachine machine;
    private final KernelConfig config;
    private final SimEngine engine;
    private final CycleAccounting accounting;
    private final Trace trace;
    private final CostTable costs;
    /** The processors, and the one whose kernel code runs now (its event fired). */
    private final Processor[] processors;
    private Processor active;
    private final Scheduler scheduler;
    private final FrameAllocator frames;
    private final KernelMemory kernelMemory;
    private final MappingDb mappingDb;
    private final AddressSpace sigma0;
    private final TcbLookup tcbLookup;
    private final List<Tcb> threads = new ArrayList<>();
    private final Map<String, Tcb> byName = new LinkedHashMap<>();
    private final Map<String, AddressSpace> spaces = new LinkedHashMap<>();
    private final List<KernelError> errors = new ArrayList<>();
    /**
     * The run's measurements, fed as the kernel works: path counters, thread counters, IPC and
     * IRQ latencies. The report is built from this one place ({@code dev.mkw.run.ReportAssembler}).
     */
    private final RunReportBuilder statistics = RunReport.builder("");
    private final Abi abi;
    /** The kernel-entry variant on this machine (KernelConfig.entry). */
    private final KernelEntry entry;
    /** The distinct kernel code and data one short IPC touches. */
    private final IpcFootprint ipcFootprint;
    private final SystemCalls syscalls;
    private final UserMode userMode;
    private final IpcPath ipc;
    private final Notification notification;
    private final PageFaultIpc pageFaults;
    private final ExceptionIpc exceptions;
    private final InterruptIpc interrupts;
    private final MapGrantUnmap mapping;
    private final LazyFpu fpu;
    private final IoPermissions io;
    private final Capabilities caps;
    private final ExchangeRegisters exregs;
    private final ThreadLifecycle lifecycle;
    /** The timer line the kernel programs for preemption: the machine's timer's. */
    private final int timerLine;
    /** Address spaces of privileged tasks (the scenario's root task): ExchangeRegisters may reach any thread from them. */
    private final java.util.Set<AddressSpace> privilegedSpaces = new java.util.HashSet<>();
    /** Capability spaces per task (naming variant CAPABILITIES). */
    private final Map<AddressSpace, dev.mkw.kernel.cap.CapSpace> capSpaces = new LinkedHashMap<>();
    /** TCBs by thread number (the slot a thread ID's number selects; the version is checked by the lookup). */
    private final TcbSlots byNumber = new TcbSlots();
    /** sigma0's thread: the root pager, a user-level thread in the idempotent address space {@link #sigma0}. */
    private Tcb sigma0Thread;
    /** Debug symbols for the trace: protocol names of message labels (the kernel itself only sees labels). */
    private Map<Long, String> labelNames = Map.of();
    private boolean finished;

    public Kernel(SimMachine machine, KernelConfig config, SimEngine engine, Trace trace) {
        this.machine = machine;
        this.timerLine = machine.timerLine();
        this.config = config;
        this.engine = engine;
        this.trace = trace;
        this.accounting = new CycleAccounting(machine.cpuCount());
        this.charging = new PathCharging(this, accounting);
        this.processors = new Processor[machine.cpuCount()];
        for (int i = 0; i < processors.length; i++) processors[i] = new Processor(i, machine.mem(i));
        this.active = processors[CPU];
        MemoryHierarchy mem = active.mem();
        statistics.cacheLevels(MissAttribution.levels(mem));
        this.entry = KernelEntry.select(this, machine.description(), config);
        this.costs = entry.costs(machine.costs());
        if (processors.length > 1 && machine.costs().cost(CostKind.IPI) == 0) {
            throw new IllegalArgumentException("machine " + machine.name() + " describes no inter-processor interrupts (its IPI cost is 0), so it cannot run "
                    + processors.length + " CPUs: use cpus 1, or a preset of a multiprocessor (cortex_a9, cortex_a53, x86_64_pcid, pentium_100)");
        }
        if (processors.length > KernelLayout.MAX_PROCESSORS) {
            throw new IllegalArgumentException("machine " + machine.name() + " has " + processors.length + " CPUs; the kernel's per-processor area holds " + KernelLayout.MAX_PROCESSORS);
        }
        this.scheduler = new Scheduler(config.scheduling(), processors.length, dev.mkw.kernel.sched.SchedulerPolicies.get().forId(config.schedulerPolicy()),
                () -> threads, this::now, message -> error(null, null, message, false));
        this.frames = new FrameAllocator(machine.memory(), 0x10_0000);
        this.kernelMemory = new KernelMemory(machine.memory(), machine.mmu().format(), frames);
        this.mappingDb = new MappingDb(frames);
        this.sigma0 = new AddressSpace("sigma0", 1, machine.memory(), machine.mmu().format(), frames);
        kernelMemory.attach(sigma0);
        this.tcbLookup = new TcbLookup(dev.mkw.kernel.tcb.TcbLookupVariants.get().forId(config.tcbLookup()),
                KernelLayout.tcbArea(kernelMemory.base), KernelLayout.tcbTable(kernelMemory.base));
        this.abi = Abi.of(machine.description().isa(), config.path());
        this.image = new KernelImage(KernelLayout.kernelText(kernelMemory.base), abi, entry.countedInstructions(), config.pathLengthScale(),
                machine.description().pipeline() == null ? null : new dev.mkw.hw.sim.IssueModel(machine.description().pipeline(), costs),
                entry.dataHitCycles());
        this.ipcFootprint = IpcFootprint.of(machine.description(), mem);
        this.syscalls = new SystemCalls(this);
        this.userMode = new UserMode(this);
        this.ipc = new IpcPath(this);
        this.notification = new Notification(this);
        this.pageFaults = new PageFaultIpc(this);
        this.exceptions = new ExceptionIpc(this);
        this.interrupts = new InterruptIpc(this);
        this.mapping = new MapGrantUnmap(this);
        this.fpu = new LazyFpu(this);
        this.io = new IoPermissions();
        this.caps = new Capabilities(this);
        this.exregs = new ExchangeRegisters(this);
        this.lifecycle = new ThreadLifecycle(this);
        this.ipis = new dev.mkw.kernel.smp.Ipi(this);
        this.shootdown = new dev.mkw.kernel.smp.TlbShootdown(this);
        this.migration = new dev.mkw.kernel.smp.Migration(this);
        this.ipcSamples = new IpcSamples(this);
        this.threadSwitch = new ThreadSwitch(this, ipcSamples);
        this.lock = processors.length > 1 ? new dev.mkw.kernel.smp.KernelLock(this, config.smpLock()) : null;
        scheduler.setRemoteQueues(new Scheduler.RemoteQueues() {
            @Override public void enqueuing(Tcb t) {
                if (t.cpu != active.index() && lock != null) lock.acquireRemote(processors[t.cpu], currentPath());
            }
            @Override public void readied(Tcb t) {
                if (t.cpu != active.index()) ipis.remoteWakeup(processors[t.cpu], t, currentPath());
            }
        });
    }

    private final dev.mkw.kernel.smp.Ipi ipis;
    /** Opens and charges kernel paths, user steps and idle: every cycle in one account. */
    private final PathCharging charging;
    private final IpcSamples ipcSamples;
    private final ThreadSwitch threadSwitch;
    private final dev.mkw.kernel.smp.TlbShootdown shootdown;
    private final dev.mkw.kernel.smp.Migration migration;

    /** IPC's direct switch to {@code next}, if it is homed here (see {@link ThreadSwitch#directSwitch}). */
    public boolean directSwitch(Tcb from, Tcb next, KernelPath p) { return threadSwitch.directSwitch(from, next, p); }

    /**
     * Create sigma0, the tasks, threads and attachments from the scenario (see {@link Boot});
     * {@code userCode} gives each thread's user-level code, {@code sigma0} sigma0's.
     */
    public void bootFrom(dev.mkw.scenario.Scenario s, java.util.function.Function<dev.mkw.scenario.ThreadSpec, UserCode> userCode, UserCode sigma0) {
        Boot.boot(this, s, userCode, sigma0);
        for (Processor c : processors) c.misses.resync(); // boot reset the hardware counters
    }

    /** Register a created thread (boot). */
    void add(Tcb t) {
        threads.add(t);
        byName.put(t.name, t);
        byNumber.put(dev.mkw.kernel.tcb.ThreadId.number(t.id), t);
    }

    /** The TCB in the slot a thread ID's number selects, or null (the caller's lookup checks the version). */
    public Tcb slotOf(long id) {
        if (id <= 0 || id > 0xFFFF_FFFFL) return null;
        return byNumber.get(dev.mkw.kernel.tcb.ThreadId.number((int) id));
    }

    /** Debug symbols: label → protocol name, for the trace's message descriptions. */
    public void setLabelNames(Map<Long, String> names) {
        labelNames = Map.copyOf(names);
    }

    public String describeLabel(long label) {
        String n = labelNames.get(label);
        return n != null ? n : "label " + label;
    }

    /** Run the current thread's user code for one step (the CPU loop's user mode). */
    void runUser(Tcb t, long budget) {
        try {
            if (!t.user.step(userMode.enter(t), budget) && t.state != ThreadState.DEAD) lifecycle.exit(t);
        } catch (FrameAllocator.OutOfMemory e) {
            // sigma0 (or a mapping it asked for) found no free frame: the scenario's memory is used up.
            error(t, null, "out of simulated memory: " + e.getMessage() + " (a machine with more memory: machine preset P { memory.sizeMiB N })", true);
        }
    }

    public long now() {
        return engine.cpuClock(active.index());
    }

    /**
     * From now on the kernel's code runs on {@code c}: called by every event handler that
     * enters the kernel on a processor (its CPU loop step, a timeout of one of its threads, an
     * IPI to it), as the hardware's "which CPU am I" register selects the per-CPU data.
     */
    public void activate(Processor c) {
        active = c;
    }

    /** The processor the kernel's code runs on now. */
    public Processor processor() { return active; }

    /** Processor {@code i}. */
    public Processor processor(int i) { return processors[i]; }

    /** How many processors the machine has. */
    public int processorCount() { return processors.length; }

    /** The processors, by number (unmodifiable). */
    public List<Processor> processors() { return List.of(processors); }

    /** The processor {@code t} runs on (its home: where it is queued and runs). */
    public Processor processorOf(Tcb t) { return processors[t.cpu]; }

    /** Start a kernel path on behalf of the running thread (see {@link PathCharging}). */
    public KernelPath path(String name) { return charging.open(name); }

    /**
     * Cycles a system call spent decoding its arguments (a capability lookup) before the
     * kernel knew which path it takes: the path it then takes carries them.
     */
    public void decodeAccess(long vaddr, int kind) {
        long c = active.mem().access(vaddr, kind, false);
        if (c != dev.mkw.hw.sim.MemoryHierarchy.PAGE_FAULT) active.decodeCycles += c;
    }

    /**
     * The kernel lock of a multiprocessor kernel (null on one processor, which needs none):
     * every outermost path takes it (see {@link dev.mkw.kernel.smp.KernelLock}).
     */
    private dev.mkw.kernel.smp.KernelLock lock;

    /**
     * Between two steps of the CPU every kernel path has been charged: a path begun and never
     * charged would lose the cycles of the work done inside it.
     */
    void checkAllPathsCharged() {
        if (!active.openPaths.isEmpty()) throw new IllegalStateException("kernel path " + active.openPaths.peekLast().name() + " was never charged");
    }

    /** The innermost kernel path in progress, or null (boot). */
    public KernelPath currentPath() {
        return active.openPaths.peekLast();
    }

    /** Charge a finished path: advance the CPU clock, account the cycles, record statistics. */
    public void charge(KernelPath p, Tcb onBehalf) { charging.charge(p, onBehalf); }

    /** {@code cycles} of {@code t}'s user code ran on the active processor. */
    public void chargeUser(Tcb t, long cycles) { charging.chargeUser(t, cycles); }

    /** Account as idle the cycles the active processor's clock moved while nothing ran (see {@link PathCharging#accountIdleGap}). */
    public void accountIdleGap() { charging.accountIdleGap(); }

    /** {@code cycles} of idling on the active processor. */
    public void chargeIdle(long cycles) { charging.chargeIdle(cycles); }

    /** An IPC of {@code words} words from {@code s} reached {@code d}; the delivering path cost {@code cycles}. */
    public void ipcDelivered(Tcb s, Tcb d, int words, long cycles) { ipcSamples.delivered(s, d, words, charging.lastPathName(), cycles); }

    public void record(TraceKind kind, Tcb t, String partner, String path, long value, String detail) {
        if (trace.isRecording()) trace.record(new TraceEvent(now(), active.index(), kind, t == null ? "" : t.name, partner, path, value, detail));
    }

    /** Switch the active processor to {@code next} inside path {@code p} (see {@link ThreadSwitch}). */
    public void switchTo(Tcb next, KernelPath p) { threadSwitch.switchTo(next, p); }

    /** LRPC: the running thread continues in {@code next}'s protection domain (see {@link ThreadSwitch#migrateTo}). */
    public void migrateTo(Tcb next, KernelPath p) { threadSwitch.migrateTo(next, p); }

    /** Boot: the small spaces are placed once the tasks exist. */
    void placeSmallSpaces(dev.mkw.scenario.Scenario s) { threadSwitch.placeSmallSpaces(s); }

    /**
     * Virtual TCB array: a TCB page is faulted in on first touch, inside the path that
     * touched it. The other lookup variants map TCBs at creation, so only the TCB area
     * may fault; anything else is a kernel bug.
     */
    long kernelFault(long vaddr, long walkCycles) {
        long area = KernelLayout.tcbArea(kernelMemory.base);
        if (vaddr < area || vaddr >= area + (1L << 18) * Tcb.SIZE) {
            throw new IllegalStateException(String.format("kernel fault at 0x%x outside the TCB area", vaddr));
        }
        tcbFaults++;
        return walkCycles + costs.cost(CostKind.INTERRUPT_ENTRY) + PathLengths.PAGEFAULT * costs.cost(CostKind.INSTRUCTION)
                + kernelMemory.mapFresh(vaddr & -(long) machine.memory().frameSize(), active.mem()) + costs.cost(CostKind.KERNEL_EXIT);
    }

    /** The kernel's code in kernel text (fetched by the paths once boot has loaded it). */
    private final KernelImage image;
    private boolean imageLoaded;

    /** Boot: map the kernel text; from now on paths fetch their code. */
    void loadImage() {
        image.load(kernelMemory, active.mem(), machine.memory().frameSize());
        imageLoaded = true;
    }

    /** TCB pages faulted in (virtual-array lookup). */
    private long tcbFaults;

    /** The kernel image paths fetch their code from, once boot has loaded it; null before. */
    KernelImage loadedImage() { return imageLoaded ? image : null; }

    /** Pick the next thread with the scheduler and switch to it (path "schedule"); null when nothing is ready. */
    public Tcb dispatch(Tcb onBehalf) { return threadSwitch.dispatch(onBehalf); }

    /** Block the running thread; the caller dispatches afterwards. */
    public void block(Tcb t, ThreadState s) {
        t.state = s;
        scheduler.block(t);
    }

    /**
     * Report an error of thread {@code t} at the current cycle; {@code at} null: where the
     * thread's user code is (its debug information). Fatal errors end the run.
     */
    public void error(Tcb t, SourceRef at, String message, boolean fatal) {
        error(fatal ? KernelError.Kind.PROGRAM : KernelError.Kind.IPC_ERROR, t, at, message, fatal);
    }

    /** Report an error of a given kind (see {@link #error(Tcb, SourceRef, String, boolean)}). */
    public void error(KernelError.Kind kind, Tcb t, SourceRef at, String message, boolean fatal) {
        if (at == null && t != null) at = t.user.location();
        errors.add(new KernelError(kind, t == null ? "" : t.name, now(), at, message, fatal));
        record(TraceKind.USER_ERROR, t, "", "", 0, message);
        if (fatal) {
            finished = true;
            engine.stop();
        }
    }

    public Tcb thread(String qualifiedName) {
        return byName.get(qualifiedName);
    }

    /** The active processor leaves the kernel (its step or event ends): it drops the kernel locks it holds. */
    public void leaveKernel() {
        if (lock != null) lock.release(active, now());
    }

    /** Make idle processors look for work again (a device raised an interrupt). */
    public void wakeCpu() {
        for (Processor c : processors) c.wake();
    }

    /** Lines of devices that will raise interrupts later; set by the simulation. */
    private final java.util.Set<Integer> deviceLines = new java.util.TreeSet<>();

    /** A device will raise {@code line} (set up by the simulation before the run). */
    public void deviceOn(int line) {
        deviceLines.add(line);
    }

    /** Whether a device interrupt could still wake a blocked thread (its line has a handler). */
    public boolean devicesCanWake() {
        for (int line : deviceLines) if (interrupts.handler(line) != null) return true;
        return false;
    }

    /** Whether a processor runs something or has work coming (its loop is not idle). */
    public boolean anyProcessorBusy() {
        for (Processor c : processors) if (!c.idle || c.awaitsArrival()) return true;
        return false;
    }

    /**
     * The local timers of the processors other than the boot processor tick with the machine's
     * timer (one period for all, as the kernel programs them alike): a processor takes its tick
     * when it runs a thread or has timeouts armed; an idle one without timeouts sleeps through
     * it (tickless idle, as Fiasco and Linux do).
     */
    public void localTimersTick() {
        for (int i = 1; i < processors.length; i++) {
            Processor c = processors[i];
            if (c.idle && ipc.wakeupsOf(i).size() == 0) continue;
            c.tickPending = true;
            c.wake();
        }
    }

    /** Whether every thread of the scenario has ended (sigma0, a server of the system, does not count). */
    public boolean allDead() {
        for (Tcb t : threads) if (t != sigma0Thread && t.state != ThreadState.DEAD) return false;
        return true;
    }

    // ---- The kernel's parts, for its mechanisms (packages dev.mkw.kernel.*, x-internal). Views,
    // ---- reports and plugins read state through dev.mkw.kernel.inspect.Inspector instead.

    public SimMachine machine() { return machine; }
    public KernelConfig config() { return config; }
    public SimEngine engine() { return engine; }
    public CycleAccounting accounting() { return accounting; }
    public Trace trace() { return trace; }
    /** The memory hierarchy of the processor the kernel runs on. */
    public MemoryHierarchy mem() { return active.mem(); }
    public CostTable costs() { return costs; }
    public Scheduler scheduler() { return scheduler; }
    public FrameAllocator frames() { return frames; }
    public KernelMemory kernelMemory() { return kernelMemory; }
    public MappingDb mappingDb() { return mappingDb; }
    /** sigma0's address space: idempotent, every frame at its physical address. */
    public AddressSpace sigma0() { return sigma0; }
    public TcbLookup tcbLookup() { return tcbLookup; }
    public Abi abi() { return abi; }
    /** The kernel-entry mechanism in use. */
    public KernelEntry entry() { return entry; }
    /** The IPC cache footprint being measured. */
    public IpcFootprint ipcFootprint() { return ipcFootprint; }
    public KernelImage image() { return image; }
    public SystemCalls syscalls() { return syscalls; }
    public UserMode userMode() { return userMode; }
    public IpcPath ipc() { return ipc; }
    public Notification notification() { return notification; }
    public PageFaultIpc pageFaults() { return pageFaults; }
    public ExceptionIpc exceptions() { return exceptions; }
    public InterruptIpc interrupts() { return interrupts; }
    public MapGrantUnmap mapping() { return mapping; }
    public LazyFpu fpu() { return fpu; }
    public IoPermissions io() { return io; }
    public Capabilities caps() { return caps; }
    public ExchangeRegisters exregs() { return exregs; }
    public ThreadLifecycle lifecycle() { return lifecycle; }
    /** Inter-processor interrupts. */
    public dev.mkw.kernel.smp.Ipi ipis() { return ipis; }
    /** TLB shootdowns. */
    public dev.mkw.kernel.smp.TlbShootdown shootdown() { return shootdown; }
    /** Moving threads between processors. */
    public dev.mkw.kernel.smp.Migration migration() { return migration; }
    /** The kernel lock (null on one processor). */
    public dev.mkw.kernel.smp.KernelLock lock() { return lock; }
    public int timerLine() { return timerLine; }
    /** sigma0's thread (null before boot). */
    public Tcb sigma0Thread() { return sigma0Thread; }
    void setSigma0Thread(Tcb t) { sigma0Thread = t; }
    /** The thread running on the active processor, or null. */
    public Tcb current() { return active.current(); }
    /** The thread {@code t} ended: it no longer runs on any processor. */
    public void leftCpu(Tcb t) {
        for (Processor c : processors) if (c.current() == t) c.setCurrent(null);
    }
    /** The address space whose page table the active processor's MMU uses. */
    public AddressSpace loadedSpace() { return active.loadedSpace(); }
    void setLoadedSpace(AddressSpace s) { active.setLoadedSpace(s); }
    /** Whether the run has ended (every thread done, or a fatal error). */
    public boolean finished() { return finished; }
    void finish() { finished = true; }
    /** Every thread, in creation order (unmodifiable). */
    public List<Tcb> threads() { return java.util.Collections.unmodifiableList(threads); }
    /** The address space of task {@code name}, or null. */
    public AddressSpace space(String name) { return spaces.get(name); }
    /** The tasks' address spaces, in declaration order (unmodifiable). */
    public java.util.Collection<AddressSpace> spaces() { return java.util.Collections.unmodifiableCollection(spaces.values()); }
    void addSpace(String name, AddressSpace s, boolean privileged) {
        spaces.put(name, s);
        if (privileged) privilegedSpaces.add(s);
    }
    /** Whether {@code s} belongs to a privileged task (the root task, L4 X.2's "privileged threads"). */
    public boolean isPrivileged(AddressSpace s) { return privilegedSpaces.contains(s); }
    /** The capability space of address space {@code s} (naming variant CAPABILITIES), or null. */
    public dev.mkw.kernel.cap.CapSpace capSpace(AddressSpace s) { return capSpaces.get(s); }
    /** Every task's capability space, by address space (unmodifiable). */
    public Map<AddressSpace, dev.mkw.kernel.cap.CapSpace> capSpaces() { return java.util.Collections.unmodifiableMap(capSpaces); }
    void addCapSpace(AddressSpace s, dev.mkw.kernel.cap.CapSpace c) { capSpaces.put(s, c); }
    /** The errors so far, in order (unmodifiable). */
    public List<KernelError> errors() { return java.util.Collections.unmodifiableList(errors); }
    /** The run's measurements, fed by the kernel as it works. */
    public RunReportBuilder statistics() { return statistics; }
    /** TCB pages faulted in so far (virtual-array lookup). */
    public long tcbFaults() { return tcbFaults; }
}
