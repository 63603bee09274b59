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
import dev.mkw.ui.run.ScenarioRun;
import dev.mkw.ui.views.KernelPathsView;
import dev.mkw.ui.views.ThreadsView;

/**
 * The workbench starts with the MKW perspective, its views show a real run, and a broken
 * scenario is refused with file:line:column while the file stays as it was. Each test
 * leaves a screenshot in target/screenshots.
 */
class WorkbenchSmokeTest {

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static Path example(String name) {
        return Path.of(System.getProperty("mkw.home", "../..")).resolve("examples/scenarios").resolve(name);
    }

    @Test
    void perspectiveShowsTheMkwViews() throws Exception {
        IWorkbenchPage page = page();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(MkwPerspective.ID));
        UiTools.pump(500);
        assertEquals(MkwPerspective.ID, page.getPerspective().getId());
        assertNotNull(page.findView(ThreadsView.ID), "Threads view in the MKW perspective");
        assertNotNull(page.findView(KernelPathsView.ID), "Kernel Paths view in the MKW perspective");
        UiTools.screenshot("mkw-perspective");
    }

    @Test
    void viewsShowARunOfTheFirstExample() throws Exception {
        IWorkbenchPage page = page();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(MkwPerspective.ID));
        ThreadsView threads = (ThreadsView) page.showView(ThreadsView.ID);
        KernelPathsView paths = (KernelPathsView) page.showView(KernelPathsView.ID);
        ScenarioRun.run(example("ping-pong.mkw"), () -> false);
        Table table = threads.viewer().getTable();
        UiTools.waitFor(() -> table.getItemCount() == 2, 5000);
        assertEquals("server.pong", table.getItem(0).getText(1));
        assertEquals("client.ping", table.getItem(1).getText(1));
        assertEquals("1000", table.getItem(1).getText(9), "ping sent 1000 calls");
        Table pathTable = paths.viewer().getTable();
        boolean fastpath = false;
        for (int i = 0; i < pathTable.getItemCount(); i++) fastpath |= pathTable.getItem(i).getText(0).equals("ipc.fastpath");
        assertTrue(fastpath, "the kernel-path table lists ipc.fastpath");
        page.activate(threads);
        UiTools.screenshot("threads-after-run");
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
