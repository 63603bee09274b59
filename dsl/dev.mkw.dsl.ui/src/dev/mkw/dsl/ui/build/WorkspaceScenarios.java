package dev.mkw.dsl.ui.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import dev.mkw.dsl.ide.index.IndexStore;
import dev.mkw.dsl.ide.index.ScenarioIndex;
import dev.mkw.dsl.ui.MkwLanguage;
import dev.mkw.dsl.ui.markers.ProblemMarkers;

/**
 * The scenarios of the workspace's MKW projects and their {@link ScenarioIndex}, kept current by
 * {@link MkwBuilder}. Find References and Rename ask it which files can refer to a declaration.
 * The index outlives the session: the workspace's saves (a snapshot every few minutes, the full
 * save when the workbench closes) write it to the plug-in's state location, and the first build
 * or search of the next session reads it back and parses only the files whose stamp changed
 * since (and the files importing them), instead of every file of every MKW project. Markers of
 * the last session are persistent anyway; nothing is validated here.
 */
public final class WorkspaceScenarios {
    private static final String BUNDLE = "dev.mkw.dsl.ui";
    private static final class Holder {
        static final WorkspaceScenarios INSTANCE = workspaceIndex();
    }

    private final ScenarioIndex index = new ScenarioIndex();
    private final Set<String> indexedProjects = new HashSet<>();
    /** Where the index is kept between sessions; null: not kept. */
    private final Path store;
    private boolean storeRead;
    /** The index's change count when last written or read, so unchanged indexes are not written again. */
    private long storedChanges = -1;
    private final Set<URI> parsed = new LinkedHashSet<>();

    private WorkspaceScenarios(Path store) {
        this.store = store;
    }

    public static WorkspaceScenarios get() {
        return Holder.INSTANCE;
    }

    /**
     * The scenarios of a session that starts from the index stored in {@code store} (read on the
     * first {@link #ensureIndexed}); {@link #save()} writes it there. The workbench has one, kept
     * in the plug-in's state location; a test makes others to play a restart.
     */
    public static WorkspaceScenarios restoredFrom(Path store) {
        return new WorkspaceScenarios(store);
    }

    private static WorkspaceScenarios workspaceIndex() {
        Path store = Platform.getStateLocation(Platform.getBundle(BUNDLE)).append("scenario-index.bin").toFile().toPath();
        WorkspaceScenarios s = new WorkspaceScenarios(store);
        try {
            ResourcesPlugin.getWorkspace().addSaveParticipant(BUNDLE, new SaveIndex(s));
        } catch (CoreException e) {
            // Without the participant the index is rebuilt in the next session, as before it was kept.
            Platform.getLog(WorkspaceScenarios.class).log(e.getStatus());
        }
        return s;
    }

    /** The file the index is kept in between sessions (null: none). */
    public Path store() {
        return store;
    }

    /** The files parsed to fill the index in this session (not counting builds' checks); for tests. */
    public synchronized Set<URI> filesParsed() {
        return Set.copyOf(parsed);
    }

    /**
     * Writes the index to its store if it changed since last written or read. Called by the
     * workspace's saves; safe from any thread.
     */
    public void save() throws IOException {
        if (store == null) return;
        long changes = index.changes();
        synchronized (this) {
            if (changes == storedChanges && java.nio.file.Files.isRegularFile(store)) return;
        }
        IndexStore.write(index, languageVersion(), store);
        synchronized (this) {
            storedChanges = changes;
        }
    }

    /** The version the stored descriptions depend on: the language bundle's (its qualifier changes with every build). */
    private static String languageVersion() {
        var b = Platform.getBundle("dev.mkw.dsl");
        return b == null ? "?" : b.getVersion().toString();
    }

    /**
     * The content identity of a file for the stored index: the workspace's modification stamp and
     * the file system's time stamp (both survive a restart; an edit outside the workbench changes
     * the second). "" for a file open in an editor, whose indexed text may be an unsaved buffer.
     */
    static String stamp(IFile f) {
        if (FileBuffers.getTextFileBufferManager().getTextFileBuffer(f.getFullPath(), LocationKind.IFILE) != null) return "";
        return f.getModificationStamp() + "/" + f.getLocalTimeStamp();
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

    /**
     * Brings every MKW project not yet seen in this session into the index (parse and link, no
     * markers): the stored index of the last session is read first, and only files that are new,
     * changed (their stamp differs) or import such a file, directly or not, are parsed; entries of
     * files that are gone are dropped.
     */
    public synchronized void ensureIndexed(IProgressMonitor monitor) throws CoreException {
        readStoreOnce();
        for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            if (!MkwNature.has(p) || indexedProjects.contains(p.getName())) continue;
            Set<URI> stale = new LinkedHashSet<>();
            Set<URI> present = new HashSet<>();
            for (IFile f : scenarios(p)) {
                URI u = uri(f);
                present.add(u);
                String stamp = stamp(f), known = index.stamp(u);
                if (known == null || known.isEmpty() || !known.equals(stamp)) stale.add(u);
            }
            String prefix = URI.createPlatformResourceURI("/" + p.getName() + "/", true).toString();
            Set<URI> gone = new LinkedHashSet<>();
            for (URI u : index.files()) if (u.toString().startsWith(prefix) && !present.contains(u)) gone.add(u);
            Set<URI> seeds = new LinkedHashSet<>(stale);
            seeds.addAll(gone);
            // An importer's resolved references point into the changed file: index it again too.
            Set<URI> reindex = new LinkedHashSet<>(stale);
            reindex.addAll(index.importersOf(seeds));
            for (URI u : gone) index.remove(u);
            for (URI u : reindex) {
                if (monitor != null && monitor.isCanceled()) return;
                IFile f = file(u);
                String text = f == null || !f.exists() ? null : SourceText.of(f);
                if (text == null) continue;
                index.update(MkwLanguage.parse(text, u), stamp(f));
                parsed.add(u);
            }
            indexedProjects.add(p.getName());
        }
    }

    /** Reads the last session's index, once; the language must be set up first (the descriptions name its classes). */
    private void readStoreOnce() {
        if (storeRead || store == null) return;
        storeRead = true;
        MkwLanguage.injector();
        if (IndexStore.read(store, languageVersion(), index) < 0) return;
        for (URI u : index.files()) {
            // Stored entries of a project that is gone, closed or no longer an MKW project.
            IFile f = file(u);
            if (f == null || !MkwNature.has(f.getProject())) index.remove(u);
        }
        storedChanges = index.changes();
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
        index.update(resource, stamp(f));
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
