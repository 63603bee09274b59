package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.dsl.ide.index.ScenarioIndex;
import dev.mkw.dsl.ide.refactoring.Declarations;
import dev.mkw.dsl.ide.refactoring.Occurrence;
import dev.mkw.dsl.ide.refactoring.ReferenceSearch;
import dev.mkw.dsl.ide.refactoring.Rename;

/**
 * The workspace index and the shared search and rename, without an IDE: three files where
 * c imports b imports a; qualified, unqualified and message references.
 */
class ScenarioIndexTest {
    static final String A = "scenario A\nprotocol P { ask label 1 words 1 }\ntask srv {\n    thread t { wait any as m : P.ask  reply m P.ask words (0) }\n    thread u { call t P.ask words (1) }\n}\n";
    static final String B = "import \"a.mkw\"\nscenario B\ntask client { thread x { call srv.t P.ask words (2) } }\n";
    static final String C = "import \"b.mkw\"\nscenario C\ntask other { thread y { exit } }\n";

    private final XtextResourceSet set = IdeServicesTest.IDE.getInstance(XtextResourceSet.class);

    private Path dir;

    /** A file of the workspace folder, loaded (imports are checked to exist, so files, not memory). */
    private XtextResource load(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("mkw", IdeServicesTest.IDE.getInstance(IResourceFactory.class));
        XtextResource r = (XtextResource) set.createResource(URI.createFileURI(file.toString()));
        r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        return r;
    }

    @Test
    void importersAreFoundTransitivelyAndReferencesAcrossFiles(@TempDir Path workspace) throws Exception {
        dir = workspace;
        XtextResource a = load("a.mkw", A), b = load("b.mkw", B), c = load("c.mkw", C);
        ScenarioIndex index = new ScenarioIndex();
        for (XtextResource r : List.of(a, b, c)) index.update(r);
        assertTrue(index.exportedNames().containsAll(Set.of("P", "P.ask", "srv", "srv.t", "srv.u", "client.x", "other.y")), index.exportedNames()::toString);
        assertEquals(Set.of(b.getURI(), c.getURI()), index.importersOf(List.of(a.getURI())), "b imports a, c imports b");
        assertEquals(Set.of(c.getURI()), index.importersOf(List.of(b.getURI())));

        Declarations declarations = IdeServicesTest.IDE.getInstance(Declarations.class);
        EObject thread = declarations.at(a, A.indexOf("thread t") + 8);
        assertEquals("srv.t", declarations.qualifiedName(thread).toString());
        Set<URI> files = ReferenceSearch.candidates(index.descriptions(), thread);
        assertEquals(Set.of(a.getURI(), b.getURI()), files, "only b refers into a");
        List<Occurrence> found = IdeServicesTest.IDE.getInstance(ReferenceSearch.class).find(thread, files, CancelIndicator.NullImpl);
        // The declaration, the unqualified 'call t' inside the task, and b's srv.t.
        assertEquals(List.of("a.mkw:4 decl", "a.mkw:5", "b.mkw:3"), found.stream().map(o -> o.file().lastSegment() + ":" + o.line() + (o.declaration() ? " decl" : "")).toList());

        // Renaming the task rewrites b's qualifier; the unqualified reference inside the task needs no edit.
        EObject task = declarations.at(b, B.indexOf("srv.t") + 1);
        Rename.Result renamed = IdeServicesTest.IDE.getInstance(Rename.class).rename(task, "server", ReferenceSearch.candidates(index.descriptions(), task), CancelIndicator.NullImpl);
        assertTrue(renamed.ok(), renamed.error());
        assertEquals(List.of(new Rename.Edit(A.indexOf("srv"), 3, "server")), renamed.edits().get(a.getURI()));
        assertEquals(List.of(new Rename.Edit(B.indexOf("srv.t"), 3, "server")), renamed.edits().get(b.getURI()));

        // A clash and a keyword are refused.
        assertTrue(IdeServicesTest.IDE.getInstance(Rename.class).rename(thread, "u", files, CancelIndicator.NullImpl).error().contains("already a thread named 'srv.u'"));
        assertTrue(IdeServicesTest.IDE.getInstance(Rename.class).rename(thread, "call", files, CancelIndicator.NullImpl).error().contains("keyword"));
    }
}
