package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.mkw.sim.report.CacheLevelCounters;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.ThreadStats;
import dev.mkw.ui.MkwPerspective;
import dev.mkw.ui.charts.BarChartData;
import dev.mkw.ui.charts.HistogramData;
import dev.mkw.ui.run.RunResults;
import dev.mkw.ui.run.ScenarioRun;
import dev.mkw.ui.views.CacheTlbView;
import dev.mkw.ui.views.CpuShareView;
import dev.mkw.ui.views.IpcLatencyView;
import dev.mkw.ui.views.KernelPathsView;

/**
 * The profile charts after a ping-pong run show that run's numbers (bars per kernel path,
 * histogram total = IPC count, hits and misses per level, cycles per thread), and after two
 * runs the previous one beside it with both labels. Each view leaves a screenshot.
 */
class ProfileViewsTest {

    static IWorkbenchPage page() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(MkwPerspective.ID));
        return page;
    }

    static Path example(String name) {
        return Path.of(System.getProperty("mkw.home", "../..")).resolve("examples/scenarios").resolve(name);
    }

    /** Run ping-pong with {@code settings} and return the published run. */
    static RunResults.Run pingPong(String... settings) throws Exception {
        return ScenarioRun.run(example("ping-pong.mkw"), List.of(settings), () -> false);
    }

    @Test
    void kernelPathChartHasABarPerPathThatRan() throws Exception {
        IWorkbenchPage page = page();
        KernelPathsView view = (KernelPathsView) page.showView(KernelPathsView.ID);
        RunReport r = pingPong().report();
        List<KernelPathStats> ran = r.kernelPaths().values().stream().filter(p -> p.total() > 0).toList();
        UiTools.waitFor(() -> view.chart().data().groups().size() == ran.size()
                && view.chart().data().series().get(0).contains("ping-pong.mkw"), 5000);
        BarChartData d = view.chart().data();
        assertTrue(ran.size() >= 2, "ping-pong runs several kernel paths: " + ran);
        assertEquals(ran.size(), d.groups().size(), "one bar group per kernel path with cycles");
        assertEquals("ipc.fastpath", d.groups().get(0).label(), "the dearest path first");
        for (BarChartData.Group g : d.groups()) {
            assertEquals(r.kernelPaths().get(g.label()).total(), g.bars().get(0).total(), g.label() + "'s bar is its cycles");
        }
        UiTools.screenshot(page, view, "kernel-paths-chart");
    }

    @Test
    void ipcHistogramCountsEveryIpc() throws Exception {
        IWorkbenchPage page = page();
        IpcLatencyView view = (IpcLatencyView) page.showView(IpcLatencyView.ID);
        RunReport r = pingPong().report();
        UiTools.waitFor(() -> view.chart().data() != null && view.chart().data().total(0) == r.ipcCount(), 5000);
        HistogramData d = view.chart().data();
        assertEquals(2032, r.ipcCount(), "1000 calls and 1000 replies, 16 page faults and sigma0's 16 map replies");
        assertEquals(r.ipcCount(), d.total(0), "the bars add up to the report's IPC count");
        assertEquals(r.ipcLatency().buckets().size(), d.slots().stream().filter(s -> s.counts()[0] > 0).count());
        String summary = d.summaries().get(0);
        assertTrue(summary.contains(String.format("count %,d", r.ipcCount())) && summary.contains(String.format("min %,d", r.ipcLatency().min()))
                && summary.contains(String.format("max %,d", r.ipcLatency().max())), summary);
        UiTools.screenshot(page, view, "ipc-latency");
    }

    @Test
    void cacheChartStacksHitsAndMissesPerLevel() throws Exception {
        IWorkbenchPage page = page();
        CacheTlbView view = (CacheTlbView) page.showView(CacheTlbView.ID);
        RunReport r = pingPong().report();
        UiTools.waitFor(() -> view.chart().data().groups().size() == 1 + r.cacheTotals().size()
                && view.chart().data().groups().get(0).bars().get(0).values()[0] == r.tlbHits(), 5000);
        BarChartData d = view.chart().data();
        assertEquals(List.of("hits", "misses"), d.segments());
        assertEquals("TLB", d.groups().get(0).label());
        assertTrue(r.tlbHits() + r.tlbMisses() > 0, "ping-pong touches memory");
        assertEquals(r.tlbMisses(), d.groups().get(0).bars().get(0).values()[1]);
        int i = 1;
        for (var level : r.cacheTotals().entrySet()) {
            BarChartData.Group g = d.groups().get(i++);
            CacheLevelCounters c = level.getValue();
            assertEquals(level.getKey(), g.label());
            assertEquals(c.hits(), g.bars().get(0).values()[0]);
            assertEquals(c.misses(), g.bars().get(0).values()[1]);
            assertTrue(g.bars().get(0).note().contains(String.format("miss %.2f%%", 100 * c.missRate())), g.bars().get(0).note());
        }
        UiTools.screenshot(page, view, "cache-tlb");
    }

    @Test
    void cpuShareHasUserAndKernelCyclesPerThreadAndIdle() throws Exception {
        IWorkbenchPage page = page();
        CpuShareView view = (CpuShareView) page.showView(CpuShareView.ID);
        RunReport r = pingPong().report();
        UiTools.waitFor(() -> view.chart().data().groups().size() == r.threads().size() + 1
                && view.chart().data().series().get(0).contains("ping-pong"), 5000);
        BarChartData d = view.chart().data();
        assertEquals(List.of("user", "kernel", "idle"), d.segments());
        for (ThreadStats t : r.threads().values()) {
            BarChartData.Bar b = d.groups().stream().filter(g -> g.label().equals(t.name())).findFirst().orElseThrow().bars().get(0);
            assertEquals(t.userCycles(), b.values()[0], t.name() + " user");
            assertEquals(t.kernelCycles(), b.values()[1], t.name() + " kernel");
            assertTrue(t.kernelCycles() > 0, t.toString());
        }
        assertTrue(r.threads().get("client.ping").userCycles() > 0, "ping computes in user mode; pong only waits in the kernel");
        BarChartData.Group idle = d.groups().get(d.groups().size() - 1);
        assertEquals("idle", idle.label());
        assertEquals(r.cyclesOf(RunReport.AccountKind.IDLE, -1), idle.bars().get(0).values()[2]);
        UiTools.screenshot(page, view, "cpu-share");
    }

    @Test
    void profileViewsCompareTheCurrentRunWithThePreviousOne() throws Exception {
        IWorkbenchPage page = page();
        KernelPathsView paths = (KernelPathsView) page.showView(KernelPathsView.ID);
        CpuShareView share = (CpuShareView) page.showView(CpuShareView.ID);
        RunReport lazy = pingPong("kernel.scheduling=lazy").report();
        RunReport benno = pingPong("kernel.scheduling=benno").report();
        assertEquals(lazy, RunResults.get().previous().report(), "the previous finished run is kept");
        UiTools.waitFor(() -> paths.chart().data().series().size() == 2 && share.chart().data().series().size() == 2
                && share.chart().data().series().get(0).contains("benno") && paths.chart().data().series().get(0).contains("benno"), 5000);
        BarChartData d = paths.chart().data();
        assertEquals(List.of("current: ping-pong.mkw {kernel.scheduling=benno}", "previous: ping-pong.mkw {kernel.scheduling=lazy}"), d.series());
        for (BarChartData.Group g : d.groups()) {
            assertEquals(2, g.bars().size(), g.label() + ": a bar per run");
            assertEquals(benno.kernelPaths().containsKey(g.label()) ? benno.kernelPaths().get(g.label()).total() : 0, g.bars().get(0).total());
            assertEquals(lazy.kernelPaths().containsKey(g.label()) ? lazy.kernelPaths().get(g.label()).total() : 0, g.bars().get(1).total());
        }
        assertEquals(d.series(), share.chart().data().series(), "every profile view labels both runs the same");
        UiTools.screenshot(page, paths, "kernel-paths-lazy-vs-benno");
        UiTools.screenshot(page, share, "cpu-share-lazy-vs-benno");
    }
}
