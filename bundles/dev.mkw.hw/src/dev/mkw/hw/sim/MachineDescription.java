package dev.mkw.hw.sim;

import java.util.List;
import java.util.Map;

/**
 * Everything the simulator needs to know about a machine, as plain values. Presets (EMF
 * models) map onto it; tests build it directly.
 *
 * @param name           preset id or a test's name
 * @param title          human-readable name
 * @param isa            x86-32, x86-64, armv7, armv8
 * @param entryMechanism the system-call mechanism the costs describe (int/iret, sysenter, syscall, svc)
 * @param cpus           number of CPUs
 * @param clockMhz       core clock
 * @param costs          cycle costs of the primitive operations
 * @param mmu            MMU and TLB
 * @param caches         cache levels, first level first
 * @param memoryBytes    physical memory size
 * @param memoryLatency  cycles of a memory access after the last cache level missed
 * @param irqLines       interrupt-controller lines
 * @param irqAckCycles   cycles to acknowledge an interrupt at the controller
 */
public record MachineDescription(String name, String title, String isa, String entryMechanism, int cpus,
        double clockMhz, Map<CostKind, Long> costs, MmuSpec mmu, List<CacheSpec> caches, long memoryBytes,
        long memoryLatency, int irqLines, long irqAckCycles) {

    public MachineDescription {
        caches = List.copyOf(caches);
        costs = Map.copyOf(costs);
    }

    public MachineDescription withCpus(int n) {
        return new MachineDescription(name, title, isa, entryMechanism, n, clockMhz, costs, mmu, caches, memoryBytes, memoryLatency, irqLines, irqAckCycles);
    }
}
