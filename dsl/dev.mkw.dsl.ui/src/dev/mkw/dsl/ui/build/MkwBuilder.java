package dev.mkw.dsl.ui.build;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.util.URI;

import dev.mkw.dsl.ui.markers.ProblemMarkers;

/**
 * The project builder of MKW projects: checks every changed scenario and every scenario that
 * imports one (directly or through other imports, in any MKW project), writes their problem
 * markers, and keeps the workspace index current. A full build checks the whole project.
 * Closed files get markers as open ones do; an open file is checked as its editor shows it.
 */
public class MkwBuilder extends IncrementalProjectBuilder {
    public static final String ID = "dev.mkw.dsl.ui.builder";

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        WorkspaceScenarios scenarios = WorkspaceScenarios.get();
        scenarios.ensureIndexed(monitor);
        Set<IFile> changed = new LinkedHashSet<>();
        Set<URI> removed = new LinkedHashSet<>();
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
        if (delta == null) {
            changed.addAll(WorkspaceScenarios.scenarios(getProject()));
        } else {
            delta.accept(d -> {
                if (d.getResource() instanceof IFile f && WorkspaceScenarios.isScenario(f)) {
                    if (d.getKind() == IResourceDelta.REMOVED) removed.add(WorkspaceScenarios.uri(f));
                    else if (d.getKind() == IResourceDelta.ADDED || (d.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0) changed.add(f);
                }
                return true;
            });
        }
        scenarios.check(changed, removed, monitor);
        return null;
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        getProject().deleteMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE);
        WorkspaceScenarios.get().forget(getProject());
    }
}
