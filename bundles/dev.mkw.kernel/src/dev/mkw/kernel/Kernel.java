package dev.mkw.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.SourceRef;
import dev.mkw.kernel.sched.Scheduler;
import dev.mkw.kernel.tcb.Tcb;
import dev.mkw.kernel.tcb.TcbLookup;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.CycleAccounting;
import dev.mkw.sim.SimEngine;
import dev.mkw.sim.Trace;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;

/**
 * The kernel's state and the services its paths share: charging cycles, switching threads,
 * the scheduler, the memory objects. The mechanisms are classes of their own, named as the
 * lectures name them: {@link SystemCalls} (the system-call boundary), {@link IpcPath},
 * {@link Notification}, {@link PageFaultIpc}, {@link ExceptionIpc}, {@link InterruptIpc}
 * ("IRQ as IPC"), {@link MapGrantUnmap}, {@link LazyFpu}, {@link ExchangeRegisters},
 * {@link Capabilities}, {@link IoPermissions}, {@link ThreadLifecycle}, {@link Boot}; sigma0
 * is a user-level thread ({@code dev.mkw.user.Sigma0}).
 *
 * <p>This version simulates one CPU: every thread runs on CPU 0.
 */
public final class Kernel {
    public static final int CPU = 0;

    public final SimMachine machine;
    public final KernelConfig config;
    public final SimEngine engine;
    public final CycleAccounting accounting;
    public final Trace trace;
    public final MemoryHierarchy mem;
    public final CostTable costs;
    public final Scheduler scheduler;
    public final FrameAllocator frames;
    public final KernelMemory kernelMemory;
    public final MappingDb mappingDb;
    public final AddressSpace sigma0;
    public final TcbLookup tcbLookup;
    public final List<Tcb> threads = new ArrayList<>();
    public final Map<String, Tcb> byName = new LinkedHashMap<>();
    public final Map<String, AddressSpace> spaces = new LinkedHashMap<>();
    public final Map<String, PathStats> paths = new TreeMap<>();
    public final List<KernelError> errors = new ArrayList<>();
    /** One-way IPC path cycles by untyped words. */
    public final Map<Integer, List<Long>> ipcLatency = new TreeMap<>();
    /** The first IPCs of the run with sender, receiver and path, for the report's samples. */
    public final List<dev.mkw.sim.report.IpcSample> ipcSamples = new ArrayList<>();
    /** IRQ raise → handler delivery, by line. */
    public final Map<Integer, List<Long>> irqLatency = new TreeMap<>();
    public final long[] irqRaisedAt;
    public final Abi abi;
    /** The kernel-entry variant on this machine (KernelConfig.entry). */
    public final KernelEntry entry;
    /** The distinct kernel code and data one short IPC touches. */
    public final IpcFootprint ipcFootprint;
    public final SystemCalls syscalls;
    public final UserMode userMode;
    public final IpcPath ipc;
    public final Notification notification;
    public final PageFaultIpc pageFaults;
    public final ExceptionIpc exceptions;
    public final InterruptIpc interrupts;
    public final MapGrantUnmap mapping;
    public final LazyFpu fpu;
    public final IoPermissions io;
    public final Capabilities caps;
    public final ExchangeRegisters exregs;
    public final ThreadLifecycle lifecycle;
    public final boolean[] irqPending;
    /** The timer line the kernel programs for preemption. */
    public int timerLine = 0;
    /** Address spaces of privileged tasks (the scenario's root task): ExchangeRegisters may reach any thread from them. */
    public final java.util.Set<AddressSpace> privilegedSpaces = new java.util.HashSet<>();
    /** Capability spaces per task (naming variant CAPABILITIES). */
    public final Map<AddressSpace, dev.mkw.kernel.cap.CapSpace> capSpaces = new LinkedHashMap<>();
    /** TCBs by thread number (the slot a thread ID's number selects; the version is checked by the lookup). */
    private final Map<Integer, Tcb> byNumber = new java.util.HashMap<>();
    /** sigma0's thread: the root pager, a user-level thread in the idempotent address space {@link #sigma0}. */
    public Tcb sigma0Thread;
    /** Debug symbols for the trace: protocol names of message labels (the kernel itself only sees labels). */
    private Map<Long, String> labelNames = Map.of();
    public Tcb current;
    public Tcb fpuOwner;
    public AddressSpace loadedSpace;
    public int activeTimeouts;
    public boolean finished;

