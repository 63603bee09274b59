package dev.mkw.kernel;

import java.util.List;

import dev.mkw.hw.sim.CacheSpec;
import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.CostTable;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.abi.EntryMechanism;
import dev.mkw.kernel.thread.Tcb;

/**
 * The kernel-entry variant on this machine: which of the CPU's mechanisms a system call takes
 * ({@link KernelConfig#entry()}), what its entry and exit instructions cost (the machine's
 * figures, with their sources in the preset) and the memory it touches: the hardware's stack
 * frame and the kernel's own saves ({@link EntryMechanism}). Every {@code KERNEL_ENTRY} and
 * {@code KERNEL_EXIT} of a path goes through here, so the variant costs on every system call.
 */
public final class KernelEntry {
    private final Kernel k;
    private final EntryMechanism mechanism;
    private final MachineDescription.EntryCost cost;
    private final int wordBytes;
    private final long dataHitCycles;
    private final int countedInstructions;

    private KernelEntry(Kernel k, EntryMechanism mechanism, MachineDescription.EntryCost cost, int wordBytes, long dataHitCycles,
            int countedInstructions) {
        this.k = k;
        this.mechanism = mechanism;
        this.cost = cost;
        this.wordBytes = wordBytes;
        this.dataHitCycles = dataHitCycles;
        this.countedInstructions = countedInstructions;
    }

    /**
     * The mechanism {@code config} asks for on machine {@code d}: its default is the machine's
     * {@code entryMechanism} (what Pistachio or seL4 uses on that CPU). IllegalArgumentException
     * naming the mechanisms the CPU offers when it lacks the one asked for.
     */
    static KernelEntry select(Kernel k, MachineDescription d, KernelConfig config) {
        String isa = d.isa();
        KernelConfig.Entry defaultKind = EntryMechanism.kindOf(d.entryMechanism(), isa);
        KernelConfig.Entry kind = config.entry() == KernelConfig.Entry.DEFAULT ? defaultKind : config.entry();
        List<MachineDescription.EntryCost> offered = offered(d);
        EntryMechanism m = kind == null ? null : EntryMechanism.of(kind, isa);
        MachineDescription.EntryCost c = null;
        if (m != null) for (MachineDescription.EntryCost e : offered) if (e.name().equals(m.machineName())) c = e;
        if (c == null) {
            if (config.entry() == KernelConfig.Entry.DEFAULT) {
                // A machine whose mechanism MKW does not know (a test's bare machine): its costs, no frame.
                m = new EntryMechanism(KernelConfig.Entry.DEFAULT, d.entryMechanism(), 0, 0, 0, 0, 0);
                c = offered.stream().filter(e -> e.name().equals(d.entryMechanism())).findFirst().orElse(offered.get(0));
            } else {
                throw new IllegalArgumentException("kernel.entry() " + KernelVariants.word(config.entry()) + ": machine " + d.name() + " (" + d.isa()
                        + ") has no " + (m == null ? KernelVariants.word(config.entry()) + " instruction" : m.machineName())
                        + "; its CPU offers " + String.join(", ", offered.stream().map(MachineDescription.EntryCost::name).toList())
                        + " (kernel.entry() " + String.join(" | ", words(offered, isa)) + ")");
            }
        }
        EntryMechanism counted = defaultKind == null ? null : EntryMechanism.of(defaultKind, isa);
        return new KernelEntry(k, m, c, isa != null && (isa.equals("x86-64") || isa.equals("armv8")) ? 8 : 4, dataHit(d),
                counted == null ? 0 : counted.instructions());
    }

    /** The mechanisms machine {@code d} offers: its list, or its one mechanism at the cost table's costs. */
    static List<MachineDescription.EntryCost> offered(MachineDescription d) {
        if (!d.entryMechanisms().isEmpty()) return d.entryMechanisms();
        return List.of(new MachineDescription.EntryCost(d.entryMechanism(), d.costs().getOrDefault(CostKind.KERNEL_ENTRY, 0L),
                d.costs().getOrDefault(CostKind.KERNEL_EXIT, 0L), false));
    }

    /** The variant words of the mechanisms machine {@code d} offers (for messages and the validator). */
    public static List<String> words(MachineDescription d) {
        return words(offered(d), d.isa());
    }

    private static List<String> words(List<MachineDescription.EntryCost> offered, String isa) {
        return offered.stream().map(e -> EntryMechanism.kindOf(e.name(), isa)).filter(e -> e != null).map(KernelVariants::word).toList();
    }

    private static long dataHit(MachineDescription d) {
        for (CacheSpec c : d.caches()) if (c.level() == 1 && c.kind() != CacheSpec.Kind.INSTRUCTION) return c.latency();
        return d.memoryLatency();
    }

    /** The cost table with KERNEL_ENTRY and KERNEL_EXIT of this mechanism. */
    CostTable costs(CostTable machine) {
        var m = machine.asMap();
        m.put(CostKind.KERNEL_ENTRY, cost.entryCycles());
        m.put(CostKind.KERNEL_EXIT, cost.exitCycles());
        return new CostTable(m);
    }

    /** The mechanism in use. */
    public EntryMechanism mechanism() { return mechanism; }

    /** Its name in the machine model (int/iret, ...). */
    public String name() { return cost.name(); }

    /**
     * Instructions of the default mechanism's software part that a counted fast path already
     * contains (Pistachio's x86-64 path saves the user stack pointer itself): the image takes
     * them out, and the mechanism in use adds its own.
     */
    public int countedInstructions() { return countedInstructions; }

    /** The first-level data cache's hit latency (memory's where there is no cache). */
    long dataHitCycles() { return dataHitCycles; }

    /**
     * After the entry instruction: the hardware frame is written (its stores are part of the
     * entry's cycles on a first-level hit, so only what they cost beyond one is added), then the
     * kernel's own saves: their instructions and stores.
     */
    void entered(KernelPath p) {
        Tcb t = k.current();
        if (t == null) return;
        long frame = t.address + Tcb.OFF_TRAP_FRAME;
        for (int i = 0; i < mechanism.frameWordsIn(); i++) p.touchBeyondHit(frame + (long) i * wordBytes, MemoryHierarchy.WRITE, dataHitCycles);
        if (mechanism.instructions() > 0) p.instructions(entryInstructions());
        long saves = frame + 64;
        for (int i = 0; i < mechanism.savedWords(); i++) p.touch(saves + (long) i * wordBytes, MemoryHierarchy.WRITE);
        if (mechanism.registerFile()) p.cost(CostKind.REGISTER_SAVE);
    }

    /** The software part's instructions on entry: its share by the words saved then (the rest run before the exit). */
    private int entryInstructions() {
        return mechanism.instructions() * mechanism.savedWords() / Math.max(1, mechanism.savedWords() + mechanism.restoredWords());
    }

    /** Before the exit instruction: the kernel's loads of what the return needs, then the hardware's pops. */
    void leaving(KernelPath p) {
        Tcb t = k.current();
        if (t == null) return;
        long frame = t.address + Tcb.OFF_TRAP_FRAME;
        if (mechanism.registerFile()) p.cost(CostKind.REGISTER_RESTORE);
        if (mechanism.instructions() > 0) p.instructions(mechanism.instructions() - entryInstructions());
        long saves = frame + 64;
        for (int i = 0; i < mechanism.restoredWords(); i++) p.touch(saves + (long) i * wordBytes, MemoryHierarchy.READ);
        for (int i = 0; i < mechanism.frameWordsOut(); i++) p.touchBeyondHit(frame + (long) i * wordBytes, MemoryHierarchy.READ, dataHitCycles);
    }
}
