package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.sim.export.Exporter;
import dev.mkw.sim.export.Exporters;
import dev.mkw.sim.export.PerfettoTraceExporter;
import dev.mkw.sim.report.RunReport;
import dev.mkw.test.support.MiniJson;

class ExportToFileTest {

    @Test
    void writingAFileGivesTheSameBytesAsAStream(@TempDir Path dir) throws IOException {
        RunReport r = SampleRun.report(3, true);
        for (Exporter e : Exporters.builtIns().all()) {
            Path f = dir.resolve("sub").resolve("out-" + e.id() + "." + e.fileExtension());
            e.write(r, f);
            assertArrayEquals(Outputs.bytes(e, r), Files.readAllBytes(f), e.id());
            e.write(r, f); // replaces, does not append
            assertArrayEquals(Outputs.bytes(e, r), Files.readAllBytes(f), e.id());
        }
    }

    @Test
    void withoutAClockTimestampsAreCycles() {
        dev.mkw.sim.Trace t = new dev.mkw.sim.Trace(dev.mkw.sim.Trace.Mode.ON, 0);
        t.record(new dev.mkw.sim.TraceEvent(1234, 0, dev.mkw.sim.TraceKind.EXCEPTION, "a.t", "", "", 0, "div0"));
        RunReport r = RunReport.builder("noclock").cpus(1).elapsed(0, 2000).trace(t).build();
        Map<String, Object> root = MiniJson.object(MiniJson.parse(Outputs.text(new PerfettoTraceExporter(), r)));
        Map<String, Object> last = MiniJson.object(MiniJson.array(root.get("traceEvents")).getLast());
        assertEquals("exception", last.get("name"));
        assertEquals(new BigDecimal(1234), last.get("ts"));
        assertEquals("div0", MiniJson.object(last.get("args")).get("detail"));
    }
}
