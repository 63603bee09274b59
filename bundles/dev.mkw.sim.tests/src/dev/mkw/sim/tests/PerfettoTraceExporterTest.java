package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.export.PerfettoTraceExporter;
import dev.mkw.sim.report.RunReport;
import dev.mkw.test.support.MiniJson;

class PerfettoTraceExporterTest {

    private static List<Map<String, Object>> events(RunReport r) {
        Map<String, Object> root = MiniJson.object(MiniJson.parse(Outputs.text(new PerfettoTraceExporter(), r)));
        List<Map<String, Object>> l = new ArrayList<>();
        for (Object o : MiniJson.array(root.get("traceEvents"))) l.add(MiniJson.object(o));
        return l;
    }

    private static List<Map<String, Object>> ofPhase(List<Map<String, Object>> events, String ph) {
        return events.stream().filter(e -> ph.equals(e.get("ph"))).toList();
    }

    @Test
    void hasATrackPerCpuAndPerThread() {
        List<Map<String, Object>> ev = events(SampleRun.report(3, false));
        Set<String> threadNames = new TreeSet<>();
        Set<String> processNames = new TreeSet<>();
        Set<String> tracks = new HashSet<>();
        for (Map<String, Object> m : ofPhase(ev, "M")) {
            Object name = MiniJson.object(m.get("args")).get("name");
            if ("thread_name".equals(m.get("name"))) {
                threadNames.add((String) name);
                assertTrue(tracks.add(m.get("pid") + "/" + m.get("tid")), "one track per pid/tid");
            }
            if ("process_name".equals(m.get("name"))) processNames.add((String) name);
        }
        assertEquals(Set.of("cpu0", "cpu1", SampleRun.PING, SampleRun.PONG, SampleRun.DRIVER), threadNames);
        assertEquals(Set.of("CPUs", "task ping", "task pong", "task drv,\"x\""), processNames);
    }

    @Test
    void kernelPathsAndUserRunsAreCompleteEventsOnCpuAndThreadTracks() {
        RunReport r = SampleRun.report(3, false);
        List<Map<String, Object>> ev = events(r);
        Map<String, Integer> tidOf = new HashMap<>();
        for (Map<String, Object> m : ofPhase(ev, "M")) {
            if ("thread_name".equals(m.get("name"))) {
                tidOf.put((String) MiniJson.object(m.get("args")).get("name"), ((BigDecimal) m.get("tid")).intValue());
            }
        }
        List<Map<String, Object>> fast = ofPhase(ev, "X").stream().filter(e -> "ipc.fastpath".equals(e.get("name"))).toList();
        assertEquals(6, fast.size(), "3 on cpu0's track and 3 on ping's");
        Map<String, Object> first = fast.get(0);
        assertEquals(new BigDecimal("1"), first.get("ts"), "cycle 100 at 100 MHz is 1 us");
        assertEquals(new BigDecimal("0.5"), first.get("dur"));
        assertEquals(tidOf.get("cpu0"), ((BigDecimal) first.get("tid")).intValue());
        assertEquals(tidOf.get(SampleRun.PING), ((BigDecimal) fast.get(1).get("tid")).intValue());

        long userOnPong = ofPhase(ev, "X").stream()
                .filter(e -> "user".equals(e.get("cat")) && SampleRun.PONG.equals(e.get("name"))).count();
        assertEquals(2 * 3 * 2, userOnPong, "pong runs twice a round, on cpu0's track and its own");
        for (Map<String, Object> x : ofPhase(ev, "X")) {
            assertTrue(((BigDecimal) x.get("dur")).signum() >= 0);
        }
    }

    @Test
    void eachIpcSendFlowsToItsReceive() {
        List<Map<String, Object>> ev = events(SampleRun.report(4, false));
        List<Map<String, Object>> starts = ofPhase(ev, "s");
        List<Map<String, Object>> ends = ofPhase(ev, "f");
        assertEquals(4, starts.size());
        assertEquals(4, ends.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(starts.get(i).get("id"), ends.get(i).get("id"));
            assertEquals("e", ends.get(i).get("bp"));
            assertTrue(((BigDecimal) ends.get(i).get("ts")).compareTo((BigDecimal) starts.get(i).get("ts")) > 0);
        }
        List<Map<String, Object>> instants = ofPhase(ev, "i");
        assertTrue(instants.stream().anyMatch(e -> "page_fault".equals(e.get("name"))));
        assertTrue(instants.stream().anyMatch(e -> "irq_raised".equals(e.get("name"))));
        for (Map<String, Object> i : instants) assertEquals("t", i.get("s"));
    }

    @Test
    void explicitClockOverridesTheReports() {
        RunReport r = SampleRun.report(1, false);
        String json = Outputs.text(new PerfettoTraceExporter(50), r);
        Map<String, Object> root = MiniJson.object(MiniJson.parse(json));
        boolean found = false;
        for (Object o : MiniJson.array(root.get("traceEvents"))) {
            Map<String, Object> e = MiniJson.object(o);
            if ("ipc.fastpath".equals(e.get("name"))) {
                assertEquals(new BigDecimal("2"), e.get("ts"));
                found = true;
            }
        }
        assertTrue(found);
        assertFalse(json.contains("E+") || json.contains("e+"), "plain decimals only");
    }

    @Test
    void aSwitchToIdleEndsTheUserRun() {
        List<Map<String, Object>> ev = events(SampleRun.report(3, false));
        List<Map<String, Object>> drv = ofPhase(ev, "X").stream().filter(e -> SampleRun.DRIVER.equals(e.get("name"))).toList();
        assertEquals(6, drv.size(), "one run a round, on cpu1's track and the driver's");
        for (Map<String, Object> x : drv) assertEquals(new BigDecimal("0.3"), x.get("dur"));
    }

    @Test
    void theThreadSwitchedToInTheKernelRunsAfterTheExit() {
        dev.mkw.sim.Trace t = new dev.mkw.sim.Trace(dev.mkw.sim.Trace.Mode.ON, 0);
        t.record(new dev.mkw.sim.TraceEvent(10, 0, dev.mkw.sim.TraceKind.KERNEL_ENTRY, "a.t", "", "ipc.slowpath", 0, ""));
        t.record(new dev.mkw.sim.TraceEvent(20, 0, dev.mkw.sim.TraceKind.THREAD_SWITCH, "a.t", "b.t", "ipc.slowpath", 0, ""));
        t.record(new dev.mkw.sim.TraceEvent(30, 0, dev.mkw.sim.TraceKind.KERNEL_EXIT, "a.t", "", "ipc.slowpath", 0, ""));
        RunReport r = RunReport.builder("s").clockMhz(10).cpus(1).elapsed(0, 50).trace(t).build();
        List<Map<String, Object>> user = ofPhase(events(r), "X").stream().filter(e -> "user".equals(e.get("cat"))).toList();
        assertEquals(2, user.size());
        assertEquals("b.t", user.get(0).get("name"));
        assertEquals(new BigDecimal("3"), user.get(0).get("ts"));
        assertEquals(new BigDecimal("2"), user.get(0).get("dur"), "runs until the CPU's clock stops at cycle 50");
    }

    @Test
    void emptyTraceStillHasCpuTracks() {
        RunReport r = RunReport.builder("empty").cpus(2).build();
        List<Map<String, Object>> ev = events(r);
        assertEquals(2, ofPhase(ev, "M").stream().filter(e -> "thread_name".equals(e.get("name"))).count());
    }
}
