package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.Device;
import dev.mkw.hw.sim.DeviceTypes;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.PageTableBuilder;
import dev.mkw.hw.sim.PageTableFormat;
import dev.mkw.hw.sim.SimMachine;

/** Machines without EMF: the plain builder, and variations of a preset. */
class MachineBuilderTest {

    @Test
    void aBareMachineFromTheBuilderRuns() {
        SimMachine m = SimMachine.builder().name("two-level").cpus(2).clockMhz(200)
                .pageTableFormat(PageTableFormat.x86_64()).tlb(16, 4, true).asidBits(12)
                .cache("L1", 1, 4096, 32, 2, 2, true).cache("L2", 2, 65536, 32, 8, 10, true)
                .memory(64L << 20, 100).cost(CostKind.KERNEL_ENTRY, 50).timer(0, 10_000)
                .device("uart", "com1", 4, Map.of("interval", "5000")).build();
        assertEquals(2, m.cpuCount());
        assertEquals(200.0, m.cpu(1).clockMhz());
        assertEquals(50, m.costs().cost(CostKind.KERNEL_ENTRY));
        assertEquals(0, m.costs().cost(CostKind.TLB_FLUSH), "unset costs are 0 on a bare machine");
        new PageTableBuilder(m.memory(), m.mmu().format(), 0x20_0000).map(0x10_0000, 0x4000, 0x8000, true);
        MemoryHierarchy mem = m.mem(1);
        mem.loadPageTableRoot(0x10_0000, 3);
        assertEquals(5 * (2 + 10 + 100), mem.access(0x4000, MemoryHierarchy.READ, true), "four entries and the data miss both levels");
        assertEquals(2, mem.access(0x4008, MemoryHierarchy.READ, true));
        assertEquals(0, m.mem(0).tlbMisses(), "each CPU has its own TLB and caches");
        List<Device> devices = m.createDevices(DeviceTypes.builtIn());
        assertEquals(List.of("timer", "com1"), devices.stream().map(Device::name).toList());
    }

    @Test
    void aPresetWithOneFigureChanged() {
        MachineDescription i486 = MachinePresets.builtIn().description("i486_50");
        SimMachine tagged = i486.toBuilder().name("i486_tagged").tlb(32, 4, true).asidBits(8).build();
        assertTrue(tagged.mmu().taggedTlb());
        assertEquals(i486.caches(), tagged.description().caches());
        assertEquals(i486.costs(), tagged.description().costs());
        assertEquals(4, i486.withCpus(4).cpus());
    }
}
