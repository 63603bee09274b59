package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.CostTable;
import dev.mkw.hw.sim.InstructionStream;
import dev.mkw.hw.sim.IssueModel;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.PipelineSpec;

/**
 * The issue model schedules an instruction stream on a pipeline: width, execution units,
 * latencies and dependencies each decide, in order or out of order. One test per mechanism,
 * failing when it stops costing.
 */
class IssueModelTest {

    private static final PipelineSpec SCALAR = new PipelineSpec(false, 1, 1, 1, 1, 1, 0, 0, false);
    private static final PipelineSpec DUAL_IN_ORDER = new PipelineSpec(false, 2, 2, 1, 1, 3, 0, 9, false);
    private static final PipelineSpec WIDE = new PipelineSpec(true, 4, 3, 2, 1, 4, 128, 11, false);

    private static CostTable costs(long branchTaken, long systemRegister) {
        Map<CostKind, Long> m = new EnumMap<>(CostKind.class);
        for (CostKind k : CostKind.values()) m.put(k, 1L);
        m.put(CostKind.BRANCH_TAKEN, branchTaken);
        m.put(CostKind.SYSTEM_REGISTER, systemRegister);
        return new CostTable(m);
    }

    private static long cycles(PipelineSpec p, String stream) {
        return cycles(p, costs(1, 1), stream);
    }

