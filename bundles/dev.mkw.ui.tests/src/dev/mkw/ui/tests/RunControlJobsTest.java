package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.mkw.ui.run.SimulationSession;
import dev.mkw.ui.views.RunControlView;

/**
 * Issue 19: Run Control's step buttons ran the simulation on the UI thread, so a long step froze
 * the workbench. Pressed as a user presses them, they now return at once and the step runs in a
 * job on another thread.
 */
class RunControlJobsTest {

    @Test
    void stepButtonsRunTheSimulationInAJobOffTheUiThread() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        RunControlView control = (RunControlView) page.showView(RunControlView.ID);
        control.fileField().setText(example("ping-pong.mkw").toString());
        control.start();
        SimulationSession s = control.session();
        assertEquals(SimulationSession.State.PAUSED, s.state());

        AtomicReference<Thread> ranOn = new AtomicReference<>();
        JobChangeAdapter listener = new JobChangeAdapter() {
            @Override public void running(IJobChangeEvent event) {
                if (event.getJob().getName().startsWith("MKW: stepping")) ranOn.compareAndSet(null, Thread.currentThread());
            }
        };
        Job.getJobManager().addJobChangeListener(listener);
        try {
            find(control, Spinner.class, null).setSelection(200_000);
            press(find(control, Button.class, "Step cycles"));
            Job job = control.lastJob();
            assertNotNull(job, "the step was handed to a job");
            UiTools.waitFor(() -> job.getState() == Job.NONE, 60_000);
            assertEquals(200_000, s.cycle(), "the job advanced the run by exactly the cycles asked for");
            assertEquals(SimulationSession.State.PAUSED, s.state());
            assertNotNull(ranOn.get(), "the job ran");
            assertNotSame(Display.getDefault().getThread(), ranOn.get(), "the step ran off the UI thread");

            press(find(control, Button.class, "Step events"));
            Job events = control.lastJob();
            assertNotSame(job, events, "every press is a job of its own");
            UiTools.waitFor(() -> events.getState() == Job.NONE, 60_000);
            assertTrue(s.cycle() > 200_000, "stepping events moved on: " + s.cycle());

            press(find(control, Button.class, "Stop"));
            UiTools.waitFor(() -> control.lastJob().getState() == Job.NONE, 60_000);
            assertEquals(SimulationSession.State.FINISHED, s.state());
        } finally {
            Job.getJobManager().removeJobChangeListener(listener);
        }
    }

    private static void press(Button b) {
        b.notifyListeners(SWT.Selection, null);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Control> T find(RunControlView view, Class<T> type, String text) {
        Control root = view.fileField().getParent();
        java.util.ArrayDeque<Control> todo = new java.util.ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Control c = todo.poll();
            if (type.isInstance(c) && (text == null || c instanceof Button b && text.equals(b.getText()))) return (T) c;
            if (c instanceof Composite comp) for (Control child : comp.getChildren()) todo.add(child);
        }
        throw new AssertionError("no " + type.getSimpleName() + " " + text + " in Run Control");
    }

    private static Path example(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/scenarios"))) p = p.getParent();
        return p.resolve("examples/scenarios").resolve(name);
    }
}
