package dev.mkw.ui.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

import dev.mkw.cli.experiment.ExperimentFile;

/**
 * The experiments of the workspace: every folder of an open project that holds an
 * {@value ExperimentFile#NAME}, in path order. Reports the view writes ({@code report/}
 * folders) are not searched.
 */
final class WorkspaceExperiments {
    private WorkspaceExperiments() {}

    static List<IContainer> find() {
        List<IContainer> found = new ArrayList<>();
        try {
            ResourcesPlugin.getWorkspace().getRoot().accept(r -> {
                if (r.getType() == IResource.FILE) return false;
                if (r.getType() == IResource.ROOT) return true; // the root holds projects, never files
                IContainer c = (IContainer) r;
                if (!c.getProject().isOpen()) return false;
                if (r.getName().equals(ExperimentsView.REPORT_FOLDER) && r.getParent().exists(new org.eclipse.core.runtime.Path(ExperimentFile.NAME))) return false;
                IFile f = c.getFile(new org.eclipse.core.runtime.Path(ExperimentFile.NAME));
                if (f.exists()) found.add(c);
                return true;
            });
        } catch (CoreException e) {
            // A project that cannot be read is left out; the others are listed.
        }
        found.sort(Comparator.comparing(c -> c.getFullPath().toPortableString()));
        return found;
    }
}
