package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.model.MachineReader;
import dev.mkw.hw.sim.CacheSpec;
import dev.mkw.hw.sim.MachineDescription;

/** The presets load, validate and say what the literature says; a broken model gets a clear message. */
class PresetsTest {

    @Test
    void allPresetsLoadAndBuild() {
        MachinePresets p = MachinePresets.get();
        assertEquals(List.of("cortex_a9", "i486_50", "pentium_100", "x86_64_pcid"), p.ids());
        for (String id : p.ids()) assertTrue(p.machine(id, 0).cpuCount() >= 1, id);
    }

    @Test
    void i486MatchesLiedtkesMachine() {
        MachineDescription d = MachinePresets.get().description("i486_50");
        assertEquals(50.0, d.clockMhz());
        CacheSpec l1 = d.caches().get(0);
        assertEquals(8192, l1.sizeBytes());
        assertFalse(l1.writeBack(), "write-through");
        assertEquals(32, d.mmu().tlbEntries());
        assertFalse(d.mmu().taggedTlb());
        assertTrue(MachinePresets.get().describe("i486_50").contains("L93: int"), "costs cite their source");
    }

    @Test
    void modernPresetsHaveTaggedTlbs() {
        assertTrue(MachinePresets.get().description("x86_64_pcid").mmu().taggedTlb());
        assertTrue(MachinePresets.get().description("cortex_a9").mmu().taggedTlb());
    }

    @Test
    void aBrokenModelNamesMachineAndElement() {
        EObject m = MachinePresets.get().model("i486_50");
        EObject cache = MachineReaderAccess.firstCache(m);
        cache.eSet(cache.eClass().getEStructuralFeature("sizeBytes"), 1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MachineReader.read(m));
        assertTrue(e.getMessage().startsWith("machine i486_50: cache L1: size 1000 is not a multiple of line size × ways"), e.getMessage());
    }

    @Test
    void anyFieldCanBeOverriddenByPath() {
        var m = MachinePresets.get().machine("i486_50", java.util.Map.of("cpus", "2", "memory.latency", "20", "caches.L1.sizeBytes", "16384", "mmu.tlbEntries", "64"));
        assertEquals(2, m.cpuCount());
        assertEquals(20, m.description().memoryLatency());
        assertEquals(16384, m.description().caches().get(0).sizeBytes());
        assertEquals(64, m.description().mmu().tlbEntries());
        assertEquals(8192, MachinePresets.get().description("i486_50").caches().get(0).sizeBytes(), "the preset itself is unchanged");
    }

    @Test
    void aBadOverrideSaysWhatExists() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MachinePresets.get().machine("i486_50", java.util.Map.of("memory.latncy", "20")));
        assertTrue(e.getMessage().startsWith("the machine has no field 'memory.latncy' (Memory has sizeMiB, latency)"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> MachinePresets.get().machine("i486_50", java.util.Map.of("caches.L1.sizeBytes", "1000")));
        assertTrue(e2.getMessage().contains("size 1000 is not a multiple"), e2.getMessage());
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MachinePresets.get().model("vax"));
        assertTrue(e.getMessage().contains("known: cortex_a9, i486_50, pentium_100, x86_64_pcid"), e.getMessage());
    }

    /** Reflective access to the model (the metamodel is read dynamically). */
    static final class MachineReaderAccess {
        @SuppressWarnings("unchecked")
        static EObject firstCache(EObject machine) {
            return ((List<EObject>) machine.eGet(machine.eClass().getEStructuralFeature("caches"))).get(0);
        }
    }
}
