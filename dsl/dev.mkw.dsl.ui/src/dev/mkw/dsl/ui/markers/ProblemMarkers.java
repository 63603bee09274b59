package dev.mkw.dsl.ui.markers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

import dev.mkw.dsl.validation.IssueFixes;

/**
 * Writes the issues of a reconcile as problem markers on the file, replacing the previous
 * ones. Markers give the Problems view, the ruler icons, squiggles and hovers through the
 * editor's ResourceMarkerAnnotationModel. A fixable issue carries what its quick fix needs:
 * the issue code, the replacement texts and the flagged text, so a stale fix can be refused.
 */
public final class ProblemMarkers {
    private ProblemMarkers() {}

    /**
     * Marker type (problemmarker + textmarker, persistent): written by the project builder for
     * every scenario of an MKW project, and while typing for the open editor's buffer.
     */
    public static final String TYPE = "dev.mkw.dsl.ui.problem";
    public static final String CODE = "mkw.code";
    public static final String FIX_COUNT = "mkw.fixCount";
    public static final String FIX_PREFIX = "mkw.fix.";
    public static final String ORIGINAL = "mkw.original";

    /**
     * Schedules a job that replaces the file's markers with {@code issues} of {@code text}, unless
     * {@code current} says by then that the text has changed (a newer reconcile will write its own).
     */
    public static WorkspaceJob schedule(IFile file, String text, List<Issue> issues, BooleanSupplier current) {
        WorkspaceJob job = new WorkspaceJob("Scenario problems: " + file.getName()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                if (!file.exists() || !current.getAsBoolean()) return Status.OK_STATUS;
                write(file, text, issues);
                return Status.OK_STATUS;
            }
        };
        job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().markerRule(file));
        job.setSystem(true);
        job.schedule();
        return job;
    }

    public static void write(IFile file, String text, List<Issue> issues) throws CoreException {
        file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
        for (Issue issue : issues) {
            if (issue.getSeverity() == Severity.IGNORE) continue;
            file.createMarker(TYPE, attributes(issue, text));
        }
    }

    static Map<String, Object> attributes(Issue issue, String text) {
        Map<String, Object> a = new HashMap<>();
        a.put(IMarker.MESSAGE, issue.getMessage());
        a.put(IMarker.SEVERITY, switch (issue.getSeverity()) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            default -> IMarker.SEVERITY_INFO;
        });
        if (issue.getLineNumber() != null) a.put(IMarker.LINE_NUMBER, issue.getLineNumber());
        int start = issue.getOffset() == null ? -1 : Math.min(issue.getOffset(), text.length());
        if (start >= 0) {
            int end = Math.min(text.length(), start + (issue.getLength() == null ? 0 : issue.getLength()));
            a.put(IMarker.CHAR_START, start);
            a.put(IMarker.CHAR_END, end);
            a.put(ORIGINAL, text.substring(start, end));
        }
        if (issue.getCode() != null) a.put(CODE, issue.getCode());
        String[] data = issue.getData();
        if (start >= 0 && IssueFixes.isFixable(issue.getCode()) && data != null) {
            a.put(FIX_COUNT, data.length);
            for (int i = 0; i < data.length; i++) a.put(FIX_PREFIX + i, data[i]);
        }
        return a;
    }
}
