package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.analysis.Analyses;
import dev.mkw.sim.analysis.Analysis;
import dev.mkw.sim.analysis.AnalysisResult;
import dev.mkw.sim.report.RunReport;

class AnalysesTest {
    private final RunReport report = SampleRun.report(9, false);

    @Test
    void builtInsAreDiscoveredById() {
        Analyses a = Analyses.discover();
        assertEquals(List.of("cache-tlb", "ipc-latency", "irq-latency", "kernel-paths"), a.all().stream().map(Analysis::id).toList());
        assertTrue(a.problems().isEmpty());
    }

    @Test
    void ipcLatencyHasARowPerSizeAndTotal() {
        AnalysisResult r = Analyses.builtIns().get("ipc-latency").analyze(report);
        assertEquals(List.of("2", "8", "all"), r.rows().stream().map(row -> row.get(0)).toList());
        assertEquals("3", r.rows().get(1).get(1), "rounds 0, 3, 6 sent 8 words");
        assertEquals("9", r.rows().get(2).get(1));
    }

    @Test
    void kernelPathsAreSortedByCost() {
        AnalysisResult r = Analyses.builtIns().get("kernel-paths").analyze(report);
        assertEquals(List.of("pagefault", "ipc.fastpath", "irq.entry"), r.rows().stream().map(row -> row.get(0)).toList());
        assertTrue(r.toText().startsWith("Kernel paths by cycles\npath"), r.toText());
    }

    @Test
    void cacheTlbHasARowPerCpuAndColumnsPerLevel() throws IOException {
        AnalysisResult r = Analyses.builtIns().get("cache-tlb").analyze(report);
        assertEquals(List.of("cpu", "tlb misses", "tlb miss %", "tlb flushes", "L1d misses", "L1d miss %", "L2 misses",
                "L2 miss %", "memory accesses"), r.columns());
        assertEquals(List.of("0", "90", "10", "0", "0", "0", "9", "100", "27"), r.rows().get(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.writeCsv(out);
        List<List<String>> csv = MiniCsv.parse(out.toString(StandardCharsets.UTF_8));
        assertEquals(3, csv.size());
    }

    @Test
    void irqLatencyPerLine() {
        AnalysisResult r = Analyses.builtIns().get("irq-latency").analyze(report);
        assertEquals(1, r.rows().size());
        assertEquals(List.of("4", "9", "9"), r.rows().get(0).subList(0, 3));
    }
}
