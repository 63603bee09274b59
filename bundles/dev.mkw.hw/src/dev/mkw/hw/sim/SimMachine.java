package dev.mkw.hw.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A machine ready to simulate: CPUs with their memory hierarchies over one physical memory,
 * an interrupt controller and the cost table. Built from a {@link MachineDescription}
 * (presets map onto one; tests use {@link #builder()}); a description with problems is
 * refused with all of them in one message.
 */
public final class SimMachine {
    private final MachineDescription description;
    private final PhysicalMemory memory;
    private final CostTable costs;
    private final InterruptController irqs;
    private final SimCpu[] cpus;

    public SimMachine(MachineDescription d) {
        List<String> problems = MachineValidator.problems(d);
        if (!problems.isEmpty()) throw new IllegalArgumentException("machine " + d.name() + ": " + String.join("; ", problems));
        this.description = d;
        this.memory = new PhysicalMemory(d.memoryBytes(), d.memoryLatency());
        this.costs = new CostTable(d.costs());
        this.irqs = new InterruptController(d.irqLines(), d.irqAckCycles());
        d.irqPriorities().forEach(irqs::setPriority);
        this.cpus = new SimCpu[d.cpus()];
        // On a multiprocessor the outermost level is shared, when there is more than one (the
        // Cortex-A9 MPCore's PL310 L2, the A53 cluster's L2, the x86 cores' L3); the levels above
        // it are each CPU's own, kept coherent by the directory.
        List<CacheSpec> specs = d.caches();
        int shared = d.cpus() > 1 && specs.size() > 1 ? outermost(specs) : -1;
        if (shared >= 0 && specs.get(shared).level() == 1) shared = -1; // split L1 only: nothing shared
        Cache sharedCache = shared < 0 ? null : specs.get(shared).create();
        MemoryHierarchy[] hierarchies = new MemoryHierarchy[cpus.length];
        Cache[][] own = new Cache[cpus.length][];
        for (int i = 0; i < cpus.length; i++) {
            Cache[] caches = new Cache[specs.size()];
            List<Cache> mine = new ArrayList<>();
            for (int l = 0; l < caches.length; l++) {
                caches[l] = l == shared ? sharedCache : specs.get(l).create();
                if (l != shared) mine.add(caches[l]);
            }
            own[i] = mine.toArray(Cache[]::new);
            hierarchies[i] = new MemoryHierarchy(memory, d.mmu(), caches, costs);
            if (sharedCache != null) hierarchies[i].share(sharedCache);
            cpus[i] = new SimCpu(i, d.clockMhz(), hierarchies[i]);
        }
        if (cpus.length > 1) {
            Coherence c = new Coherence(hierarchies, own, costs);
            for (int i = 0; i < cpus.length; i++) hierarchies[i].joinCoherence(c, i);
        }
    }

    /** The index of the level with the highest level number (the last-level cache). */
    private static int outermost(List<CacheSpec> specs) {
        int at = 0;
        for (int i = 1; i < specs.size(); i++) if (specs.get(i).level() > specs.get(at).level()) at = i;
        return at;
    }

    /** A bare machine to fill in: {@code SimMachine.builder().cpus(1).tlb(32, 4, false).build()}. */
    public static MachineBuilder builder() {
        return new MachineBuilder();
    }

    public String name() { return description.name(); }
    public MachineDescription description() { return description; }
    public int cpuCount() { return cpus.length; }
    public double clockMhz() { return description.clockMhz(); }
    public SimCpu cpu(int index) { return cpus[index]; }
    /** The memory hierarchy of CPU {@code cpu}: {@code cpu(cpu).mem()}. */
    public MemoryHierarchy mem(int cpu) { return cpus[cpu].mem(); }
    public PhysicalMemory memory() { return memory; }
    public CostTable costs() { return costs; }
    public InterruptController interruptController() { return irqs; }
    public MmuSpec mmu() { return description.mmu(); }
    public List<DeviceSpec> deviceSpecs() { return description.devices(); }

    /** The devices the description declares (its timer first, if it has one, at its own period), created through {@code types}. */
    public List<Device> createDevices(DeviceTypes types) {
        MachineDescription.TimerSpec t = description.timer();
        return createDevices(types, t == null ? 0 : t.periodCycles());
    }

    /**
     * The devices of the machine as a kernel starts them: its timer on {@link #timerLine()},
     * programmed to interrupt every {@code timerPeriod} cycles (the kernel's tick; 0: the timer
     * stays off), then the devices its description declares. A description without a timer
     * (a test's bare machine) gets the PC's: line 0.
     */
    public List<Device> createDevices(DeviceTypes types, long timerPeriod) {
        List<Device> l = new ArrayList<>();
        if (timerPeriod > 0) l.add(new PeriodicDevice("timer", timerLine(), timerPeriod, 0, false));
        for (DeviceSpec s : description.devices()) l.add(s.create(types));
        return l;
    }

    /** The IRQ line of the machine's timer (the preset's; line 0, the PC's PIT, when it describes none). */
    public int timerLine() {
        MachineDescription.TimerSpec t = description.timer();
        return t == null ? 0 : t.irq();
    }
}
