package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.sweep.Metric;
import dev.mkw.sim.sweep.Metrics;
import dev.mkw.sim.sweep.Sweep;
import dev.mkw.sim.sweep.SweepPoint;
import dev.mkw.sim.sweep.SweepResult;
import dev.mkw.sim.sweep.SweepRunner;
import dev.mkw.sim.sweep.SweepTable;

class SweepTest {

    @Test
    void pointsAreTheCartesianProductInNestedLoopOrder() {
        Sweep s = Sweep.parse(List.of("kernel.scheduling=eager,lazy,benno", "machine.preset = i486_50 , pentium_100"));
        assertEquals(6, s.size());
        List<String> labels = s.points().stream().map(SweepPoint::label).toList();
        assertEquals(List.of(
                "kernel.scheduling=eager,machine.preset=i486_50",
                "kernel.scheduling=eager,machine.preset=pentium_100",
                "kernel.scheduling=lazy,machine.preset=i486_50",
                "kernel.scheduling=lazy,machine.preset=pentium_100",
                "kernel.scheduling=benno,machine.preset=i486_50",
                "kernel.scheduling=benno,machine.preset=pentium_100"), labels);
        assertEquals(List.of("kernel.scheduling", "machine.preset"), List.copyOf(s.points().get(0).params().keySet()));
        assertEquals(5, s.points().get(5).index());
    }

    @Test
    void noAxesIsOnePointAndBadSpecsAreRefused() {
        assertEquals(List.of(Map.of()), Sweep.parse(List.of()).points().stream().map(SweepPoint::params).toList());
        assertThrows(IllegalArgumentException.class, () -> Sweep.parse(List.of("novalue")));
        assertThrows(IllegalArgumentException.class, () -> Sweep.parse(List.of("k=a,,b")));
        assertThrows(IllegalArgumentException.class, () -> Sweep.parse(List.of("k=a,a")));
        assertThrows(IllegalArgumentException.class, () -> Sweep.parse(List.of("k=a", "k=b")));
    }

    /** A fake simulation: rounds = the "rounds" setting; "boom" fails, "deadlock" reports an error. */
    private static final Function<Map<String, String>, RunReport> FAKE = p -> {
        String mode = p.getOrDefault("mode", "ok");
        if (mode.equals("boom")) throw new IllegalStateException("kernel invariant broken, run aborted");
        return SampleRun.report(Integer.parseInt(p.get("rounds")), mode.equals("deadlock"));
    };

    @Test
    void everyPointGetsARowAndFailuresDoNotStopTheSweep() throws Exception {
        Sweep s = Sweep.parse(List.of("rounds=1,2", "mode=ok,boom,deadlock"));
        List<Integer> progress = Collections.synchronizedList(new ArrayList<>());
        SweepResult r = new SweepRunner(3).progress((done, total, o) -> progress.add(done)).run(s, FAKE);
        assertEquals(6, r.outcomes().size());
        assertEquals(4, r.failures());
        assertEquals(6, progress.size());
        List<List<String>> csv = MiniCsv.parse(csv(r, List.of(Metrics.parse("cycles"), Metrics.parse("path:ipc.fastpath"))));
        assertEquals(List.of("point", "rounds", "mode", "status", "cycles", "path:ipc.fastpath", "error"), csv.get(0));
        assertEquals(List.of("0", "1", "ok", "ok", "300", "50", ""), csv.get(1));
        assertEquals(List.of("1", "1", "boom", "failed", "", "", "kernel invariant broken, run aborted"), csv.get(2));
        assertEquals("error", csv.get(3).get(3));
        assertTrue(csv.get(3).get(6).contains("deadlock"), csv.get(3).toString());
        assertEquals(List.of("3", "2", "ok", "ok", "600", "100", ""), csv.get(4));
    }

    @Test
    void parallelAndSequentialSweepsWriteTheSameBytes() throws Exception {
        Sweep s = Sweep.parse(List.of("rounds=1,2,3,4", "mode=ok,deadlock"));
        String one = csv(new SweepRunner(1).run(s, FAKE), Metrics.standard());
        String four = csv(new SweepRunner(4).run(s, FAKE), Metrics.standard());
        assertEquals(one, four);
        assertEquals(9, MiniCsv.parse(one).size());
    }

    /** The one place a run becomes a row: the runner's outcome and a single point's outcome give the same row. */
    @Test
    void aPointRunAloneGivesTheSameRowAsInTheSweep() throws Exception {
        Sweep s = Sweep.parse(List.of("rounds=1,2", "mode=ok,boom,deadlock"));
        SweepResult r = new SweepRunner(2).run(s, FAKE);
        SweepTable t = new SweepTable(s.keys(), Metrics.standard());
        for (int i = 0; i < s.size(); i++) assertEquals(r.rows(t).get(i), t.row(SweepRunner.outcome(s.point(i), FAKE)));
        ByteArrayOutputStream viaTable = new ByteArrayOutputStream();
        t.writeCsv(viaTable, r.rows(t));
        assertEquals(csv(r, Metrics.standard()), viaTable.toString(StandardCharsets.UTF_8));
        assertEquals(3, t.statusColumn());
        assertEquals("failed", r.rows(t).get(1).get(t.statusColumn()));
    }

    /** Column kinds tell typed writers what a cell holds; every count and decimal cell parses as one. */
    @Test
    void columnKindsMatchTheCells() throws Exception {
        Sweep s = Sweep.parse(List.of("rounds=3", "mode=ok,boom"));
        SweepTable t = new SweepTable(s.keys(), Metrics.standard());
        List<SweepTable.Column> cols = t.columns();
        assertEquals(t.header(), cols.stream().map(SweepTable.Column::name).toList());
        assertEquals(Metric.Kind.COUNT, cols.get(0).kind());
        assertEquals(Metric.Kind.TEXT, cols.get(1).kind());
        assertEquals(Metric.Kind.TEXT, cols.get(t.statusColumn()).kind());
        assertEquals(Metric.Kind.TEXT, cols.get(cols.size() - 1).kind());
        assertEquals(Metric.Kind.COUNT, cols.get(t.header().indexOf("cycles")).kind());
        assertEquals(Metric.Kind.DECIMAL, cols.get(t.header().indexOf("ipc_avg_cycles")).kind());
        for (List<String> row : new SweepRunner(1).run(s, FAKE).rows(t)) {
            for (int c = 0; c < cols.size(); c++) {
                String cell = row.get(c);
                if (cell.isEmpty()) continue;
                if (cols.get(c).kind() == Metric.Kind.COUNT) Long.parseLong(cell);
                if (cols.get(c).kind() == Metric.Kind.DECIMAL) Double.parseDouble(cell);
            }
        }
    }

    @Test
    void metricsByName() {
        RunReport r = SampleRun.report(2, false);
        assertEquals("2", Metrics.parse("ipc_count").of(r));
        assertEquals("2", Metrics.parse("path-count:pagefault").of(r));
        assertEquals("200", Metrics.parse("thread:ping.main").of(r));
        assertEquals("2", Metrics.parse("cache:L2").of(r));
        assertEquals("0", Metrics.parse("path:nonexistent").of(r));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.parse("speed"));
        assertTrue(e.getMessage().contains("ipc_avg_cycles"));
        for (Metric m : Metrics.standard()) m.of(RunReport.builder("empty").build());
    }

    private static String csv(SweepResult r, List<Metric> metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.writeCsv(out, metrics);
        return out.toString(StandardCharsets.UTF_8);
    }
}
