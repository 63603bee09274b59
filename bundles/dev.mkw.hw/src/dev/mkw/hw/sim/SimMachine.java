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

    /** The devices the description declares (its timer first, if it has one), created through {@code types}. */
    public List<Device> createDevices(DeviceTypes types) {
        List<Device> l = new ArrayList<>();
        MachineDescription.TimerSpec t = description.timer();
        if (t != null) l.add(new PeriodicDevice("timer", t.irq(), t.periodCycles(), 0, false));
        for (DeviceSpec s : description.devices()) l.add(s.create(types));
        return l;
    }
}
