package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.ui.charts.TimelineModel;
import dev.mkw.ui.run.RunResults;
import dev.mkw.ui.run.ScenarioRun;
import dev.mkw.ui.views.ThreadsView;
import dev.mkw.ui.views.TimelineView;

/**
 * A two-processor run as the views show it: the Threads view names each thread's CPU, the
 * Timeline has one lane per CPU, and an IPC between threads pinned to different processors is
 * an arrow from one CPU lane to the other (besides the arrow between the thread lanes); an
 * IPC within one processor stays off the CPU lanes.
 */
class MultiprocessorViewsTest {

    /** Ping-pong with the server pinned to cpu 1 and the client to cpu 0, and a local pair on cpu 0. */
    private static final String SCENARIO = """
            scenario TwoCpus "ping-pong across two processors"

            machine preset cortex_a9 { cpus 2 }

            protocol Echo {
                request label 1 words 2
                response label 2 words 2
            }

            task server {
                thread pong priority 100 cpu 1 {
                    wait any as req : Echo.request
                    repeat 50 {
                        reply-wait req Echo.response words (req.w0 + 1, 0) as req
                    }
                }
                thread near priority 100 cpu 0 {
                    wait any as req : Echo.request
                    repeat 50 {
                        reply-wait req Echo.response words (req.w0 + 1, 0) as req
                    }
                }
            }

            task client pager root {
                thread ping priority 100 cpu 0 {
                    repeat 50 {
                        call server.pong Echo.request words (1, 2) as answer timeout never
                        compute 200 cycles
                        call server.near Echo.request words (1, 2) as local timeout never
                    }
                }
            }

            run until all-done seed 7 trace on
            """;

    @Test
    void threadsShowTheirCpuAndTheTimelineDrawsIpcsAcrossCpuLanes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two-cpus.mkw");
        Files.writeString(file, SCENARIO);
        IWorkbenchPage page = ProfileViewsTest.page();
        ThreadsView threads = (ThreadsView) page.showView(ThreadsView.ID);
        TimelineView timeline = (TimelineView) page.showView(TimelineView.ID);
        TimelineModel old = timeline.canvas().model();
        RunResults.Run run = ScenarioRun.run(file, List.of(), () -> false);
        assertFalse(run.report().failed(), () -> "the scenario runs: " + run.report().errors());
        assertEquals(2, run.report().cpus());

        Table table = threads.viewer().getTable();
        UiTools.waitFor(() -> table.getItemCount() == run.threads().size(), 5000);
        int name = column(table, "Thread"), cpu = column(table, "CPU");
        Map<String, String> cpuOf = new HashMap<>();
        for (int i = 0; i < table.getItemCount(); i++) cpuOf.put(table.getItem(i).getText(name), table.getItem(i).getText(cpu));
        assertEquals("1", cpuOf.get("server.pong"), "pinned to cpu 1: " + cpuOf);
        assertEquals("0", cpuOf.get("server.near"), cpuOf.toString());
        assertEquals("0", cpuOf.get("client.ping"), cpuOf.toString());
        page.activate(threads);
        UiTools.screenshot(page, threads, "threads-two-cpus");

        UiTools.waitFor(() -> timeline.canvas().model() != null && timeline.canvas().model() != old, 10_000);
        TimelineModel m = timeline.canvas().model();
        assertNotNull(m);
        assertEquals("cpu0", m.lanes().get(0).name());
        assertEquals("cpu1", m.lanes().get(1).name());
        assertEquals(2, m.cpuLanes(), "one lane per CPU");
        // 50 calls to pong and its 50 replies cross; the 50 calls to near and replies do not.
        assertEquals(100, m.crossCpuArrows(), "every IPC with pong crosses processors");
        int crossing = 0, local = 0, later = 0;
        for (TimelineModel.Arrow a : m.arrows()) {
            boolean withPong = a.message().from().equals("server.pong") || a.message().to().equals("server.pong");
            assertEquals(withPong, a.crossesCpus(), "crosses CPUs iff it involves the thread on cpu 1: " + a);
            int[] p = timeline.canvas().cpuArrowPoints(a);
            if (a.crossesCpus()) {
                crossing++;
                int[] t = timeline.canvas().arrowPoints(a);
                int[] lanes = {a.sendCpu(), a.receiveCpu()};
                assertArrayEquals(a.message().from().equals("client.ping") ? new int[] {0, 1} : new int[] {1, 0}, lanes, a.toString());
                assertEquals(t[0], p[0], "the CPU arrow starts at the send");
                assertTrue(a.arrive() < 0 || a.arrive() >= a.receive(), "the receiver runs with the message after the kernel copied it: " + a);
                long end = a.arrive() >= 0 ? a.arrive() : a.receive();
                assertEquals(timeline.canvas().arrowPoints(new TimelineModel.Arrow(end, 0, end, 0, 0, 0, -1, null))[0], p[2],
                        "and ends when the receiver runs with it on its CPU");
                assertTrue(p[1] != p[3], "from one CPU lane to the other");
                if (a.arrive() > a.receive()) later++;
            } else {
                local++;
                assertNull(p, "an IPC within one processor stays off the CPU lanes");
            }
        }
        assertEquals(100, crossing);
        assertTrue(later > 0, "a cross-processor wake-up takes time (an IPI): the CPU arrows slope");
        assertTrue(local >= 100, "the local pair's IPCs: " + local);
        UiTools.screenshot(page, timeline, "timeline-two-cpus");
        // Zoomed in on one crossing IPC, its CPU arrow is on screen and selectable.
        int first = -1;
        for (int i = 0; i < m.arrows().size() && first < 0; i++) if (m.arrows().get(i).crossesCpus()) first = i;
        timeline.reveal(m.arrows().get(first).message());
        assertEquals(first, timeline.canvas().selectedArrow());
        int[] p = timeline.canvas().cpuArrowPoints(m.arrows().get(first));
        assertEquals(first, timeline.canvas().arrowAt((p[0] + p[2]) / 2, (p[1] + p[3]) / 2), "a click on the CPU arrow selects the IPC");
        UiTools.screenshot(page, timeline, "timeline-two-cpus-zoomed");
    }

    private static int column(Table t, String header) {
        for (int i = 0; i < t.getColumnCount(); i++) if (t.getColumn(i).getText().equals(header)) return i;
        throw new AssertionError("no column " + header);
    }
}
