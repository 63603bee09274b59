package dev.mkw.ui.views;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import dev.mkw.ui.run.RunResults;
import dev.mkw.ui.run.ScenarioRun;
import dev.mkw.ui.run.SimulationSession;

/**
 * Run control: start a scenario paused, step N events or N cycles, resume, pause, stop. The
 * inspect and profile views refresh at every pause, step and at the end.
 *
 * <p>Every action that advances or ends the simulation runs in a {@link Job}, never on the UI
 * thread: a step of 100 million cycles, or a stop that waits for a running step to let go of
 * the session, would otherwise freeze the workbench. The jobs share one scheduling rule, so
 * they run one after the other in the order they were asked for; Pause is a request the
 * running job sees at its next event.
 */
public final class RunControlView extends ViewPart {
    public static final String ID = "dev.mkw.ui.views.runControl";
    private Text file;
    private Spinner count;
    private Label status;
    private SimulationSession session;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        new Label(parent, SWT.NONE).setText("Scenario:");
        file = new Text(parent, SWT.BORDER);
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        RunResults.Run last = RunResults.get().latest();
        if (last != null) file.setText(last.file());
        // The buttons wrap in a narrow view instead of being cut off.
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.center = true;
        buttons.setLayout(row);
        button(buttons, "Start paused", this::start);
        count = new Spinner(buttons, SWT.BORDER);
        count.setValues(1000, 1, 100_000_000, 0, 100, 10_000);
        button(buttons, "Step events", () -> { int n = count.getSelection(); inJob("stepping " + n + " events", s -> s.step(n)); });
        button(buttons, "Step cycles", () -> { int n = count.getSelection(); inJob("stepping " + n + " cycles", s -> s.stepCycles(n)); });
        button(buttons, "Resume", this::resume);
        button(buttons, "Pause", () -> { if (session != null) session.pause(); });
        button(buttons, "Stop", () -> inJob("stopping", SimulationSession::stop));
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        status.setText("No simulation: name a .mkw file and press Start paused.");
    }

    private static void button(Composite parent, String label, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(label);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** Start the scenario in the file field, paused before its first event. */
    public void start() {
        try {
            session = SimulationSession.start(Path.of(file.getText().trim()), List.of());
            showState();
        } catch (ScenarioRun.Refused e) {
            MessageDialog.openError(getSite().getShell(), "MKW: scenario refused", e.getMessage());
        } catch (RuntimeException e) {
            MessageDialog.openError(getSite().getShell(), "MKW", "Cannot start " + file.getText() + ": " + e.getMessage());
        }
    }

    /**
     * Run {@code action} on the session in a job (after any job asked for earlier), and show
     * the state when it is done. Returns at once.
     */
    private void inJob(String what, java.util.function.Consumer<SimulationSession> action) {
        SimulationSession s = session;
        if (s == null) return;
        Job job = Job.create("MKW: " + what, monitor -> {
            action.accept(s);
            if (!status.isDisposed()) status.getDisplay().asyncExec(this::showState);
            return Status.OK_STATUS;
        });
        job.setRule(sessionRule);
        lastJob = job;
        job.schedule();
        status.setText(what + "...");
    }

    /** Resume in a job (the UI stays responsive; Pause interrupts it). */
    private void resume() {
        inJob("running", SimulationSession::resume);
    }

    /** The jobs of this view run one at a time, in order. */
    private final org.eclipse.core.runtime.jobs.ISchedulingRule sessionRule = new org.eclipse.core.runtime.jobs.ISchedulingRule() {
        @Override public boolean contains(org.eclipse.core.runtime.jobs.ISchedulingRule rule) { return rule == this; }
        @Override public boolean isConflicting(org.eclipse.core.runtime.jobs.ISchedulingRule rule) { return rule == this; }
    };
    private volatile Job lastJob;

    /** The job of the latest step, resume or stop, for tests (null before the first). */
    public Job lastJob() {
        return lastJob;
    }

    private void showState() {
        if (status.isDisposed() || session == null) return;
        status.setText(session.state().name().toLowerCase() + " at cycle " + session.cycle());
        status.getParent().layout();
    }

    /** The session, for tests. */
    public SimulationSession session() {
        return session;
    }

    /** The scenario field, for tests. */
    public Text fileField() {
        return file;
    }

    @Override
    public void setFocus() {
        file.setFocus();
    }
}