    public Kernel(SimMachine machine, KernelConfig config, SimEngine engine, Trace trace) {
        this.machine = machine;
        this.config = config;
        this.engine = engine;
        this.trace = trace;
        this.accounting = new CycleAccounting(machine.cpuCount());
        this.idle = accounting.account(CycleAccounting.IDLE);
        this.mem = machine.mem(CPU);
        this.entry = KernelEntry.select(this, machine.description(), config);
        this.costs = entry.costs(machine.costs());
        this.scheduler = new Scheduler(config.scheduling(), dev.mkw.kernel.sched.SchedulerPolicies.get().forId(config.schedulerPolicy()),
                () -> threads, this::now, message -> error(null, null, message, false));
        this.frames = new FrameAllocator(machine.memory(), 0x10_0000);
        this.kernelMemory = new KernelMemory(machine.memory(), machine.mmu().format(), frames);
        this.mappingDb = new MappingDb(frames);
        this.sigma0 = new AddressSpace("sigma0", 1, machine.memory(), machine.mmu().format(), frames);
        kernelMemory.attach(sigma0);
        this.tcbLookup = new TcbLookup(dev.mkw.kernel.tcb.TcbLookupVariants.get().forId(config.tcbLookup()),
                KernelLayout.tcbArea(kernelMemory.base), KernelLayout.tcbTable(kernelMemory.base));
        this.irqRaisedAt = new long[machine.interruptController().lines()];
        this.irqPending = new boolean[machine.interruptController().lines()];
        this.abi = Abi.of(machine.description().isa());
        this.image = new KernelImage(KernelLayout.kernelText(kernelMemory.base), abi, entry.countedInstructions(), config.pathLengthScale());
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
    }

    /**
     * Create sigma0, the tasks, threads and attachments from the scenario (see {@link Boot});
     * {@code userCode} gives each thread's user-level code, {@code sigma0} sigma0's.
     */
    public void bootFrom(dev.mkw.scenario.Scenario s, java.util.function.Function<dev.mkw.scenario.ThreadSpec, UserCode> userCode, UserCode sigma0) {
        Boot.boot(this, s, userCode, sigma0);
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
        return engine.cpuClock(CPU);
    }

    /** Start a kernel path on behalf of the running thread. */
    public KernelPath path(String name) {
        PathHandle h = pathHandles.get(name);
        if (h == null) {
            h = new PathHandle(accounting.kernelAccount(name), paths.computeIfAbsent(name, n -> new PathStats()));
            pathHandles.put(name, h);
        }
        KernelPath p = new KernelPath(name, h, mem, costs, this::kernelFault, imageLoaded ? image : null, entry, ipcFootprint);
        openPaths.addLast(p);
        if (decodeCycles != 0) {
            p.add(decodeCycles);
            decodeCycles = 0;
        }
        return p;
    }

    /**
     * Cycles a system call spent decoding its arguments (a capability lookup) before the
     * kernel knew which path it takes: the path it then takes carries them.
     */
    private long decodeCycles;

    /** A kernel access while decoding a system call (before its path is chosen); charged to that path. */
    public void decodeAccess(long vaddr, int kind) {
        long c = mem.access(vaddr, kind, false);
        if (c != dev.mkw.hw.sim.MemoryHierarchy.PAGE_FAULT) decodeCycles += c;
    }

    /**
     * The kernel paths begun and not yet charged, innermost last: work done on their behalf by
     * shared code (queue operations, the wakeup list) is charged to the innermost.
     */
    private final java.util.ArrayDeque<KernelPath> openPaths = new java.util.ArrayDeque<>();

    /**
     * Between two steps of the CPU every kernel path has been charged: a path begun and never
     * charged would lose the cycles of the work done inside it.
     */
    void checkAllPathsCharged() {
        if (!openPaths.isEmpty()) throw new IllegalStateException("kernel path " + openPaths.peekLast().name() + " was never charged");
    }

    /** The innermost kernel path in progress, or null (boot). */
    public KernelPath currentPath() {
        return openPaths.peekLast();
    }

    /** A kernel path's account and statistics, resolved once per path name (the charging path does no lookups). */
    record PathHandle(CycleAccounting.Account account, PathStats stats) {}

