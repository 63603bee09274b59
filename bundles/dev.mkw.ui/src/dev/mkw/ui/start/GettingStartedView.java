package dev.mkw.ui.start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;

import dev.mkw.ui.run.ScenarioRun;
import dev.mkw.ui.views.KernelPathsView;
import dev.mkw.ui.views.ThreadsView;

/**
 * A walk through the first scenario, step by step, each with the action that does it: open
 * the L3 ping-pong example, run it, read the Threads and Kernel Paths views, then run it with
 * two scheduling variants and compare. It plays the part of a cheat sheet (the cheat-sheet
 * framework is not in MKW's target platform) and is reachable from the MKW menu.
 */
public final class GettingStartedView extends ViewPart {
    public static final String ID = "dev.mkw.ui.views.gettingStarted";

    private record Step(String title, String text, String action) {}

    private static final List<Step> STEPS = List.of(
            new Step("Open the first example",
                    "ping-pong.mkw repeats the experiment behind Liedtke's L3 figure: short IPC round trips between two address "
                            + "spaces on an i486 at 50 MHz. It is copied into the project \"MKW Examples\" and opened in the editor.",
                    "Open ping-pong.mkw"),
            new Step("Run it", "The simulator runs the scenario as a job; the MKW console prints the report and every view shows the run.",
                    "Run ping-pong.mkw"),
            new Step("Read the Threads view", "Each thread's state, priority, partner and the cycles it spent in user code and in the kernel.",
                    "Show Threads"),
            new Step("Read the Kernel Paths view",
                    "Cycles per kernel path: ipc.fastpath carries the round trips; compare its mean with the published ~172-250 cycles.",
                    "Show Kernel Paths"),
            new Step("Compare two variants",
                    "Run ping-pong with lazy scheduling, then with Benno scheduling: the profile views show both runs side by side.",
                    "Run lazy, then Benno"));

    private final List<Label> marks = new ArrayList<>();
    private final boolean[] done = new boolean[STEPS.size()];
    private Label message;
    private IFile file;

    @Override
    public void createPartControl(Composite parent) {
        ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        Composite body = new Composite(scroll, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        Label title = new Label(body, SWT.WRAP);
        title.setText("Getting started: your first experiment");
        title.setFont(JFaceResources.getBannerFont());
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        for (int i = 0; i < STEPS.size(); i++) addStep(body, i);
        message = new Label(body, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        scroll.setContent(body);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.addListener(SWT.Resize, e -> {
            int width = scroll.getClientArea().width;
            scroll.setMinSize(body.computeSize(Math.max(width, 200), SWT.DEFAULT));
        });
    }

    private void addStep(Composite body, int i) {
        Step s = STEPS.get(i);
        Label mark = new Label(body, SWT.NONE);
        mark.setText("  ");
        mark.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false, 1, 3));
        marks.add(mark);
        Label heading = new Label(body, SWT.WRAP);
        heading.setText((i + 1) + ". " + s.title());
        heading.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Label text = new Label(body, SWT.WRAP);
        text.setText(s.text());
        GridData wrap = new GridData(SWT.FILL, SWT.TOP, true, false);
        wrap.widthHint = 200;
        text.setLayoutData(wrap);
        Link link = new Link(body, SWT.NONE);
        link.setText("<a>" + s.action() + "</a>");
        link.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        link.addListener(SWT.Selection, e -> perform(i));
    }

    /** Do step {@code i} (0-based), as its link does. Runs go to a job; the step is marked when it succeeded. */
    public void perform(int i) {
        try {
            IWorkbenchPage page = getSite().getPage();
            switch (i) {
                case 0 -> {
                    file = FirstScenario.example("ping-pong");
                    IDE.openEditor(page, file);
                    done(i, "Opened " + file.getFullPath() + ".");
                }
                case 1 -> run(i, List.of(List.of()), "Ran ping-pong.mkw: see the MKW console and the views.");
                case 2 -> {
                    page.showView(ThreadsView.ID);
                    done(i, "The Threads view shows client.ping and server.pong.");
                }
                case 3 -> {
                    page.showView(KernelPathsView.ID);
                    done(i, "Kernel Paths: the table and the chart of cycles per path.");
                }
                case 4 -> run(i, List.of(List.of("kernel.scheduling=lazy"), List.of("kernel.scheduling=benno")),
                        "Ran lazy, then Benno: the Kernel Paths chart shows 'current' (Benno) beside 'previous' (lazy).");
                default -> throw new IllegalArgumentException("no step " + (i + 1));
            }
        } catch (Exception e) {
            message.setText("Step " + (i + 1) + " failed: " + e.getMessage());
            message.getParent().layout(true, true);
        }
    }

    /** Run ping-pong once per settings list, one after the other, in a job. */
    private void run(int step, List<List<String>> runs, String doneText) throws Exception {
        if (file == null) file = FirstScenario.example("ping-pong");
        Path path = file.getLocation().toFile().toPath();
        Display display = getSite().getShell().getDisplay();
        Job job = new Job("MKW: getting started, step " + (step + 1)) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    for (List<String> settings : runs) ScenarioRun.run(path, settings, monitor::isCanceled);
                    display.asyncExec(() -> GettingStartedView.this.done(step, doneText));
                } catch (ScenarioRun.Refused e) {
                    display.asyncExec(() -> GettingStartedView.this.failed(step, e.getMessage()));
                }
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
    }

    private void done(int i, String text) {
        if (marks.get(i).isDisposed()) return;
        done[i] = true;
        marks.get(i).setText("\u2713");
        message.setText(text);
        message.getParent().layout(true, true);
    }

    private void failed(int i, String why) {
        if (message.isDisposed()) return;
        message.setText("Step " + (i + 1) + " failed: " + why);
        message.getParent().layout(true, true);
    }

    /** Whether step {@code i} (0-based) has succeeded (for tests). */
    public boolean isDone(int i) {
        return done[i];
    }

    /** The file the steps work on, once step 1 ran (for tests). */
    public IFile file() {
        return file;
    }

    @Override
    public void setFocus() {
        marks.get(0).getParent().setFocus();
    }
}
