package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.Cost;
import dev.mkw.hw.model.Machine;
import dev.mkw.hw.model.MachineFactory;
import dev.mkw.hw.model.MachineModelValidator;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.SimMachine;

/** Each bad machine description is refused with a message naming the field and the value, never an exception from inside. */
class InvalidMachineTest {

    /** The problems of the i486 preset after {@code change}. */
    private static List<String> problemsAfter(Consumer<Machine> change) {
        Machine m = MachinePresets.builtIn().model("i486_50");
        change.accept(m);
        return MachineModelValidator.problems(m);
    }

    @Test
    void cacheSizeNotAMultipleOfLineTimesWays() {
        assertEquals(List.of("cache L1: size 8200 is not a multiple of line size × ways (16 × 4)"),
                problemsAfter(m -> m.getCaches().get(0).setSizeBytes(8200)));
    }

    @Test
    void cacheSetsNotAPowerOfTwo() {
        assertEquals(List.of("cache L1: size 12288 gives 192 sets, not a power of two"), problemsAfter(m -> m.getCaches().get(0).setSizeBytes(12288)));
    }

    @Test
    void lineSizeNotAPowerOfTwo() {
        assertEquals(List.of("cache L1: line size 24 is not a power of two"), problemsAfter(m -> m.getCaches().get(0).setLineBytes(24)));
    }

    @Test
    void unknownCacheKind() {
        assertEquals(List.of("cache L1: kind 'both' is not unified, data or instruction"), problemsAfter(m -> m.getCaches().get(0).setKind("both")));
    }

    @Test
    void tlbWithZeroEntries() {
        assertEquals(List.of("mmu: TLB: entries 0 must be at least 1"), problemsAfter(m -> m.getMmu().setTlbEntries(0)));
    }

    @Test
    void tlbEntriesNotAMultipleOfWays() {
        assertEquals(List.of("mmu: TLB: 30 entries is not a multiple of 4 ways"), problemsAfter(m -> m.getMmu().setTlbEntries(30)));
    }

    @Test
    void clockOfZero() {
        assertEquals(List.of("clockMhz 0.0 must be > 0"), problemsAfter(m -> m.setClockMhz(0)));
    }

    @Test
    void zeroCpus() {
        assertEquals(List.of("cpus 0 is out of range 1..64"), problemsAfter(m -> m.setCpus(0)));
    }

    @Test
    void indexBitsThatDoNotParse() {
        assertEquals(List.of("mmu: indexBits '10;10' must be numbers separated by commas, e.g. 10,10"), problemsAfter(m -> m.getMmu().setIndexBits("10;10")));
    }

    @Test
    void largePageOfNoLevel() {
        assertEquals(List.of("mmu: large page shift 21 is not the size of any level above the last (levels map [12, 22])"),
                problemsAfter(m -> m.getMmu().setLargePageShifts("21")));
    }

    @Test
    void unknownAndMissingCosts() {
        assertEquals(List.of("cost kind 'CR3_LOAD' is unknown (known: [KERNEL_ENTRY, KERNEL_EXIT, REGISTER_SAVE, REGISTER_RESTORE, "
                + "PAGE_TABLE_ROOT_LOAD, TLB_FLUSH, TLB_FLUSH_ENTRY, FPU_SAVE, FPU_RESTORE, FPU_TRAP, INTERRUPT_ENTRY, INTERRUPT_ACK, IPI, CACHE_TRANSFER, CACHE_INVALIDATE, INSTRUCTION, BRANCH_TAKEN, SYSTEM_REGISTER])",
                "costs: no cost for PAGE_TABLE_ROOT_LOAD"),
                problemsAfter(m -> {
                    for (Cost c : m.getCosts()) if (c.getKind().equals("PAGE_TABLE_ROOT_LOAD")) c.setKind("CR3_LOAD");
                }));
    }

    @Test
    void entryMechanismThatIsNotListed() {
        assertEquals(List.of("entryMechanism 'sysenter/sysexit' is not among the entryMechanisms (int/iret)", "costs: no cost for KERNEL_ENTRY",
                "costs: no cost for KERNEL_EXIT"), problemsAfter(m -> m.setEntryMechanism("sysenter/sysexit")));
    }

    @Test
    void timerOnALineThatDoesNotExist() {
        assertEquals(List.of("timer: irq 16 is not a line of the controller (0..15)"), problemsAfter(m -> m.getTimer().setIrq(16)));
    }

    @Test
    void negativeMemoryLatencyAndMissingMmuTogether() {
        assertEquals(List.of("mmu: missing"), problemsAfter(m -> m.setMmu(null)), "a missing part stops before the figures are checked");
        assertEquals(List.of("memory: latency -1 is negative"), problemsAfter(m -> m.getMemory().setLatency(-1)));
    }

    @Test
    void buildingRefusesWithEveryProblemInOneMessage() {
        Machine m = MachinePresets.builtIn().model("i486_50");
        m.setClockMhz(0);
        m.getMmu().setTlbEntries(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MachineFactory.build(m));
        assertEquals("machine i486_50: clockMhz 0.0 must be > 0; mmu: TLB: entries 0 must be at least 1", e.getMessage());
    }

    @Test
    void thePlainBuilderRefusesTheSameWay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimMachine.builder().name("t").cache("L1", 1, 1000, 16, 4, 1, true).tlb(0, 1, false).build());
        assertEquals("machine t: mmu: TLB: entries 0 must be at least 1; cache L1: size 1000 is not a multiple of line size × ways (16 × 4)", e.getMessage());
    }
}
