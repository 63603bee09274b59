package dev.mkw.dsl.ui.markers;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.util.URI;

import dev.mkw.dsl.ui.editor.Analysis;
import dev.mkw.dsl.ui.editor.Analyzer;

/**
 * When an editor closes, its markers describe a buffer that no longer exists (closed without
 * saving, they would report problems the file does not have). This re-validates the saved file
 * so the Problems view matches what is on disk.
 */
public final class SavedFileValidation {
    private SavedFileValidation() {}

    public static WorkspaceJob schedule(IFile file) {
        WorkspaceJob job = new WorkspaceJob("Validate " + file.getName()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                if (!file.exists()) return Status.OK_STATUS;
                String text;
                try (InputStream in = file.getContents(true)) {
                    text = new String(in.readAllBytes(), file.getCharset());
                } catch (IOException e) {
                    return Status.error("Cannot read " + file.getFullPath(), e);
                }
                URI uri = URI.createPlatformResourceURI(file.getFullPath().toString(), true);
                Analysis a = Analyzer.analyze(text, 0, uri, monitor::isCanceled);
                if (a != null) ProblemMarkers.write(file, text, a.issues());
                return Status.OK_STATUS;
            }
        };
        // Reads the file and writes its markers: the file's modify rule covers both.
        job.setRule(file.getWorkspace().getRuleFactory().modifyRule(file));
        job.setSystem(true);
        job.schedule();
        return job;
    }
}
