package dev.mkw.ui.launch;

import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;

import dev.mkw.sim.export.TextReportExporter;
import dev.mkw.ui.run.RunResults;
import dev.mkw.ui.run.RunScenarioHandler;
import dev.mkw.ui.run.ScenarioRun;

/**
 * Runs an "MKW Scenario" launch configuration: the scenario file with the configuration's
 * settings, in the launch's job (progress and cancel from the debug framework), the report
 * to the MKW console, the result to the views. A scenario that cannot run is refused with
 * the language's FILE:LINE:COL messages.
 */
public final class ScenarioLaunchDelegate extends LaunchConfigurationDelegate {
    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor) throws CoreException {
        String name = configuration.getAttribute(ScenarioLaunch.FILE, "");
        IFile file = name.isBlank() ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(org.eclipse.core.runtime.Path.fromPortableString(name));
        if (file == null || !file.exists()) {
            throw new CoreException(Status.error("The launch configuration '" + configuration.getName() + "' names no existing .mkw file: '" + name + "'"));
        }
        monitor.beginTask("MKW: simulating " + file.getName(), IProgressMonitor.UNKNOWN);
        try {
            Path path = file.getLocation().toFile().toPath();
            RunResults.Run r = ScenarioRun.run(path, ScenarioLaunch.settings(configuration), monitor::isCanceled);
            RunScenarioHandler.console().newMessageStream().print(TextReportExporter.render(r.report()));
        } catch (ScenarioRun.Refused e) {
            throw new CoreException(Status.error("The scenario was not run:\n" + e.getMessage()));
        } finally {
            monitor.done();
        }
    }
}
