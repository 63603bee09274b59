package dev.mkw.ui.run;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.mkw.sim.export.TextReportExporter;

/**
 * "Run MKW Scenario": runs the selected (or edited) .mkw file as a Job with progress and
 * cancel, prints the report to the MKW console and publishes it to the views. An invalid
 * scenario is refused with the language's messages; the file is never touched.
 */
public final class RunScenarioHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IFile file = selectedFile(event);
        if (file == null || !"mkw".equals(file.getFileExtension())) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Run MKW Scenario", "Select a .mkw scenario file (or open one in an editor) first.");
            return null;
        }
        Path path = file.getLocation().toFile().toPath();
        Job job = new Job("MKW: run " + file.getName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("Simulating " + file.getName(), IProgressMonitor.UNKNOWN);
                MessageConsoleStream out = console().newMessageStream();
                try {
                    RunResults.Run r = ScenarioRun.run(path, monitor::isCanceled);
                    out.print(TextReportExporter.render(r.report()));
                    return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
                } catch (ScenarioRun.Refused e) {
                    out.println("The scenario was not run:\n" + e.getMessage());
                    Display.getDefault().asyncExec(() -> MessageDialog.openError(null, "MKW: scenario refused", e.getMessage()));
                    return Status.OK_STATUS;
                } finally {
                    monitor.done();
                }
            }
        };
        job.setUser(true);
        job.schedule();
        return null;
    }

    private static IFile selectedFile(ExecutionEvent event) {
        if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s && !s.isEmpty()) {
            IFile f = Adapters.adapt(s.getFirstElement(), IFile.class);
            if (f != null) return f;
        }
        IEditorPart editor = HandlerUtil.getActiveEditor(event);
        if (editor != null) {
            IEditorInput in = editor.getEditorInput();
            return Adapters.adapt(in, IFile.class);
        }
        return null;
    }

    /** The MKW console, created once. */
    public static MessageConsole console() {
        for (IConsole c : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
            if (c instanceof MessageConsole m && "MKW".equals(c.getName())) return m;
        }
        MessageConsole c = new MessageConsole("MKW", null);
        ConsolePlugin.getDefault().getConsoleManager().addConsoles(new IConsole[] {c});
        return c;
    }
}
