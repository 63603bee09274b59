package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.kernel.inspect.MessageInfo;
import dev.mkw.sim.Trace;
import dev.mkw.sim.export.StatsCsvExporter;
import dev.mkw.sim.report.RunReport;
import dev.mkw.ui.charts.Intervals;
import dev.mkw.ui.charts.TimelineCanvas;
import dev.mkw.ui.charts.TimelineModel;
import dev.mkw.ui.prefs.MkwPreferencePage;
import dev.mkw.ui.prefs.MkwPreferences;
import dev.mkw.ui.run.RunResults;
import dev.mkw.ui.views.AnalysesView;
import dev.mkw.ui.views.AnalysisOutcome;
import dev.mkw.ui.views.ExportActions;
import dev.mkw.ui.views.MessageLogView;
import dev.mkw.ui.views.TimelineView;
import dev.mkw.test.support.MiniJson;

/**
 * The Timeline has a lane per CPU and per thread and an arrow per IPC, and follows the
 * Message Log's selection both ways; a run without a trace says so; exports write files that
 * parse; the Analyses view shows every analysis and a broken contribution as an error row.
 */
class TimelineAndAnalysesTest {

    private static TimelineModel waitForTimeline(TimelineView view, TimelineModel old, RunResults.Run run) {
        UiTools.waitFor(() -> view.canvas().model() != null && view.canvas().model() != old, 10_000);
        TimelineModel m = view.canvas().model();
        assertNotNull(m, "the timeline of " + run.label() + " was built");
        return m;
    }

    @Test
    void timelineHasLanesPerCpuAndThreadAndFollowsTheMessageLog() throws Exception {
        IWorkbenchPage page = ProfileViewsTest.page();
        MessageLogView log = (MessageLogView) page.showView(MessageLogView.ID);
        TimelineView timeline = (TimelineView) page.showView(TimelineView.ID);
        TimelineModel old = timeline.canvas().model();
        RunResults.Run run = ProfileViewsTest.pingPong();
        RunReport r = run.report();
        TimelineModel m = waitForTimeline(timeline, old, run);
        assertFalse(timeline.showsNoTraceMessage());
        assertEquals(r.threads().size(), m.threadLanes(), "a lane per thread");
        assertEquals(r.cpus() + r.threads().size(), m.lanes().size(), "and a lane per CPU");
        assertEquals(run.messages().size(), m.arrows().size(), "an arrow per IPC in the trace");
        assertTrue(m.arrows().stream().allMatch(a -> a.receive() >= a.send()), "every send in ping-pong is received");
        TimelineModel.Lane cpu = m.lanes().get(0);
        assertEquals("cpu0", cpu.name());
        assertEquals(m.last() - m.first(), cpu.intervals().cycles(Intervals.USER) + cpu.intervals().cycles(Intervals.KERNEL)
                + cpu.intervals().cycles(Intervals.IDLE), "the CPU lane covers the traced time once: user, kernel or idle");
        for (TimelineModel.Lane lane : m.lanes().subList(1, m.lanes().size())) {
            var stats = r.threads().get(lane.name());
            assertTrue(lane.intervals().cycles(Intervals.KERNEL) > 0, lane.name() + " spends time in the kernel");
            assertEquals(stats.userCycles() > 0, lane.intervals().cycles(Intervals.USER) > 0, lane.name() + " runs in user mode iff its statistics say so");
        }
        UiTools.screenshot(page, timeline, "timeline");

        // Zoom: the buttons' zoom(2) halves the visible span; the wheel zooms in around the pointer.
        TimelineCanvas canvas = timeline.canvas();
        long span = canvas.visibleTo() - canvas.visibleFrom();
        canvas.zoom(2);
        assertEquals(span / 2.0, canvas.visibleTo() - canvas.visibleFrom(), span * 0.01, "zoom in halves the span");
        Event wheel = new Event();
        wheel.x = 400;
        wheel.count = 3;
        canvas.notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertTrue(canvas.visibleTo() - canvas.visibleFrom() < span / 2, "the wheel zooms in further");
        // Scroll: moving the horizontal scrollbar moves the window, at the same zoom.
        long before = canvas.visibleFrom(), width = canvas.visibleTo() - canvas.visibleFrom();
        canvas.getHorizontalBar().setSelection(canvas.getHorizontalBar().getMaximum() / 2);
        canvas.getHorizontalBar().notifyListeners(SWT.Selection, new Event());
        assertTrue(canvas.visibleFrom() > before, "scrolled right: " + before + " -> " + canvas.visibleFrom());
        assertEquals(width, canvas.visibleTo() - canvas.visibleFrom(), 2, "same zoom");
        canvas.zoomToFit();
        assertEquals(m.first(), canvas.visibleFrom(), "fit shows the whole run again");

        // Message Log -> Timeline: the selected message's arrow is highlighted and in view.
        page.activate(log); // behind the Timeline's tab it lists no rows
        UiTools.waitFor(() -> log.viewer().getTable().getItemCount() == run.messages().size(), 5000);
        MessageInfo picked = run.messages().get(1234);
        log.viewer().setSelection(new StructuredSelection(picked), true);
        UiTools.pump(200);
        assertEquals(m.arrowOf(picked), timeline.canvas().selectedArrow(), "the message's arrow is selected");
        assertTrue(timeline.canvas().visibleFrom() <= picked.cycle() && picked.cycle() <= timeline.canvas().visibleTo(),
                "scrolled to cycle " + picked.cycle() + ": " + timeline.canvas().visibleFrom() + ".." + timeline.canvas().visibleTo());
        UiTools.screenshot(page, timeline, "timeline-selected-message");

        // Timeline -> Message Log: clicking an arrow selects its row.
        int target = m.arrowOf(run.messages().get(40));
        timeline.canvas().reveal(target);
        int[] p = timeline.canvas().arrowPoints(m.arrows().get(target));
        Event click = new Event();
        click.x = (p[0] + p[2]) / 2;
        click.y = (p[1] + p[3]) / 2;
        click.button = 1;
        timeline.canvas().notifyListeners(SWT.MouseDown, click);
        UiTools.pump(200);
        Object row = ((IStructuredSelection) log.viewer().getSelection()).getFirstElement();
        assertEquals(run.messages().get(40), row, "the clicked IPC's row is selected in the Message Log");
    }

