package dev.mkw.dsl.ui.refactoring;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.util.URI;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import dev.mkw.dsl.ide.refactoring.Occurrence;
import dev.mkw.dsl.ide.refactoring.ReferenceSearch;
import dev.mkw.dsl.ui.MkwLanguage;

/** Find References: searches in a job, then shows the {@link ReferencesView}. */
public final class FindReferences {
    private FindReferences() {}

    /** Searches for the declaration at {@code offset}; the returned job is scheduled (tests join it). */
    public static Job run(IWorkbenchPage page, URI uri, String text, int offset) {
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        Job job = Job.create("Find References", monitor -> {
            DeclarationAt target;
            try {
                target = DeclarationAt.find(uri, text, offset);
            } catch (CoreException e) {
                return e.getStatus();
            }
            if (target == null) {
                display.asyncExec(() -> show(page, "nothing to search", List.of(),
                        "Find References: the caret is not on a task, thread, protocol or message."));
                return Status.OK_STATUS;
            }
            List<Occurrence> found = MkwLanguage.get(ReferenceSearch.class).find(target.declaration(), target.files(), monitor::isCanceled);
            if (monitor.isCanceled()) return Status.CANCEL_STATUS;
            display.asyncExec(() -> show(page, target.label(), found, null));
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    private static void show(IWorkbenchPage page, String label, List<Occurrence> found, String message) {
        try {
            ReferencesView view = (ReferencesView) page.showView(ReferencesView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
            view.show(label, found);
            if (message != null) view.showMessage(message);
        } catch (PartInitException e) {
            org.eclipse.core.runtime.ILog.of(FindReferences.class).error("Cannot show the references", e);
        }
    }
}
