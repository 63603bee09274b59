package dev.mkw.hw.sim;

/** A machine ready to simulate: CPUs with their memory hierarchies over one physical memory. */
public final class SimMachine {
    private final MachineDescription description;
    private final PhysicalMemory memory;
    private final CostTable costs;
    private final InterruptController irqs;
    private final MemoryHierarchy[] cpus;

    public SimMachine(MachineDescription d) {
        if (d.cpus() < 1 || d.cpus() > 64) throw new IllegalArgumentException("machine " + d.name() + ": " + d.cpus() + " CPUs is out of range 1..64");
        if (d.clockMhz() <= 0) throw new IllegalArgumentException("machine " + d.name() + ": clock must be > 0 MHz");
        this.description = d;
        this.memory = new PhysicalMemory(d.memoryBytes(), d.memoryLatency());
        this.costs = new CostTable(d.costs());
        this.irqs = new InterruptController(d.irqLines(), d.irqAckCycles());
        this.cpus = new MemoryHierarchy[d.cpus()];
        for (int i = 0; i < cpus.length; i++) {
            Cache[] caches = d.caches().stream().map(CacheSpec::create).toArray(Cache[]::new);
            cpus[i] = new MemoryHierarchy(memory, d.mmu(), caches, costs);
        }
    }

    public String name() { return description.name(); }
    public MachineDescription description() { return description; }
    public int cpuCount() { return cpus.length; }
    public double clockMhz() { return description.clockMhz(); }
    public MemoryHierarchy mem(int cpu) { return cpus[cpu]; }
    public PhysicalMemory memory() { return memory; }
    public CostTable costs() { return costs; }
    public InterruptController interruptController() { return irqs; }
    public MmuSpec mmu() { return description.mmu(); }
}