    @Test
    void theTracePreferenceIsUsedAndAnUntracedRunSaysSoInTheTimeline() throws Exception {
        IWorkbenchPage page = ProfileViewsTest.page();
        TimelineView timeline = (TimelineView) page.showView(TimelineView.ID);
        assertNotNull(PlatformUI.getWorkbench().getPreferenceManager().find(MkwPreferencePage.ID), "Window > Preferences > MKW");
        try {
            MkwPreferences.setTrace(MkwPreferences.RING, 500);
            assertEquals(MkwPreferences.RING, InstanceScope.INSTANCE.getNode(MkwPreferences.NODE).get(MkwPreferences.TRACE_MODE, ""), "stored");
            RunReport ring = ProfileViewsTest.pingPong().report();
            assertEquals(Trace.Mode.RING, ring.trace().mode());
            assertEquals(500, ring.trace().events().size(), "the ring keeps the preference's 500 events");

            MkwPreferences.setTrace(MkwPreferences.OFF, 500);
            RunResults.Run off = ProfileViewsTest.pingPong();
            assertEquals(Trace.Mode.OFF, off.report().trace().mode());
            UiTools.waitFor(timeline::showsNoTraceMessage, 5000);
            assertTrue(timeline.showsNoTraceMessage(), "a label, not an empty canvas");
            assertTrue(timeline.noTraceText().startsWith("Tracing was off for this run"), timeline.noTraceText());
            UiTools.screenshot(page, timeline, "timeline-no-trace");
        } finally {
            MkwPreferences.setTrace(MkwPreferences.DEFAULT_TRACE_MODE, MkwPreferences.DEFAULT_TRACE_RING);
        }
        RunReport back = ProfileViewsTest.pingPong().report();
        assertEquals(Trace.Mode.RING, back.trace().mode(), "the default is a ring again");
    }