    private final Map<String, PathHandle> pathHandles = new java.util.HashMap<>();
    /** The kernel path charged last (the IPC samples name the path that delivered). */
    private String lastPathName = "";
    private final CycleAccounting.Account idle;

    /** Charge a finished path: advance the CPU clock, account the cycles, record statistics. */
    public void charge(KernelPath p, Tcb onBehalf) {
        openPaths.removeLastOccurrence(p);
        long c = p.cycles();
        lastPathName = p.name();
        accounting.charge(CPU, p.handle.account(), c);
        engine.advanceCpu(CPU, c);
        p.handle.stats().add(c);
        PathStats st = p.handle.stats();
        st.fetchStallCycles += p.fetchStalls();
        st.instructionCycles += p.instructionCycles();
        st.privilegedCycles += p.privilegedCycles();
        st.memoryCycles += p.memoryCycles();
        if (onBehalf != null) {
            onBehalf.kernelCycles += c;
            if (c > 0) {
                if (onBehalf.kernelCounter == null) onBehalf.kernelCounter = accounting.threadKernelCounter(onBehalf.name);
                onBehalf.kernelCounter[0] += c;
            }
        }
        if (trace.isRecording()) {
            String who = onBehalf == null ? "" : onBehalf.name;
            trace.record(new TraceEvent(now() - c, CPU, TraceKind.KERNEL_ENTRY, who, "", p.name(), 0, ""));
            trace.record(new TraceEvent(now(), CPU, TraceKind.KERNEL_EXIT, who, "", p.name(), c, ""));
        }
    }

    public void chargeUser(Tcb t, long cycles) {
        CycleAccounting.Account a = t.userAccount;
        if (a == null) a = t.userAccount = accounting.userAccount(t.name);
        accounting.charge(CPU, a, cycles);
        engine.advanceCpu(CPU, cycles);
        t.userCycles += cycles;
        t.quantum -= cycles;
    }

    /**
     * Account as idle the cycles the engine moved the CPU's clock forward while nothing ran
     * (an event for this CPU fires at its own time, past the idle already charged). Called
     * first by every handler of such an event, so every cycle of the clock is in an account.
     */
    public void accountIdleGap() {
        long gap = now() - accounting.total(CPU);
        if (gap > 0) accounting.charge(CPU, idle, gap);
    }

    public void chargeIdle(long cycles) {
        accounting.charge(CPU, idle, cycles);
        engine.advanceCpu(CPU, cycles);
    }

    /** An IPC of {@code words} words from {@code s} reached {@code d}; the delivering path cost {@code cycles}. */
    public void ipcDelivered(Tcb s, Tcb d, int words, long cycles) {
        ipcLatency.computeIfAbsent(words, x -> new ArrayList<>()).add(cycles);
        ipcFootprint.delivered(words, abi.registerWords(), lastPathName);
        if (ipcSamples.size() < dev.mkw.sim.report.RunReportBuilder.DEFAULT_IPC_SAMPLE_LIMIT) {
            ipcSamples.add(new dev.mkw.sim.report.IpcSample(now(), s.name, d.name, words, lastPathName, cycles));
        }
    }

    public void record(TraceKind kind, Tcb t, String partner, String path, long value, String detail) {
        if (trace.isRecording()) trace.record(new TraceEvent(now(), CPU, kind, t == null ? "" : t.name, partner, path, value, detail));
    }

    /**
     * Switch the CPU to {@code next} inside path {@code p}: kernel stack switch, and an
     * address-space switch (page-table root load; an untagged TLB is flushed by it).
     */
    public void switchTo(Tcb next, KernelPath p) {
        ensureTcb(next);
        if (current == next) {
            next.state = ThreadState.RUNNING;
            return;
        }
        p.execute(KernelCode.SWITCH);
        if (current != null) p.touch(current.address + Tcb.OFF_STACK_PTR, MemoryHierarchy.WRITE);
        p.touch(next.address + Tcb.OFF_STACK_PTR, MemoryHierarchy.READ);
        p.touch(next.address + Tcb.SIZE - 64, MemoryHierarchy.READ);
        if (next.space != loadedSpace) {
            p.touch(next.address + Tcb.OFF_SPACE, MemoryHierarchy.READ);
            p.add(mem.loadPageTableRoot(next.space.root, next.space.asid));
            if (!mem.taggedTlb()) record(TraceKind.TLB_FLUSH, next, "", p.name(), 0, "address-space switch");
            loadedSpace = next.space;
        }
        if (config.fpuSwitch() == KernelConfig.FpuSwitch.EAGER && next.fpuUsed && fpuOwner != next) {
            if (fpuOwner != null) p.cost(CostKind.FPU_SAVE);
            p.cost(CostKind.FPU_RESTORE);
            fpuOwner = next;
        }
        record(TraceKind.THREAD_SWITCH, current, next.name, p.name(), 0, "");
        current = next;
        next.state = ThreadState.RUNNING;
        next.switchesIn++;
    }

