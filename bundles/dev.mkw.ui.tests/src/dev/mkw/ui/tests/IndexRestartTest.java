package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.dsl.ide.refactoring.Occurrence;
import dev.mkw.dsl.ide.refactoring.ReferenceSearch;
import dev.mkw.dsl.ui.MkwLanguage;
import dev.mkw.dsl.ui.build.MkwNature;
import dev.mkw.dsl.ui.build.WorkspaceScenarios;

/**
 * The workspace index outlives the session: the workspace's save writes it to the plug-in's
 * state location, and a new session (played here by a second {@link WorkspaceScenarios} over
 * that file) answers from it before any build: nothing is parsed again, and a reference from one
 * file into another resolves. A file changed while the workbench was closed is parsed again,
 * with the files importing it, and no other.
 */
class IndexRestartTest {

    @Test
    void aRestartedIndexAnswersFromDiskWithoutParsingAgain(@TempDir Path dir) throws Exception {
        EditorTools.page().closeAllEditors(false);
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("index-restart-tests");
        if (!project.exists()) project.create(null);
        project.open(null);
        MkwNature.add(project, null);
        IFile lib = write(project, "lib.mkw", WorkspaceBuilderTest.LIB);
        IFile main = write(project, "main.mkw", WorkspaceBuilderTest.MAIN);
        IFile other = write(project, "other.mkw", "scenario Other\ntask solo {\n    thread alone priority 10 {\n        compute 100 cycles\n    }\n}\n");
        WorkspaceBuilderTest.awaitBuild();
        URI libUri = WorkspaceScenarios.uri(lib), mainUri = WorkspaceScenarios.uri(main), otherUri = WorkspaceScenarios.uri(other);

        // The workspace's save (a snapshot here; the full save when the workbench closes) writes the index.
        Path store = WorkspaceScenarios.get().store();
        assertNotNull(store, "the workbench keeps its index");
        Files.deleteIfExists(store);
        // The workspace takes the snapshot in a job of its own ("Snapshot requested").
        ResourcesPlugin.getWorkspace().save(false, null);
        UiTools.waitFor(() -> Files.isRegularFile(store), 20_000);
        assertTrue(Files.isRegularFile(store), "the workspace's snapshot wrote " + store);
        // Keep this session's file: a later snapshot of the running workspace must not change what the restart reads.
        Path saved = Files.copy(store, dir.resolve("scenario-index.bin"), StandardCopyOption.REPLACE_EXISTING);

        // A new session: the index comes from the file, before any build.
        WorkspaceScenarios restarted = WorkspaceScenarios.restoredFrom(saved);
        restarted.ensureIndexed(null);
        for (URI u : List.of(libUri, mainUri, otherUri)) {
            assertTrue(!restarted.filesParsed().contains(u), u + " was not parsed again; parsed: " + restarted.filesParsed());
        }
        assertTrue(restarted.index().exportedNames().containsAll(List.of("server", "server.pong", "Echo", "Echo.request", "client.ping", "solo.alone")),
                restarted.index().exportedNames()::toString);
        assertEquals(Set.of(mainUri), restarted.index().importersOf(List.of(libUri)), "main.mkw imports lib.mkw");

        // The loaded index resolves main.mkw's reference to server.pong in lib.mkw ...
        IResourceDescriptions descriptions = restarted.index().descriptions();
        IEObjectDescription pong = exported(descriptions.getResourceDescription(libUri), "server.pong");
        boolean refersToPong = false;
        for (IReferenceDescription r : descriptions.getResourceDescription(mainUri).getReferenceDescriptions()) {
            refersToPong |= pong.getEObjectURI().equals(r.getTargetEObjectUri());
        }
        assertTrue(refersToPong, "main.mkw's call server.pong is recorded as a reference to " + pong.getEObjectURI());
        // ... and Find References, asking this index which files to search, finds it there.
        XtextResourceSet set = WorkspaceScenarios.resourceSet(List.of(libUri));
        EObject declaration = set.getResource(libUri, false).getEObject(pong.getEObjectURI().fragment());
        Set<URI> candidates = ReferenceSearch.candidates(descriptions, declaration);
        assertEquals(Set.of(libUri, mainUri), candidates, "lib.mkw declares it, main.mkw refers to it, other.mkw does not");
        List<Occurrence> found = MkwLanguage.get(ReferenceSearch.class).find(declaration, candidates, CancelIndicator.NullImpl);
        assertTrue(found.stream().anyMatch(o -> o.file().equals(mainUri) && !o.declaration()), found::toString);

        // lib.mkw changed while the workbench was closed (an edit outside it): the next session parses
        // lib.mkw and main.mkw, which imports it, and leaves other.mkw as stored.
        Files.writeString(lib.getLocation().toFile().toPath(), WorkspaceBuilderTest.LIB.replace("task server {", "task server {\n    thread spare priority 50 {\n        compute 10 cycles\n    }"));
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        WorkspaceScenarios afterEdit = WorkspaceScenarios.restoredFrom(saved);
        afterEdit.ensureIndexed(null);
        assertTrue(afterEdit.filesParsed().containsAll(List.of(libUri, mainUri)), afterEdit.filesParsed()::toString);
        assertTrue(!afterEdit.filesParsed().contains(otherUri), "other.mkw is unchanged and imports nothing changed");
        assertTrue(afterEdit.index().exportedNames().contains("server.spare"), "the edit is in the index");
        WorkspaceBuilderTest.awaitBuild();
    }

    private static IEObjectDescription exported(IResourceDescription d, String name) {
        assertNotNull(d, "the file is in the index");
        for (IEObjectDescription o : d.getExportedObjects()) if (o.getQualifiedName().equals(QualifiedName.create(name.split("\\.")))) return o;
        throw new AssertionError(name + " is not exported by " + d.getURI());
    }

    private static IFile write(IProject p, String name, String text) throws Exception {
        IFile f = p.getFile(name);
        var in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        if (f.exists()) f.setContents(in, IResource.FORCE, null);
        else f.create(in, true, null);
        return f;
    }
}
