package dev.mkw.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;

/** "Run As > MKW Scenario": reuses the file's launch configuration or creates one. */
public final class ScenarioLaunchShortcut implements ILaunchShortcut {

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection s && !s.isEmpty()) launch(Adapters.adapt(s.getFirstElement(), IFile.class), mode);
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        launch(Adapters.adapt(editor.getEditorInput(), IFile.class), mode);
    }

    private static void launch(IFile file, String mode) {
        if (file == null) return;
        try {
            DebugUITools.launch(configurationFor(file), mode);
        } catch (CoreException e) {
            DebugPlugin.log(e);
        }
    }

    /** The launch configuration of a scenario file: the existing one, or a new one named after the file. */
    public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(ScenarioLaunch.TYPE);
        String path = file.getFullPath().toPortableString();
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
            if (path.equals(c.getAttribute(ScenarioLaunch.FILE, ""))) return c;
        }
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null, manager.generateLaunchConfigurationName(file.getName().replace(".mkw", "")));
        wc.setAttribute(ScenarioLaunch.FILE, path);
        return wc.doSave();
    }
}
