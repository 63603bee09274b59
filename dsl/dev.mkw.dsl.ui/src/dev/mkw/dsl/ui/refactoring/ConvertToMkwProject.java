package dev.mkw.dsl.ui.refactoring;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.mkw.dsl.ui.build.MkwNature;

/**
 * Configure > Convert to MKW Project: adds the MKW nature to the selected projects, so their
 * scenarios are built and indexed (markers for closed files, references across files).
 */
public final class ConvertToMkwProject extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s)) return null;
        for (Object o : s) {
            IProject p = Adapters.adapt(o, IProject.class);
            if (p == null || MkwNature.has(p)) continue;
            Job job = Job.create("Convert " + p.getName() + " to an MKW project", monitor -> {
                try {
                    MkwNature.add(p, monitor);
                    return Status.OK_STATUS;
                } catch (CoreException e) {
                    return e.getStatus();
                }
            });
            job.setRule(p.getWorkspace().getRuleFactory().modifyRule(p));
            job.schedule();
        }
        return null;
    }
}
