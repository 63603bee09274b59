package dev.mkw.hw.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a machine without EMF: for the kernel's tests and for experiments that vary one
 * figure of a preset ({@code description.toBuilder().tlb(64, 4, true).build()}).
 *
 * <p>It starts from a bare machine, not a real one: one 100 MHz x86-32 CPU, a 32-entry 4-way
 * untagged TLB, no caches, 16 MiB of memory with a latency of 10 cycles, 16 IRQ lines, and
 * every primitive cost 0 except INSTRUCTION (1). Its numbers mean nothing: set the ones a
 * test depends on, or start from a preset's description.
 */
public final class MachineBuilder {
    private String name = "machine";
    private String title = "";
    private String isa = "x86-32";
    private String entryMechanism = "int/iret";
    private int cpus = 1;
    private double clockMhz = 100;
    private final Map<CostKind, Long> costs = new EnumMap<>(CostKind.class);
    private PageTableFormat format = PageTableFormat.x86_32();
    private int tlbEntries = 32, tlbWays = 4, itlbEntries, itlbWays, asidBits;
    private boolean taggedTlb, globalPages, noExecute;
    private long walkExtraCycles;
    private int[] largePageShifts = new int[0];
    private final List<CacheSpec> caches = new ArrayList<>();
    private long memoryBytes = 16L << 20, memoryLatency = 10;
    private int irqLines = 16;
    private long irqAckCycles;
    private final Map<Integer, Integer> irqPriorities = new java.util.TreeMap<>();
    private MachineDescription.TimerSpec timer;
    private final List<DeviceSpec> devices = new ArrayList<>();
    private final List<MachineDescription.EntryCost> entryMechanisms = new ArrayList<>();
    private PipelineSpec pipeline;

    MachineBuilder() {
        for (CostKind k : CostKind.values()) costs.put(k, 0L);
        costs.put(CostKind.INSTRUCTION, 1L);
        costs.put(CostKind.BRANCH_TAKEN, 1L);
        costs.put(CostKind.SYSTEM_REGISTER, 1L);
    }

    MachineBuilder(MachineDescription d) {
        name = d.name();
        title = d.title();
        isa = d.isa();
        entryMechanism = d.entryMechanism();
        cpus = d.cpus();
        clockMhz = d.clockMhz();
        costs.putAll(d.costs());
        mmu(d.mmu());
        caches.addAll(d.caches());
        memoryBytes = d.memoryBytes();
        memoryLatency = d.memoryLatency();
        irqLines = d.irqLines();
        irqAckCycles = d.irqAckCycles();
        irqPriorities.putAll(d.irqPriorities());
        pipeline = d.pipeline();
        timer = d.timer();
        devices.addAll(d.devices());
        entryMechanisms.addAll(d.entryMechanisms());
    }

    public MachineBuilder name(String v) { name = v; return this; }
    public MachineBuilder title(String v) { title = v; return this; }
    public MachineBuilder isa(String v) { isa = v; return this; }
    public MachineBuilder entryMechanism(String v) { entryMechanism = v; return this; }
    /** Another kernel-entry mechanism the CPU offers (none listed: only {@link #entryMechanism} at KERNEL_ENTRY/EXIT). */
    public MachineBuilder entryMechanism(String v, long entryCycles, long exitCycles) {
        entryMechanisms.add(new MachineDescription.EntryCost(v, entryCycles, exitCycles, false));
        return this;
    }
    public MachineBuilder cpus(int v) { cpus = v; return this; }
    public MachineBuilder clockMhz(double v) { clockMhz = v; return this; }
    public MachineBuilder cost(CostKind k, long cycles) { costs.put(k, cycles); return this; }
    public MachineBuilder costs(Map<CostKind, Long> v) { costs.putAll(v); return this; }
    public MachineBuilder pageTableFormat(PageTableFormat v) { format = v; return this; }
    /** The (data or unified) TLB. */
    public MachineBuilder tlb(int entries, int ways, boolean tagged) { tlbEntries = entries; tlbWays = ways; taggedTlb = tagged; return this; }
    /** A separate instruction TLB; 0 entries for a unified TLB. */
    public MachineBuilder instructionTlb(int entries, int ways) { itlbEntries = entries; itlbWays = ways; return this; }
    public MachineBuilder asidBits(int v) { asidBits = v; return this; }
    public MachineBuilder globalPages(boolean v) { globalPages = v; return this; }
    public MachineBuilder noExecute(boolean v) { noExecute = v; return this; }
    public MachineBuilder walkExtraCycles(long v) { walkExtraCycles = v; return this; }
    public MachineBuilder largePageShifts(int... v) { largePageShifts = v.clone(); return this; }

    /** Every MMU field at once. */
    public MachineBuilder mmu(MmuSpec m) {
        format = m.format();
        tlbEntries = m.tlbEntries();
        tlbWays = m.tlbWays();
        taggedTlb = m.taggedTlb();
        asidBits = m.asidBits();
        globalPages = m.globalPages();
        walkExtraCycles = m.walkExtraCycles();
        itlbEntries = m.itlbEntries();
        itlbWays = m.itlbWays();
        largePageShifts = m.largePageShifts();
        noExecute = m.noExecute();
        return this;
    }

    public MachineBuilder cache(CacheSpec c) { caches.add(c); return this; }

    /** A unified, physically indexed cache. */
    public MachineBuilder cache(String name, int level, int sizeBytes, int lineBytes, int ways, long latency, boolean writeBack) {
        return cache(new CacheSpec(name, level, sizeBytes, lineBytes, ways, latency, writeBack, false));
    }

    public MachineBuilder clearCaches() { caches.clear(); return this; }
    /** How the core issues instructions; null: a scalar core, each instruction at its class's cost. */
    public MachineBuilder pipeline(PipelineSpec p) { pipeline = p; return this; }
    public MachineBuilder memory(long bytes, long latency) { memoryBytes = bytes; memoryLatency = latency; return this; }
    public MachineBuilder interrupts(int lines, long ackCycles) { irqLines = lines; irqAckCycles = ackCycles; return this; }
    /** A priority other than the default (lines - line) for one line; a larger number wins. */
    public MachineBuilder irqPriority(int line, int priority) { irqPriorities.put(line, priority); return this; }
    public MachineBuilder timer(int irq, long periodCycles) { timer = new MachineDescription.TimerSpec(irq, periodCycles); return this; }
    public MachineBuilder device(String type, String deviceName, int irq, Map<String, String> parameters) {
        devices.add(new DeviceSpec(type, deviceName, irq, parameters));
        return this;
    }

    /** The description as it stands (not validated: {@link MachineDescription#problems()} says what is wrong). */
    public MachineDescription description() {
        int[] large = largePageShifts;
        MmuSpec mmu = new MmuSpec(format, tlbEntries, tlbWays, taggedTlb, taggedTlb ? asidBits : 0, globalPages, walkExtraCycles,
                itlbEntries, itlbWays, large, noExecute);
        return new MachineDescription(name, title, isa, entryMechanism, cpus, clockMhz, costs, mmu, caches, memoryBytes, memoryLatency,
                irqLines, irqAckCycles, irqPriorities, timer, devices, entryMechanisms, pipeline);
    }

    /** The machine; IllegalArgumentException listing every problem of the description. */
    public SimMachine build() {
        return new SimMachine(description());
    }
}
