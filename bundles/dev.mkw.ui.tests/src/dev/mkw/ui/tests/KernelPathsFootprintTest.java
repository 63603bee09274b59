package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;

import dev.mkw.sim.report.IpcFootprint;
import dev.mkw.ui.views.KernelPathsView;

/** The Kernel Paths view states the run's IPC cache footprint, code and data, as the report has it. */
class KernelPathsFootprintTest {

    @Test
    void theStatusLineGivesTheFootprint() throws Exception {
        IWorkbenchPage page = ProfileViewsTest.page();
        KernelPathsView view = (KernelPathsView) page.showView(KernelPathsView.ID);
        IpcFootprint f = ProfileViewsTest.pingPong().report().ipcFootprint();
        assertTrue(f.measured() && f.codeBytes() > 0 && f.dataBytes() > 0, f.toString());
        String expected = String.format("IPC cache footprint %,d bytes (code %,d, data %,d) of one short IPC (ipc.fastpath)", f.bytes(), f.codeBytes(), f.dataBytes());
        UiTools.waitFor(() -> view.statusText().contains(expected), 5000);
        assertTrue(view.statusText().contains(expected), view.statusText());
        UiTools.screenshot(page, view, "kernel-paths-footprint");
    }
}