    private static long cycles(PipelineSpec p, CostTable c, String stream) {
        try {
            return new IssueModel(p, c).cycles(InstructionStream.read("test", new StringReader(stream.replace(';', '\n'))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void widthDecidesForIndependentInstructions() {
        String eight = "a;a;a;a;a;a;a;a";
        assertEquals(8, cycles(SCALAR, eight));
        assertEquals(4, cycles(DUAL_IN_ORDER, eight));
        assertEquals(3, cycles(WIDE, eight), "four dispatched a cycle, but three ALUs");
    }

    @Test
    void dependenciesDecideForAChain() {
        String chain = "a;a 1;a 1;a 1;a 1;a 1;a 1;a 1";
        assertEquals(8, cycles(SCALAR, chain));
        assertEquals(8, cycles(DUAL_IN_ORDER, chain));
        assertEquals(8, cycles(WIDE, chain), "no width helps a chain");
        assertEquals(16, cycles(WIDE, "m;m 1;m 1;m 1;m 1;m 1;m 1;m 1"), "a shifted operand takes two cycles");
    }

    @Test
    void aLoadsResultComesLoadToUseCyclesLater() {
        assertEquals(3 + 1, cycles(DUAL_IN_ORDER, "l;a 1"));
        assertEquals(4 + 1, cycles(WIDE, "l;a 1"));
        assertEquals(4, cycles(WIDE, "l;a 1'"), "a written-back base register is ready after one cycle: its user overlaps the load");
    }

    @Test
    void inOrderStallsBehindAWaitingInstructionOutOfOrderDoesNot() {
        // A load, its use, then six independent instructions.
        String s = "l;a 1;a;a;a;a;a;a";
        PipelineSpec dualOutOfOrder = new PipelineSpec(true, 2, 2, 1, 1, 3, 56, 8, false);
        assertEquals(7, cycles(DUAL_IN_ORDER, s), "the use waits until cycle 3, the rest behind it");
        assertEquals(5, cycles(dualOutOfOrder, s), "the independent ones go ahead while the use waits (two ALUs: the last in cycle 4)");
    }

    @Test
    void unitsLimitWhatIssuesTogether() {
        assertEquals(4, cycles(DUAL_IN_ORDER, "s;s;s;s"), "one load/store unit");
        assertEquals(2, cycles(WIDE, "s;s;s;s"), "two");
    }

    @Test
    void aTakenBranchEndsTheCyclesFetch() {
        assertEquals(1, cycles(WIDE, "b;a;a;a"));
        assertEquals(2, cycles(WIDE, "t;a;a;a"), "the instructions after a taken branch start a cycle later");
        assertEquals(4, cycles(WIDE, costs(3, 1), "t;a;a;a"), "BRANCH_TAKEN cycles later");
    }

    @Test
    void aSerialisingInstructionWaitsForAllOlderAndHoldsBackAllYounger() {
        assertEquals(4, cycles(WIDE, "l;a"));
        assertEquals(4 + 1, cycles(WIDE, "l;x;a"), "the ALU instruction starts when the load is done");
        assertEquals(4 + 1 + 1, cycles(WIDE, "l;d;a"), "a barrier also costs a system-register move");
        assertEquals(4 + 3 + 1, cycles(WIDE, costs(1, 3), "l;d;a"), "... SYSTEM_REGISTER cycles");
        assertEquals(3, cycles(WIDE, costs(1, 3), "y;a"), "a move's latency costs only where something waits for it");
        assertEquals(4, cycles(WIDE, costs(1, 3), "y;a 1"));
    }

    @Test
    void theCoreRefetchesAfterAContextSynchronisingInstruction() {
        assertEquals(4 + 11 + 1, cycles(WIDE, "l;r;a"), "an instruction barrier: the ALU instruction waits for the load, then the refill");
        assertEquals(1 + 11, cycles(WIDE, "a;r"), "after an exception return, the refetch of the code it returns to counts too");
        assertEquals(1 + 9, cycles(DUAL_IN_ORDER, "a;r"));
        assertEquals(1, cycles(SCALAR, "a;r"), "no refill on a pipeline that has none");
    }

    @Test
    void aHugeLatencySetFromOutsideIsScheduledNotRefused() {
        assertEquals(1_000_000_000L + 1, cycles(WIDE, costs(1, 1_000_000_000L), "y;a 1"));
        assertTrue(new PipelineSpec(true, 4, 3, 2, 1, 5000, 128, 11, false).problem().contains("at most 1000"));
    }

    @Test
    void theWindowLimitsHowFarAheadOutOfOrderGoes() {
        StringBuilder s = new StringBuilder("l;a 1;a 1;a 1;a 1;a 1");
        for (int i = 0; i < 12; i++) s.append(";a");
        long wide = cycles(WIDE, s.toString());
        long narrowWindow = cycles(new PipelineSpec(true, 4, 3, 2, 1, 4, 4, 11, false), s.toString());
        assertTrue(narrowWindow > wide, wide + " vs " + narrowWindow);
    }

    @Test
    void streamsAreReadWithLocatedErrors() throws IOException {
        InstructionStream s = InstructionStream.read("p", new StringReader("# a comment\na\nl 1   # load\ns 2 1'\n"));
        assertEquals(3, s.length());
        assertEquals(InstructionStream.Kind.STORE, s.kind(2));
        assertEquals(1, s.count(InstructionStream.Kind.LOAD));
        var bad = assertThrows(IllegalArgumentException.class, () -> InstructionStream.read("p", new StringReader("a\nq 1\n")));
        assertEquals("p:2: unknown instruction class 'q'", bad.getMessage());
        var before = assertThrows(IllegalArgumentException.class, () -> InstructionStream.read("p", new StringReader("a\na 2\n")));
        assertEquals("p:2: producer 2 lies before the first instruction", before.getMessage());
    }

    @Test
    void presetsStateTheirPipelinesAndBadOnesAreRefused() {
        MachineDescription a76 = MachinePresets.get().description("cortex_a76");
        assertTrue(a76.pipeline().outOfOrder());
        assertEquals(4, a76.pipeline().issueWidth());
        assertTrue(!MachinePresets.get().description("cortex_a53").pipeline().outOfOrder());
        assertNull(MachinePresets.get().description("i486_50").pipeline(), "a scalar core: no pipeline");
        assertNull(MachinePresets.get().machine("cortex_a76", Map.of("pipeline", "none")).description().pipeline(), "pipeline=none leaves it out");
        assertEquals(2, MachinePresets.get().machine("cortex_a76", Map.of("pipeline.issueWidth", "2")).description().pipeline().issueWidth());
        var e = assertThrows(IllegalArgumentException.class, () -> MachinePresets.get().machine("cortex_a76", Map.of("pipeline.reorderBuffer", "2")));
        assertTrue(e.getMessage().contains("reorderBuffer (2) must hold at least issueWidth (4)"), e.getMessage());
        var order = assertThrows(IllegalArgumentException.class, () -> MachinePresets.get().machine("cortex_a76", Map.of("pipeline.order", "sideways")));
        assertTrue(order.getMessage().contains("pipeline: order 'sideways' is not in-order or out-of-order"), order.getMessage());
    }
}
