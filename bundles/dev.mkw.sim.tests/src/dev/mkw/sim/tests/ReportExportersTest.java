package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.export.Exporter;
import dev.mkw.sim.export.Exporters;
import dev.mkw.sim.export.JsonReportExporter;
import dev.mkw.sim.export.StatsCsvExporter;
import dev.mkw.sim.export.TextReportExporter;
import dev.mkw.sim.report.RunReport;
import dev.mkw.test.support.MiniJson;

class ReportExportersTest {

    @Test
    void identicalRunsGiveIdenticalBytesInEveryFormat() {
        for (Exporter e : Exporters.builtIns().all()) {
            byte[] a = Outputs.bytes(e, SampleRun.report(20, true));
            byte[] b = Outputs.bytes(e, SampleRun.report(20, true));
            assertArrayEquals(a, b, e.id());
            byte[] c = Outputs.bytes(e, SampleRun.report(21, true));
            assertFalse(java.util.Arrays.equals(a, c), e.id() + " must depend on the run");
        }
    }

    @Test
    void jsonReportHasTheFieldsTheCliPromisesInAFixedOrder() {
        String json = Outputs.text(new JsonReportExporter(), SampleRun.report(6, true));
        Map<String, Object> o = MiniJson.object(MiniJson.parse(json));
        assertEquals(List.of("scenario", "preset", "settings", "seed", "endReason", "cpus", "clockMhz", "cycles",
                "simulatedMicros", "elapsedCycles", "cycleTotals", "threads", "ipc", "pageFaults", "tlb", "cache",
                "memoryAccesses", "irqs", "kernelPaths", "kernelPathStats", "accounts", "misses", "scheduler", "hardware", "errors", "trace"),
                List.copyOf(o.keySet()));
        assertEquals("ping-pong", o.get("scenario"));
        assertEquals(new BigDecimal(1800), o.get("cycles"));
        assertEquals(new BigDecimal(18), o.get("simulatedMicros"));
        Map<String, Object> ipc = MiniJson.object(o.get("ipc"));
        assertEquals(new BigDecimal(6), ipc.get("count"));
        assertTrue(ipc.containsKey("avgCycles") && ipc.containsKey("minCycles") && ipc.containsKey("maxCycles")
                && ipc.containsKey("histogram"));
        assertEquals(List.of("kernel.fastpath", "kernel.scheduling"), List.copyOf(MiniJson.object(o.get("settings")).keySet()));
        Map<String, Object> paths = MiniJson.object(o.get("kernelPaths"));
        assertEquals(new BigDecimal(300), paths.get("ipc.fastpath"));
        Map<String, Object> irqs = MiniJson.object(o.get("irqs"));
        assertEquals(new BigDecimal(6), irqs.get("raised"));
        Map<String, Object> err = MiniJson.object(MiniJson.array(o.get("errors")).get(0));
        assertEquals("deadlock", err.get("kind"));
        assertEquals(new BigDecimal(12), MiniJson.object(err.get("location")).get("line"));
        assertTrue(MiniJson.object(o.get("threads")).containsKey(SampleRun.DRIVER), "escaped names round-trip");
    }

    @Test
    void statsCsvIsRfc4180WithQuotedAwkwardNames() {
        String csv = Outputs.text(new StatsCsvExporter(), SampleRun.report(5, false));
        assertTrue(csv.contains("\"drv,\"\"x\"\".irq\""), csv);
        List<List<String>> rows = MiniCsv.parse(csv);
        assertEquals(StatsCsvExporter.COLUMNS, rows.get(0));
        for (List<String> r : rows) assertEquals(StatsCsvExporter.COLUMNS.size(), r.size());
        List<String> drv = rows.stream().filter(r -> r.get(1).equals(SampleRun.DRIVER)).findFirst().orElseThrow();
        assertEquals("thread", drv.get(0));
        assertEquals("150", drv.get(7), "user cycles");
        List<String> fast = rows.stream().filter(r -> r.get(1).equals("ipc.fastpath")).findFirst().orElseThrow();
        assertEquals(List.of("path", "ipc.fastpath", "5", "250", "50", "50", "50"), fast.subList(0, 7));
        assertEquals(1 + 3 + 3, rows.size(), "header, 3 paths, 3 threads");
    }

    @Test
    void textReportShowsTheTables() {
        String text = TextReportExporter.render(SampleRun.report(5, true));
        for (String s : List.of("Scenario  ping-pong", "Kernel paths", "ipc.fastpath", "IPC latency", "Hardware counters",
                "Threads", "Errors", "ping-pong.mkw:12:5: deadlock")) {
            assertTrue(text.contains(s), "missing '" + s + "' in\n" + text);
        }
    }

    @Test
    void registryKnowsTheBuiltInsAndRefusesDuplicates() {
        Exporters ex = Exporters.discover();
        assertEquals(List.of("csv", "html", "json", "perfetto", "text"), ex.all().stream().map(Exporter::id).toList());
        assertTrue(ex.problems().isEmpty(), ex.problems().toString());
        Exporter fake = new Exporter() {
            @Override public String id() { return "json"; }
            @Override public String fileExtension() { return "x"; }
            @Override public void write(RunReport r, java.io.OutputStream o) { }
        };
        assertFalse(ex.register(fake));
        assertEquals(1, ex.problems().size());
        assertEquals(JsonReportExporter.class, ex.get("json").getClass());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ex.get("svg"));
        assertTrue(e.getMessage().contains("perfetto"), e.getMessage());
    }
}
