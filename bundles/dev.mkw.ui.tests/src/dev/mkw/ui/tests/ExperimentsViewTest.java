package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;

import dev.mkw.ui.experiments.ExperimentJob;
import dev.mkw.ui.experiments.ExperimentLaunchShortcut;
import dev.mkw.ui.experiments.ExperimentsView;

/**
 * Issue 22 item 5: the Experiments view lists the workspace's experiments, runs one as a job
 * with progress, and shows its verdicts and plot; "Run As > MKW Experiment" runs one there.
 */
class ExperimentsViewTest {

    @Test
    void theViewListsRunsAndShowsAnExperiment() throws Exception {
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject("experiments-tests");
        if (!p.exists()) p.create(null);
        if (!p.isOpen()) p.open(null);
        IFolder dir = p.getFolder("fastpath");
        if (!dir.exists()) dir.create(true, true, null);
        Path example = Path.of(System.getProperty("mkw.home", "../..")).resolve("examples/experiments/fastpath");
        for (String f : new String[] {"experiment.mkwx", "ping-pong.mkw"}) {
            var file = dir.getFile(f);
            if (!file.exists()) file.create(new ByteArrayInputStream(Files.readAllBytes(example.resolve(f))), true, null);
        }
        IWorkbenchPage page = ProfileViewsTest.page();
        ExperimentsView view = (ExperimentsView) page.showView(ExperimentsView.ID);
        UiTools.waitFor(() -> view.experimentPaths().contains("/experiments-tests/fastpath"), 5000);
        assertTrue(view.experimentPaths().contains("/experiments-tests/fastpath"), view.experimentPaths().toString());

        ExperimentJob job = view.run(dir, true);
        UiTools.waitFor(() -> job.getResult() != null && view.statusText().contains("claims reproduced"), 120_000);
        assertEquals(org.eclipse.core.runtime.IStatus.OK, job.getResult().getSeverity());
        assertEquals(java.util.List.of("fastpath: reproduced"), view.claimRows(), view.statusText());
        Rectangle plot = view.plotBounds();
        assertNotNull(plot, "the plot is shown");
        assertEquals(800, plot.width);
        assertTrue(dir.getFolder("report").getFile("report.html").exists(), "the report is in the workspace, refreshed");
        UiTools.screenshot(page, view, "experiments-view");

        // Run As > MKW Experiment on the experiment file runs it in the view again.
        dir.getFolder("report").delete(true, null);
        new ExperimentLaunchShortcut().launch(new StructuredSelection(dir.getFile("experiment.mkwx")), "run");
        UiTools.waitFor(() -> dir.getFolder("report").getFile("plot.png").exists() && view.statusText().contains("claims reproduced"), 120_000);
        assertTrue(dir.getFolder("report").getFile("plot.png").exists(), view.statusText());
    }
}
