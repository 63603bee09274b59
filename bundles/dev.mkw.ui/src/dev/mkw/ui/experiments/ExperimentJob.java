package dev.mkw.ui.experiments;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import dev.mkw.cli.CliException;
import dev.mkw.cli.experiment.ExperimentFile;
import dev.mkw.cli.experiment.ExperimentReport;
import dev.mkw.cli.experiment.ExperimentResult;
import dev.mkw.cli.experiment.ExperimentRunner;
import dev.mkw.cli.experiment.ExperimentSpec;
import dev.mkw.sim.sweep.Sweep;

/**
 * Runs one experiment of the workspace as a job: its sweep on the host's cores (the command
 * line's local engine), one unit of progress per finished run, then the claims checked and the
 * report written into the experiment's {@code report/} folder, which is refreshed. Cancel
 * interrupts the runs. The outcome goes to {@code done} (on the job's thread).
 */
public final class ExperimentJob extends Job {
    private final IContainer dir;
    private final boolean reduced;
    private final Consumer<Outcome> done;
    private volatile Thread runner;

    /** What a run of the job gave: the report, or the message of why there is none. */
    public record Outcome(IContainer dir, ExperimentReport report, String problem) {}

    ExperimentJob(IContainer dir, boolean reduced, Consumer<Outcome> done) {
        super("Experiment " + dir.getName());
        this.dir = dir;
        this.reduced = reduced;
        this.done = done;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        runner = Thread.currentThread();
        try {
            ExperimentSpec spec = ExperimentFile.read(Path.of(dir.getLocation().toOSString()));
            if (spec.missing() != null) {
                // A plugin's experiment (requires hardware ...) where the plugin is not installed: say what is missing.
                done.accept(new Outcome(dir, null, "not run: " + spec.missing()));
                return Status.OK_STATUS;
            }
            int total = Sweep.parse(spec.sweepSpecs(reduced)).size();
            monitor.beginTask("Experiment " + spec.id() + ": " + total + " runs", total + 2);
            ExperimentResult result = ExperimentRunner.runLocal(spec, reduced, Runtime.getRuntime().availableProcessors(), (finished, all, status) -> {
                monitor.worked(1);
                monitor.subTask(finished + " of " + all + " runs");
            });
            if (monitor.isCanceled()) return cancelled();
            monitor.subTask("checking the claims");
            ExperimentReport report = ExperimentReport.of(result);
            monitor.worked(1);
            report.write(Path.of(dir.getLocation().toOSString()).resolve(ExperimentsView.REPORT_FOLDER));
            dir.refreshLocal(IResource.DEPTH_INFINITE, null);
            monitor.worked(1);
            String failed = result.failures().isEmpty() ? null : String.join("\n", result.failures());
            done.accept(new Outcome(dir, report, failed));
            return Status.OK_STATUS;
        } catch (CliException e) {
            if (monitor.isCanceled()) return cancelled();
            done.accept(new Outcome(dir, null, e.getMessage()));
            return Status.OK_STATUS; // shown in the view, not as an error dialog
        } catch (CoreException e) {
            done.accept(new Outcome(dir, null, "the report was written but the folder could not be refreshed: " + e.getMessage()));
            return Status.OK_STATUS;
        } finally {
            runner = null;
            monitor.done();
        }
    }

    private IStatus cancelled() {
        done.accept(new Outcome(dir, null, "cancelled"));
        return Status.CANCEL_STATUS;
    }

    @Override
    protected void canceling() {
        Thread t = runner;
        if (t != null) t.interrupt();
    }
}
