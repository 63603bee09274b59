package dev.mkw.dsl.ui.build;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import dev.mkw.dsl.ide.index.ScenarioIndex;
import dev.mkw.dsl.ui.MkwLanguage;
import dev.mkw.dsl.ui.markers.ProblemMarkers;

/**
 * The scenarios of the workspace's MKW projects and their {@link ScenarioIndex}: filled on the
 * first build of a session (every MKW project, parsed, not validated: the markers of the last
 * session are persistent), then kept current by {@link MkwBuilder}. Find References and Rename
 * ask it which files can refer to a declaration.
 */
public final class WorkspaceScenarios {
    private static final WorkspaceScenarios INSTANCE = new WorkspaceScenarios();
    private final ScenarioIndex index = new ScenarioIndex();
    private final Set<String> indexedProjects = new HashSet<>();

    public static WorkspaceScenarios get() {
        return INSTANCE;
    }

    public ScenarioIndex index() {
        return index;
    }

    public static boolean isScenario(IResource r) {
        return r instanceof IFile && "mkw".equals(r.getFileExtension());
    }

    public static URI uri(IFile f) {
        return URI.createPlatformResourceURI(f.getFullPath().toString(), true);
    }

    /** The workspace file of a platform resource URI, or null for other URIs. */
    public static IFile file(URI uri) {
        if (uri == null || !uri.isPlatformResource()) return null;
        return ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromPortableString(uri.toPlatformString(true)));
    }

    /** Every .mkw file of the project (outside derived folders such as build output). */
    public static List<IFile> scenarios(IProject p) throws CoreException {
        List<IFile> out = new ArrayList<>();
        if (!p.isOpen()) return out;
        p.accept(r -> {
            if (r.isDerived()) return false;
            if (isScenario(r)) out.add((IFile) r);
            return true;
        });
        return out;
    }

    /** Index every MKW project not indexed yet in this session (parse and link, no markers). */
    public synchronized void ensureIndexed(IProgressMonitor monitor) throws CoreException {
        for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            if (!MkwNature.has(p) || indexedProjects.contains(p.getName())) continue;
            for (IFile f : scenarios(p)) {
                if (monitor != null && monitor.isCanceled()) return;
                String text = SourceText.of(f);
                if (text != null) index.update(MkwLanguage.parse(text, uri(f)));
            }
            indexedProjects.add(p.getName());
        }
    }

    /**
     * Checks {@code changed} and every file that imports a changed or removed one: validates,
     * writes markers, updates the index. Runs in a build (the workspace rule covers markers on
     * files of other projects).
     */
    public void check(Collection<IFile> changed, Collection<URI> removed, IProgressMonitor monitor) throws CoreException {
        for (URI u : removed) index.remove(u);
        Set<URI> seeds = new LinkedHashSet<>(removed);
        Set<IFile> files = new LinkedHashSet<>(changed);
        for (IFile f : changed) seeds.add(uri(f));
        for (URI u : index.importersOf(seeds)) {
            IFile f = file(u);
            if (f != null) files.add(f);
        }
        for (IFile f : files) {
            if (monitor != null && monitor.isCanceled()) return;
            check(f, monitor);
        }
    }

    private void check(IFile f, IProgressMonitor monitor) throws CoreException {
        if (!f.exists()) {
            index.remove(uri(f));
            return;
        }
        String text = SourceText.of(f);
        if (text == null) return;
        XtextResource resource = MkwLanguage.parse(text, uri(f));
        CancelIndicator cancel = monitor == null ? CancelIndicator.NullImpl : monitor::isCanceled;
        List<Issue> issues = MkwLanguage.get(IResourceValidator.class).validate(resource, CheckMode.ALL, cancel);
        if (cancel.isCanceled()) return;
        index.update(resource);
        ProblemMarkers.write(f, text, issues);
    }

    /** Forget a project (clean build, nature removed). */
    public synchronized void forget(IProject p) {
        index.removeAll(URI.createPlatformResourceURI("/" + p.getName() + "/", true).toString());
        indexedProjects.remove(p.getName());
    }

    /**
     * A resource set holding {@code files} as the user sees them ({@link SourceText}), for a
     * search or a rename whose offsets must fit the editors' buffers.
     */
    public static XtextResourceSet resourceSet(Collection<URI> files) {
        XtextResourceSet set = MkwLanguage.newResourceSet();
        for (URI u : files) {
            IFile f = file(u);
            String text = f == null || !f.exists() ? null : SourceText.of(f);
            if (text != null && set.getResource(u, false) == null) MkwLanguage.parseInto(set, text, u);
        }
        return set;
    }
}
