package org.l4lab.mkw.extras.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.l4lab.mkw.extras.analysis.IpcCostBySize;

import dev.mkw.sim.analysis.Analyses;
import dev.mkw.sim.analysis.AnalysisResult;

class IpcCostBySizeTest {
    /** 2-word calls fit the fast path's registers; 6-word ones (more than MR0..MR2) take the slow path. */
    private static final String SCENARIO = """
            scenario Sizes "short and longer messages"
            machine preset i486_50
            kernel { fastpath on }
            protocol P {
                small label 1 words 2
                large label 2 words 6
                ok label 3 words 0
            }
            task server {
                thread s priority 100 {
                    wait any as req
                    repeat 39 { reply-wait req P.ok as req }
                    reply req P.ok
                }
            }
            task client pager root {
                thread c priority 100 {
                    repeat 10 { call server.s P.small words (1, 2) as a timeout never }
                    repeat 30 { call server.s P.large words (1, 2, 3, 4, 5, 6) as a timeout never }
                }
            }
            run until all-done seed 3
            """;

    @Test
    void breaksIpcCostDownBySizeAndPath() {
        AnalysisResult t = new IpcCostBySize().analyze(Runs.run(SCENARIO));
        assertEquals(List.of("words", "path", "ipcs", "share of size %", "avg cycles", "min cycles", "max cycles"), t.columns());
        List<String> small = row(t, "2", "ipc.fastpath");
        List<String> large = row(t, "6", "ipc.slowpath");
        assertEquals("10", small.get(2));
        assertEquals("30", large.get(2));
        assertEquals("100.0", large.get(3));
        double fast = Double.parseDouble(small.get(4)), slow = Double.parseDouble(large.get(4));
        assertTrue(slow > fast, "the slow path costs more: fast " + fast + ", slow " + slow);
        // The replies (0 words) are in the table too: every sampled IPC is counted once.
        long counted = t.rows().stream().mapToLong(r -> Long.parseLong(r.get(2))).sum();
        assertEquals(80, counted);
    }

    @Test
    void mkwFindsTheAnalysis() {
        assertTrue(Analyses.discover().find("ipc-cost-by-size").isPresent());
    }

    private static List<String> row(AnalysisResult t, String words, String path) {
        return t.rows().stream().filter(r -> r.get(0).equals(words) && r.get(1).equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + words + "/" + path + " in " + t.toText()));
    }
}
