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
        for (int i = 0; i < cpus.length; i++) {
            Cache[] caches = d.caches().stream().map(CacheSpec::create).toArray(Cache[]::new);
            cpus[i] = new SimCpu(i, d.clockMhz(), new MemoryHierarchy(memory, d.mmu(), caches, costs));
        }
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
