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
 */
public record MachineDescription(String name, String title, String isa, String entryMechanism, int cpus,
        double clockMhz, Map<CostKind, Long> costs, MmuSpec mmu, List<CacheSpec> caches, long memoryBytes,
        long memoryLatency, int irqLines, long irqAckCycles, Map<Integer, Integer> irqPriorities, TimerSpec timer, List<DeviceSpec> devices) {

    public MachineDescription {
        caches = List.copyOf(caches);
        costs = Map.copyOf(costs);
        devices = List.copyOf(devices);
        irqPriorities = Map.copyOf(irqPriorities);
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
