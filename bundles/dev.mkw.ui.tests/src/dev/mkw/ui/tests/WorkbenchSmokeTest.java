package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.ui.MkwPerspective;
import dev.mkw.ui.run.RunResults;
import dev.mkw.ui.run.ScenarioRun;
import dev.mkw.ui.run.SimulationSession;
import dev.mkw.ui.views.AddressSpacesView;
import dev.mkw.ui.views.CapabilitiesView;
import dev.mkw.ui.views.IrqsView;
import dev.mkw.ui.views.KernelPathsView;
import dev.mkw.ui.views.MessageLogView;
import dev.mkw.ui.views.RunControlView;
import dev.mkw.ui.views.ThreadsView;

/**
 * The workbench starts with the MKW perspective, its views show a real run, and a broken
 * scenario is refused with file:line:column while the file stays as it was. Each test
 * leaves a screenshot in target/screenshots.
 */
class WorkbenchSmokeTest {

    /** The active page, switched to the MKW perspective. */
    private static IWorkbenchPage page() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(MkwPerspective.ID));
        return page;
    }

    private static Path example(String name) {
        return Path.of(System.getProperty("mkw.home", "../..")).resolve("examples/scenarios").resolve(name);
    }

    @Test
    void perspectiveShowsTheMkwViews() throws Exception {
        IWorkbenchPage page = page();
        UiTools.pump(500);
        assertEquals(MkwPerspective.ID, page.getPerspective().getId());
        assertNotNull(page.findView(ThreadsView.ID), "Threads view in the MKW perspective");
        assertNotNull(page.findView(KernelPathsView.ID), "Kernel Paths view in the MKW perspective");
        UiTools.screenshot("mkw-perspective");
    }

    @Test
    void viewsShowARunOfTheFirstExample() throws Exception {
        IWorkbenchPage page = page();
        ThreadsView threads = (ThreadsView) page.showView(ThreadsView.ID);
        KernelPathsView paths = (KernelPathsView) page.showView(KernelPathsView.ID);
        ScenarioRun.run(example("ping-pong.mkw"), () -> false);
        Table table = threads.viewer().getTable();
        // The view refreshes asynchronously and may still show an earlier run: wait for this one.
        UiTools.waitFor(() -> table.getItemCount() == 3 && table.getItem(0).getText(1).equals("server.pong"), 5000);
        assertEquals("server.pong", table.getItem(0).getText(1));
        assertEquals("client.ping", table.getItem(1).getText(1));
        assertEquals("1016", table.getItem(1).getText(9), "ping sent 1000 calls and 16 page-fault IPCs to sigma0");
        assertEquals("sigma0", table.getItem(2).getText(1), "sigma0 is a thread like any other");
        assertEquals("CPU", table.getColumn(13).getText());
        assertEquals("0", table.getItem(1).getText(13), "the example's machine has one CPU: every thread on processor 0");
        Table pathTable = paths.viewer().getTable();
        boolean fastpath = false;
        for (int i = 0; i < pathTable.getItemCount(); i++) fastpath |= pathTable.getItem(i).getText(0).equals("ipc.fastpath");
        assertTrue(fastpath, "the kernel-path table lists ipc.fastpath");
        page.activate(threads);
        UiTools.screenshot("threads-after-run");
    }

    @Test
    void inspectViewsShowMappingsMessagesCapabilitiesAndIrqs() throws Exception {
        IWorkbenchPage page = page();
        AddressSpacesView spaces = (AddressSpacesView) page.showView(AddressSpacesView.ID);
        MessageLogView log = (MessageLogView) page.showView(MessageLogView.ID);
        ScenarioRun.run(example("ping-pong.mkw"), () -> false);
        Table mappings = spaces.viewer().getTable();
        // The views refresh asynchronously and may still show an earlier state: wait for this run's.
        UiTools.waitFor(() -> log.viewer().getTable().getItemCount() == 2032 && mappings.getItemCount() >= 16, 5000);
        assertTrue(mappings.getItemCount() >= 16, "client's touched pages: " + mappings.getItemCount());
        assertEquals("sigma0", mappings.getItem(mappings.getItemCount() - 1).getText(4), "derived from sigma0");
        int all = log.viewer().getTable().getItemCount();
        assertEquals(2032, all, "1000 calls and 1000 replies, 16 page faults and sigma0's 16 map replies");
        log.filterField().setText("Echo.request");
        UiTools.pump(200);
        assertEquals(1000, log.viewer().getTable().getItemCount(), "the filter keeps the requests");
        page.activate(log);
        UiTools.screenshot("message-log");

        CapabilitiesView caps = (CapabilitiesView) page.showView(CapabilitiesView.ID);
        ScenarioRun.run(example("capabilities.mkw"), () -> false);
        UiTools.waitFor(() -> caps.viewer().getTable().getItemCount() > 0 && caps.viewer().getTable().getItem(0).getText(2).equals("server.gate"), 5000);
        assertTrue(caps.viewer().getTable().getItem(0).getText(2).equals("server.gate"), caps.viewer().getTable().getItem(0).getText(2));

        IrqsView irqs = (IrqsView) page.showView(IrqsView.ID);
        ScenarioRun.run(example("irq-driver.mkw"), () -> false);
        UiTools.waitFor(() -> irqs.viewer().getTable().getItemCount() > 1 && irqs.viewer().getTable().getItem(1).getText(0).equals("4"), 5000);
        boolean uart = false;
        for (int i = 0; i < irqs.viewer().getTable().getItemCount(); i++) {
            var row = irqs.viewer().getTable().getItem(i);
            uart |= row.getText(0).equals("4") && Long.parseLong(row.getText(4)) > 0 && Long.parseLong(row.getText(5)) > 0;
        }
        assertTrue(uart, "IRQ 4 was raised and delivered (the driver detaches at its end)");
        page.activate(irqs);
        UiTools.screenshot("irqs");
    }

    @Test
    void runControlStartsPausedStepsAndResumes() throws Exception {
        IWorkbenchPage page = page();
        RunControlView control = (RunControlView) page.showView(RunControlView.ID);
        control.fileField().setText(example("ping-pong.mkw").toString());
        control.start();
        SimulationSession s = control.session();
        assertEquals(SimulationSession.State.PAUSED, s.state());
        assertEquals(0, RunResults.get().latest().report().cycles(), "paused before the first event");
        s.step(50);
        long afterEvents = RunResults.get().latest().report().cycles();
        assertTrue(afterEvents > 0 && s.state() == SimulationSession.State.PAUSED, "50 events: " + afterEvents);
        long before = s.cycle();
        s.stepCycles(20_000);
        assertEquals(before + 20_000, s.cycle(), "simulated time advanced by exactly 20 000 cycles");
        ThreadsView threads = (ThreadsView) page.showView(ThreadsView.ID);
        UiTools.waitFor(() -> threads.viewer().getTable().getItemCount() == 3, 5000);
        page.activate(control);
        UiTools.screenshot("run-control-paused");
        s.resume();
        assertEquals(SimulationSession.State.FINISHED, s.state());
        long stepped = RunResults.get().latest().report().cycles();
        long oneRun = ScenarioRun.run(example("ping-pong.mkw"), () -> false).report().cycles();
        assertEquals(oneRun, stepped, "stepping does not change the result: same cycles as one run");
    }

    @Test
    void aBrokenScenarioIsRefusedAndLeftUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.mkw");
        String text = "scenario Broken\nmachine preset i486_51\n";
        Files.writeString(file, text);
        ScenarioRun.Refused e = assertThrows(ScenarioRun.Refused.class, () -> ScenarioRun.run(file, () -> false));
        assertTrue(e.getMessage().contains("broken.mkw:2:16: error: unknown machine preset 'i486_51'; did you mean i486_50?"), e.getMessage());
        assertEquals(text, Files.readString(file), "the user's file is untouched");
        assertTrue(!PlatformUI.getWorkbench().isClosing(), "the workbench stays up");
    }
}
