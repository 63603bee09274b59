package dev.mkw.ui.views;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewSite;

import dev.mkw.sim.export.Exporter;
import dev.mkw.run.RunPipeline;
import dev.mkw.sim.report.RunReport;
import dev.mkw.ui.run.RunResults;

/**
 * "Export Perfetto trace..." and "Export statistics CSV..." in a view's menu: asks for a file
 * and writes the latest run with the simulator's own exporters, in a job, since a trace of
 * a long run is many megabytes of JSON.
 */
public final class ExportActions {
    public static final String PERFETTO = "perfetto";
    public static final String CSV = "csv";

    private ExportActions() {}

    static void addTo(IViewSite site) {
        IMenuManager menu = site.getActionBars().getMenuManager();
        menu.add(action(site, "Export Perfetto trace...", PERFETTO));
        menu.add(action(site, "Export statistics CSV...", CSV));
    }

    private static Action action(IViewSite site, String label, String exporter) {
        return new Action(label) {
            @Override
            public void run() {
                RunResults.Run run = RunResults.get().latest();
                Shell shell = site.getShell();
                if (run == null) {
                    MessageDialog.openInformation(shell, label, "There is no run to export yet.");
                    return;
                }
                Exporter e = RunPipeline.exporters().get(exporter);
                FileDialog d = new FileDialog(shell, SWT.SAVE);
                d.setOverwrite(true);
                d.setFilterExtensions(new String[] {"*." + e.fileExtension(), "*"});
                d.setFileName(run.report().scenario() + (PERFETTO.equals(exporter) ? "-trace." : "-stats.") + e.fileExtension());
                String file = d.open();
                if (file != null) exportInJob(exporter, run.report(), Path.of(file));
            }
        };
    }

    private static void exportInJob(String exporter, RunReport report, Path file) {
        Job.create("MKW: export " + file.getFileName(), monitor -> {
            try {
                export(exporter, report, file);
                return Status.OK_STATUS;
            } catch (IOException e) {
                return Status.error("Cannot write " + file + ": " + e.getMessage(), e);
            }
        }).schedule();
    }

    /** Write {@code report} with the exporter of id {@code exporter} ({@link #PERFETTO}, {@link #CSV}) to {@code file}. */
    public static void export(String exporter, RunReport report, Path file) throws IOException {
        RunPipeline.exporters().get(exporter).write(report, file);
    }

}