    @Test
    void exportsWriteFilesThatParse(@TempDir Path dir) throws Exception {
        IWorkbenchPage page = ProfileViewsTest.page();
        TimelineView timeline = (TimelineView) page.showView(TimelineView.ID);
        List<String> labels = new ArrayList<>();
        for (IContributionItem i : timeline.getViewSite().getActionBars().getMenuManager().getItems()) {
            if (i instanceof ActionContributionItem a) labels.add(a.getAction().getText());
        }
        assertEquals(List.of("Export Perfetto trace...", "Export statistics CSV..."), labels, "the view menu offers both exports");

        RunReport r = ProfileViewsTest.pingPong().report();
        Path trace = dir.resolve("trace.json");
        ExportActions.export(ExportActions.PERFETTO, r, trace);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(Files.readString(trace));
        List<?> events = (List<?>) json.get("traceEvents");
        long complete = events.stream().filter(e -> "X".equals(((Map<?, ?>) e).get("ph"))).count();
        long flows = events.stream().filter(e -> "s".equals(((Map<?, ?>) e).get("ph"))).count();
        assertTrue(complete > 0, "user and kernel slices");
        assertEquals(r.ipcCount(), flows, "a flow per IPC");

        Path csv = dir.resolve("stats.csv");
        ExportActions.export(ExportActions.CSV, r, csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", StatsCsvExporter.COLUMNS), lines.get(0));
        assertEquals(1 + r.kernelPaths().size() + r.threads().size(), lines.size(), "a row per path and per thread");
        for (String l : lines) assertEquals(StatsCsvExporter.COLUMNS.size(), l.split(",", -1).length, l);
    }

    @Test
    void analysesViewShowsEveryAnalysisAndABrokenOneAsAnErrorRow() throws Exception {
        IWorkbenchPage page = ProfileViewsTest.page();
        AnalysesView view = (AnalysesView) page.showView(AnalysesView.ID);
        RunResults.Run run = ProfileViewsTest.pingPong();
        UiTools.waitFor(() -> view.outcomes().size() >= 5 && view.tables().size() == view.outcomes().size(), 10_000);
        List<AnalysisOutcome> out = view.outcomes();
        AnalysisOutcome broken = out.stream().filter(o -> o.id().equals(ThrowingAnalysis.ID)).findFirst().orElseThrow();
        assertTrue(broken.failed());
        assertEquals("dev.mkw.ui.tests", broken.origin(), "the contributing plugin is named");
        assertTrue(broken.error().contains("'" + ThrowingAnalysis.ID + "' from plugin dev.mkw.ui.tests failed")
                && broken.error().contains("broken on purpose for " + run.report().scenario()), broken.error());
        int i = out.indexOf(broken);
        assertEquals(1, view.tables().get(i).getItemCount());
        assertEquals(broken.error(), view.tables().get(i).getItem(0).getText(0), "shown as an error row");
        for (String id : List.of("cache-tlb", "ipc-latency", "irq-latency", "kernel-paths")) {
            AnalysisOutcome o = out.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            assertFalse(o.failed(), id);
            assertEquals("built-in", o.origin());
            var table = view.tables().get(out.indexOf(o));
            if (o.result().rows().isEmpty()) {
                assertEquals(AnalysesView.NO_ROWS, table.getItem(0).getText(0), id + " says it found nothing");
            } else {
                assertEquals(o.result().rows().size(), table.getItemCount(), id + " rows");
                assertEquals(o.result().rows().get(0).get(0), table.getItem(0).getText(0), id + " first cell");
            }
        }
        AnalysisOutcome paths = out.stream().filter(x -> x.id().equals("kernel-paths")).findFirst().orElseThrow();
        assertEquals(run.report().kernelPaths().size(), paths.result().rows().size());
        UiTools.screenshot(page, view, "analyses");
    }
}
