package dev.mkw.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.cli.bench.ThreadScaleCheck;
import dev.mkw.cli.bench.UnmapCostTable;

/** The bench's revocation table and scale check measure what they claim (timing itself is not asserted). */
class RevocationAndScaleTest {
    @Test
    void revocationCostGrowsWithTheTree() {
        List<UnmapCostTable.Row> rows = UnmapCostTable.table(1_000);
        assertEquals(List.of(1, 10, 100, 1_000), rows.stream().map(UnmapCostTable.Row::mappings).toList());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).simulatedCycles() > 5 * rows.get(i - 1).simulatedCycles(),
                    "ten times the mappings cost several times the cycles: " + rows);
        }
        // Every mapping costs the same kind of work (node, page-table entry, TLB entry): the
        // cost per mapping stays within a small factor from 10 to 1000 mappings.
        double per10 = rows.get(1).cyclesPerMapping(), per1000 = rows.get(3).cyclesPerMapping();
        assertTrue(per1000 < 3 * per10 && per10 < 3 * per1000, "per mapping: " + per10 + " vs " + per1000);
    }

    @Test
    void manyThreadsBootRunAndEnd() {
        ThreadScaleCheck.Result r = ThreadScaleCheck.run(20, 50);
        assertEquals(1_000, r.threads());
        assertTrue(r.allEnded(), "every thread ran its body and ended");
        assertTrue(r.simulatedCycles() >= 1_000 * 500L, "each thread computed 500 cycles: " + r.simulatedCycles());
    }
}
