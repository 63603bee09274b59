package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.Machine;
import dev.mkw.hw.model.MachineFactory;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.CacheSpec;
import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.SimMachine;

/** The presets load, validate and say what the literature says; overrides go through the same checks. */
class PresetsTest {
    private final MachinePresets presets = MachinePresets.builtIn();

    @Test
    void everyPresetLoadsValidatesAndBuilds() {
        assertEquals(List.of("cortex_a53", "cortex_a76", "cortex_a9", "i486_50", "pentium_100", "x86_64_pcid"), presets.ids());
        for (String id : presets.ids()) {
            assertEquals(List.of(), presets.validate(id), id);
            SimMachine m = presets.machine(id, 0);
            assertEquals(id, m.name());
            assertTrue(m.cpuCount() >= 1, id);
            assertEquals(m.mem(0), m.cpu(0).mem());
        }
    }

    @Test
    void i486MatchesLiedtkesMachine() {
        MachineDescription d = presets.description("i486_50");
        assertEquals(50.0, d.clockMhz());
        assertEquals(1, d.caches().size(), "one unified cache");
        CacheSpec l1 = d.caches().get(0);
        assertEquals(8192, l1.sizeBytes());
        assertEquals(CacheSpec.Kind.UNIFIED, l1.kind());
        assertFalse(l1.writeBack(), "write-through");
        assertEquals(32, d.mmu().tlbEntries());
        assertFalse(d.mmu().taggedTlb());
        assertFalse(d.mmu().globalPages(), "no PGE before the Pentium Pro");
        assertEquals(71, d.costs().get(CostKind.KERNEL_ENTRY), "int, from its entry mechanism");
        assertEquals(36, d.costs().get(CostKind.KERNEL_EXIT), "iret");
    }

    @Test
    void modernPresetsHaveTaggedTlbsAndOldOnesDoNot() {
        assertTrue(presets.description("x86_64_pcid").mmu().taggedTlb());
        assertEquals(12, presets.description("x86_64_pcid").mmu().asidBits(), "12-bit PCIDs");
        assertTrue(presets.description("cortex_a9").mmu().taggedTlb());
        assertEquals(8, presets.description("cortex_a9").mmu().asidBits(), "8-bit ASIDs");
        assertFalse(presets.description("pentium_100").mmu().taggedTlb());
    }

    @Test
    void theArmv8PresetHasFourLevelTablesA512EntryTlbAnd16BitAsids() {
        var d = presets.description("cortex_a53");
        assertEquals("armv8", d.isa());
        assertEquals(4, d.mmu().format().levels(), "4 KiB granule, 48-bit VA");
        assertEquals(8, d.mmu().format().entryBytes());
        assertEquals(512, d.mmu().tlbEntries());
        assertEquals(4, d.mmu().tlbWays());
        assertEquals(16, d.mmu().asidBits(), "16-bit ASIDs in AArch64");
        assertTrue(presets.validate("cortex_a53").isEmpty(), presets.validate("cortex_a53").toString());
        String text = presets.describe("cortex_a53");
        assertTrue(text.contains("svc/eret") && text.contains("[estimated]"), text);
    }

    @Test
    void describeShowsEveryFigureWithItsSource() {
        String text = presets.describe("i486_50");
        assertTrue(text.contains("L93: int 71, iret 36"), text);
        assertTrue(text.contains("int/iret"), text);
        assertTrue(text.contains("[estimated]"), "estimates are marked: " + text);
        assertTrue(text.contains("TLB: 32 entries, 4-way (unified); untagged"), text);
        assertTrue(text.contains("L1   level 1 unified") && text.contains("8K,  4-way,  16-byte lines, write-through, PIPT, +1 cycles"), text);
        String table = presets.describeAll();
        assertEquals(1 + presets.ids().size(), table.split("\n").length, table);
        assertTrue(table.contains("64D+128I entries tagged(12b)"), table);
    }

    @Test
    void anyFieldCanBeOverriddenByPath() {
        var m = presets.machine("i486_50", Map.of("cpus", "2", "memory.latency", "20", "caches.L1.sizeBytes", "16384", "mmu.tlbEntries", "64"));
        assertEquals(2, m.cpuCount());
        assertEquals(20, m.description().memoryLatency());
        assertEquals(16384, m.description().caches().get(0).sizeBytes());
        assertEquals(64, m.description().mmu().tlbEntries());
        assertEquals(8192, presets.description("i486_50").caches().get(0).sizeBytes(), "the preset itself is unchanged");
        var n = presets.machine("i486_50", Map.of("entryMechanisms.int/iret.entryCycles", "100"));
        assertEquals(100, n.costs().cost(CostKind.KERNEL_ENTRY));
    }

    @Test
    void aBadOverrideSaysWhatExists() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> presets.machine("i486_50", Map.of("memory.latncy", "20")));
        assertTrue(e.getMessage().startsWith("the machine has no field 'memory.latncy' (Memory has sizeMiB, latency)"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> presets.machine("i486_50", Map.of("caches.L1.sizeBytes", "1000")));
        assertEquals("machine i486_50: cache L1: size 1000 is not a multiple of line size × ways (16 × 4)", e2.getMessage());
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> presets.model("vax"));
        assertEquals("unknown machine preset 'vax'; known: cortex_a53, cortex_a76, cortex_a9, i486_50, pentium_100, x86_64_pcid", e.getMessage());
    }

    @Test
    void aModelCanBeReadFromAnyUrlAndBuilt() {
        Machine m = MachinePresets.read(PresetsTest.class.getResource("/dev/mkw/hw/tests/tiny.xmi"), "tiny");
        SimMachine s = MachineFactory.build(m);
        assertEquals("tiny", s.name());
        assertEquals(2, s.cpuCount());
        assertEquals(1, s.description().devices().size());
        assertEquals(4, s.interruptController().priority(3), "priority from the model");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MachinePresets.read(PresetsTest.class.getResource("/dev/mkw/hw/tests/not-a-machine.xmi"), "broken"));
        assertTrue(e.getMessage().startsWith("machine preset 'broken' cannot be read: "), e.getMessage());
    }

    @Test
    void aContributedPresetIsListedLoadedAndChecked() {
        MachinePresets p = MachinePresets.builtIn();
        p.register(() -> Map.of("tiny", PresetsTest.class.getResource("/dev/mkw/hw/tests/tiny.xmi")));
        assertTrue(p.exists("tiny"));
        assertEquals(List.of(), p.validate("tiny"));
        assertEquals(10.0, p.machine("tiny", 0).clockMhz());
        assertTrue(p.describeAll().contains("tiny"), "listed by mkw presets");
        assertTrue(MachinePresets.get().ids().containsAll(presets.ids()), "discovery keeps the built-in presets");
    }
}
