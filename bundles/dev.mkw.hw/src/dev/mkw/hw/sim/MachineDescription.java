package dev.mkw.hw.sim;

import java.util.List;
import java.util.Map;

/**
 * Everything the simulator needs to know about a machine, as plain values. Presets (EMF
 * models) map onto it through {@code dev.mkw.hw.model.MachineFactory}; tests build it with
 * {@link #builder()}. {@link MachineValidator} says what is wrong with one.
 *
 * @param name           preset id or a test's name
 * @param title          human-readable name
 * @param isa            x86-32, x86-64, armv7, armv8
 * @param entryMechanism the system-call mechanism KERNEL_ENTRY/EXIT describe (int/iret, sysenter/sysexit, syscall/sysret, svc/eret)
 * @param cpus           number of CPUs
 * @param clockMhz       core clock
 * @param costs          cycle costs of the primitive operations
 * @param mmu            MMU and TLB
 * @param caches         cache levels, first level first
 * @param memoryBytes    physical memory size
 * @param memoryLatency  cycles of a memory access after the last cache level missed
 * @param irqLines       interrupt-controller lines
 * @param irqAckCycles   cycles to acknowledge an interrupt at the controller
 * @param irqPriorities  line → priority where it differs from the default (a lower line wins)
 * @param timer          the programmable timer, or null if the machine description has none
 * @param devices        devices the machine description itself declares (scenarios add theirs)
 * @param entryMechanisms every kernel-entry mechanism the CPU offers, with its cycles (the kernel's
 *                       {@code entry} variant chooses among them); empty: only {@code entryMechanism},
 *                       at the cost table's KERNEL_ENTRY and KERNEL_EXIT
 * @param pipeline       how the core issues instructions, or null: each instruction then costs its
 *                       class's cost in turn, as on a scalar core ({@link IssueModel})
 */
public record MachineDescription(String name, String title, String isa, String entryMechanism, int cpus,
        double clockMhz, Map<CostKind, Long> costs, MmuSpec mmu, List<CacheSpec> caches, long memoryBytes,
        long memoryLatency, int irqLines, long irqAckCycles, Map<Integer, Integer> irqPriorities, TimerSpec timer, List<DeviceSpec> devices,
        List<EntryCost> entryMechanisms, PipelineSpec pipeline) {

    public MachineDescription {
        caches = List.copyOf(caches);
        costs = Map.copyOf(costs);
        devices = List.copyOf(devices);
        irqPriorities = Map.copyOf(irqPriorities);
        entryMechanisms = List.copyOf(entryMechanisms);
    }

    /**
     * One way into the kernel and back, as the CPU's manual (or an estimate) costs it.
     *
     * @param name        int/iret, sysenter/sysexit, syscall/sysret, svc/eret, svc/movs pc, svc/rfe
     * @param entryCycles the entry instruction, from user mode to the first kernel instruction
     * @param exitCycles  the return instruction, back to user mode
     * @param estimated   whether the cycles are an estimate rather than a published figure
     */
    public record EntryCost(String name, long entryCycles, long exitCycles, boolean estimated) {}

    /** The entry mechanism called {@code name}, or null if the CPU does not offer it. */
    public EntryCost entryMechanism(String name) {
        for (EntryCost e : entryMechanisms) if (e.name().equals(name)) return e;
        return null;
    }

    /** The programmable timer: its IRQ line and its period in cycles. */
    public record TimerSpec(int irq, long periodCycles) {}

    /** A machine to fill in, starting from a bare one (see {@link MachineBuilder}). */
    public static MachineBuilder builder() {
        return new MachineBuilder();
    }

    /** A builder that starts from this description: change a field or two and build again. */
    public MachineBuilder toBuilder() {
        return new MachineBuilder(this);
    }

    public MachineDescription withCpus(int n) {
        return toBuilder().cpus(n).description();
    }

    /** What is wrong with this description: one message per problem, empty if nothing. */
    public List<String> problems() {
        return MachineValidator.problems(this);
    }
}