    /**
     * Virtual TCB array: a TCB page is faulted in on first touch, inside the path that
     * touched it. The other lookup variants map TCBs at creation, so only the TCB area
     * may fault; anything else is a kernel bug.
     */
    private long kernelFault(long vaddr, long walkCycles) {
        long area = KernelLayout.tcbArea(kernelMemory.base);
        if (vaddr < area || vaddr >= area + (1L << 18) * Tcb.SIZE) {
            throw new IllegalStateException(String.format("kernel fault at 0x%x outside the TCB area", vaddr));
        }
        tcbFaults++;
        return walkCycles + costs.cost(CostKind.INTERRUPT_ENTRY) + PathLengths.PAGEFAULT * costs.cost(CostKind.INSTRUCTION)
                + kernelMemory.mapFresh(vaddr & -(long) machine.memory().frameSize(), mem) + costs.cost(CostKind.KERNEL_EXIT);
    }

    /** The kernel's code in kernel text (fetched by the paths once boot has loaded it). */
    public final KernelImage image;
    private boolean imageLoaded;

    /** Boot: map the kernel text; from now on paths fetch their code. */
    void loadImage() {
        image.load(kernelMemory, mem, machine.memory().frameSize());
        imageLoaded = true;
    }

    /** TCB pages faulted in (virtual-array lookup). */
    public long tcbFaults;

    public void ensureTcb(Tcb t) {
        // Kept for readability at call sites: with the virtual array the touch itself faults the page in.
    }

    /** Pick the next thread with the scheduler (path "schedule"); null when nothing is ready. */
    public Tcb dispatch(Tcb onBehalf) {
        KernelPath p = path("schedule");
        long skipped = scheduler.skippedBlocked();
        Tcb n = scheduler.pick(current != null && current.state == ThreadState.RUNNING ? current : null);
        p.execute(KernelCode.SCHEDULE, PathLengths.SCHEDULE * (int) (1 + scheduler.skippedBlocked() - skipped));
        if (n != null) {
            p.touch(n.address + Tcb.OFF_QUEUE, MemoryHierarchy.READ);
            if (current != null && current.state == ThreadState.RUNNING && current != n) current.state = ThreadState.READY;
            switchTo(n, p);
        } else if (current != null && current.state != ThreadState.RUNNING) {
            current = null;
        }
        charge(p, onBehalf);
        return n;
    }

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
        if (at == null && t != null) at = t.user.location();
        errors.add(new KernelError(t == null ? "" : t.name, now(), at, message, fatal));
        record(TraceKind.USER_ERROR, t, "", "", 0, message);
        if (fatal) {
            finished = true;
            engine.stop();
        }
    }

    public Tcb thread(String qualifiedName) {
        return byName.get(qualifiedName);
    }

    /** Set by the CPU loop: makes an idle CPU look for work again (a timeout or IRQ woke a thread). */
    public Runnable cpuWaker = () -> {};

    public void wakeCpu() {
        cpuWaker.run();
    }

    /** Lines of devices that will raise interrupts later; set by the simulation. */
    public final java.util.Set<Integer> deviceLines = new java.util.TreeSet<>();

    /** Whether a device interrupt could still wake a blocked thread (its line has a handler). */
    public boolean devicesCanWake() {
        for (int line : deviceLines) if (interrupts.handler(line) != null) return true;
        return false;
    }

    /** Whether every thread of the scenario has ended (sigma0, a server of the system, does not count). */
    public boolean allDead() {
        for (Tcb t : threads) if (t != sigma0Thread && t.state != ThreadState.DEAD) return false;
        return true;
    }
}
