package dev.mkw.ui.experiments;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import dev.mkw.cli.experiment.ExperimentFile;

/** "Run As > MKW Experiment" on an experiment's {@value ExperimentFile#NAME} (or its folder): runs it in the Experiments view. */
public final class ExperimentLaunchShortcut implements ILaunchShortcut {

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection s && !s.isEmpty()) launch(s.getFirstElement());
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        launch(editor.getEditorInput());
    }

    private static void launch(Object o) {
        IContainer dir = null;
        IFile file = Adapters.adapt(o, IFile.class);
        if (file != null && file.getName().equals(ExperimentFile.NAME)) dir = file.getParent();
        IContainer c = Adapters.adapt(o, IContainer.class);
        if (dir == null && c != null && c.getFile(new org.eclipse.core.runtime.Path(ExperimentFile.NAME)).exists()) dir = c;
        if (dir == null) return;
        try {
            ExperimentsView view = (ExperimentsView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(ExperimentsView.ID);
            view.run(dir, false);
        } catch (PartInitException e) {
            org.eclipse.debug.core.DebugPlugin.log(e);
        }
    }
}
