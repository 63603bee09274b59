/**
 * The simulated hardware, in plain Java (no EMF types): {@link dev.mkw.hw.sim.SimMachine} with its
 * CPUs, each a {@link dev.mkw.hw.sim.MemoryHierarchy} of TLBs, page-table walker and caches over the
 * shared {@link dev.mkw.hw.sim.PhysicalMemory}; the {@link dev.mkw.hw.sim.InterruptController};
 * devices and their registry {@link dev.mkw.hw.sim.DeviceTypes}. Machines come from presets
 * ({@code dev.mkw.hw.model.MachinePresets}) or from {@link dev.mkw.hw.sim.SimMachine#builder()}.
 * The contract with the kernel is docs/hw-sim-contract.md. Per-access paths take and return
 * primitives and allocate nothing.
 */
package dev.mkw.hw.sim;
