package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.ResourceUtil;
import org.junit.jupiter.api.Test;

import dev.mkw.ui.run.RunResults;
import dev.mkw.ui.start.GettingStartedView;
import dev.mkw.ui.views.KernelPathsView;
import dev.mkw.ui.views.ThreadsView;

/** MKW > Getting Started walks a newcomer through the first experiment; each step's action does what it says. */
class GettingStartedTest {
    @Test
    void theWalkThroughOpensRunsShowsAndCompares() throws Exception {
        IWorkbenchPage page = ProfileViewsTest.page();
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("dev.mkw.ui.gettingStarted", null);
        GettingStartedView view = (GettingStartedView) page.findView(GettingStartedView.ID);
        assertNotNull(view, "MKW > Getting Started opens the view");

        view.perform(0);
        assertTrue(view.isDone(0));
        assertTrue(view.file().exists(), "ping-pong.mkw copied into the workspace");
        assertEquals("/MKW Examples/ping-pong.mkw", view.file().getFullPath().toString());
        IEditorPart editor = page.getActiveEditor();
        assertEquals(view.file(), ResourceUtil.getFile(editor.getEditorInput()), "and opened in the editor");

        view.perform(1);
        UiTools.waitFor(() -> view.isDone(1), 30_000);
        assertTrue(view.isDone(1), "the run finished");
        assertTrue(RunResults.get().latest().file().endsWith("ping-pong.mkw"), RunResults.get().latest().file());

        view.perform(2);
        ThreadsView threads = (ThreadsView) page.findView(ThreadsView.ID);
        Table table = threads.viewer().getTable();
        UiTools.waitFor(() -> table.getItemCount() == 3, 5000);
        assertEquals("server.pong", table.getItem(0).getText(1));
        assertEquals("client.ping", table.getItem(1).getText(1));

        view.perform(3);
        assertTrue(page.isPartVisible(page.findView(KernelPathsView.ID)), "Kernel Paths shown");

        view.perform(4);
        UiTools.waitFor(() -> view.isDone(4), 60_000);
        assertTrue(view.isDone(4), "both variant runs finished");
        assertTrue(RunResults.get().latest().label().contains("kernel.scheduling=benno"), RunResults.get().latest().label());
        assertTrue(RunResults.get().previous().label().contains("kernel.scheduling=lazy"), RunResults.get().previous().label());

        page.showView(GettingStartedView.ID);
        UiTools.screenshot(page, view, "getting-started");
    }
}
