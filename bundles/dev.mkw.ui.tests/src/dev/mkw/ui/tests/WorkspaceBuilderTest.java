package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ltk.core.refactoring.CheckConditionsOperation;
import org.eclipse.ltk.core.refactoring.PerformRefactoringOperation;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.mkw.dsl.ide.refactoring.Occurrence;
import dev.mkw.dsl.ui.build.MkwBuilder;
import dev.mkw.dsl.ui.build.MkwNature;
import dev.mkw.dsl.ui.build.WorkspaceScenarios;
import dev.mkw.dsl.ui.editor.MkwEditor;
import dev.mkw.dsl.ui.refactoring.ReferencesView;
import dev.mkw.dsl.ui.refactoring.RenameScenarioElement;

/**
 * The MKW project builder and the workspace index: files that are not open get markers and
 * lose them when fixed, a change to an imported file re-checks its importers, Find References
 * lists a closed file's reference, and Rename updates the importing file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBuilderTest {
    static final String LIB = """
            scenario Lib
            protocol Echo { request label 1 words 2   response label 2 words 2 }
            task server {
                thread pong priority 100 {
                    wait any as req : Echo.request
                    reply req Echo.response words (0, 0)
                }
            }
            """;
    static final String MAIN = """
            import "lib.mkw"
            scenario Main
            task client {
                thread ping priority 100 {
                    call server.pong Echo.request words (1, 2) as answer
                }
            }
            run until all-done
            """;
    static IProject project;

    @BeforeAll
    static void mkwProject() throws Exception {
        EditorTools.page().closeAllEditors(false);
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("builder-tests");
        if (!project.exists()) project.create(null);
        project.open(null);
        MkwNature.add(project, null);
        write("lib.mkw", LIB);
        write("main.mkw", MAIN);
        awaitBuild();
    }

    @AfterAll
    static void close() {
        EditorTools.page().closeAllEditors(false);
    }

    static IFile write(String name, String text) throws Exception {
        IFile f = project.getFile(name);
        var in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        if (f.exists()) f.setContents(in, IResource.FORCE, null);
        else f.create(in, true, null);
        return f;
    }

    static void awaitBuild() throws Exception {
        Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, new NullProgressMonitor());
        Job.getJobManager().join(ResourcesPlugin.FAMILY_MANUAL_BUILD, new NullProgressMonitor());
        UiTools.pump(100);
    }

    static List<String> errors(IFile f) {
        return EditorTools.errors(f).stream().map(m -> m.getAttribute(IMarker.LINE_NUMBER, 0) + ": " + m.getAttribute(IMarker.MESSAGE, "")).toList();
    }

    @Test
    @Order(1)
    void theNatureInstallsTheBuilderAndTheIndexKnowsTheNames() throws Exception {
        assertEquals(MkwBuilder.ID, project.getDescription().getBuildSpec()[0].getBuilderName());
        assertTrue(WorkspaceScenarios.get().index().exportedNames().containsAll(List.of("server", "server.pong", "Echo", "Echo.request", "client.ping")),
                WorkspaceScenarios.get().index().exportedNames()::toString);
        assertEquals(List.of(), errors(project.getFile("main.mkw")), "main.mkw links through its import");
    }

    @Test
    @Order(2)
    void aClosedFileWithAnErrorHasAMarkerUntilItIsFixed() throws Exception {
        IFile broken = write("broken.mkw", "scenario Broken\ntask t {\n    thread a {\n        call nobody.there\n    }\n}\n");
        awaitBuild();
        List<String> found = errors(broken);
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("4: "), found::toString);
        assertTrue(EditorTools.page().findEditor(new org.eclipse.ui.part.FileEditorInput(broken)) == null, "the file was never opened");
        // The Problems view refreshes after a delay, and other tests' files have problems too: wait for this one's row.
        List<List<String>> rows = new java.util.ArrayList<>(List.of(List.of()));
        UiTools.waitFor(() -> {
            try {
                rows.set(0, ScenarioEditorTest.problemsViewRows());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return rows.get(0).stream().anyMatch(r -> r.contains("nobody.there"));
        }, 15_000);
        assertTrue(rows.get(0).stream().anyMatch(r -> r.contains("nobody.there")), "the Problems view lists the closed file's error: " + rows.get(0));
        UiTools.screenshot(EditorTools.page(), EditorTools.page().showView("org.eclipse.ui.views.ProblemView"), "builder-problems-closed-file");

        write("broken.mkw", "scenario Broken\ntask t {\n    thread a {\n        exit\n    }\n}\n");
        awaitBuild();
        assertEquals(List.of(), errors(broken), "fixing the file removes its marker");
        broken.delete(true, null);
    }

    @Test
    @Order(3)
    void changingAnImportedFileRechecksItsClosedImporter() throws Exception {
        write("lib.mkw", LIB.replace("thread pong", "thread pang"));
        awaitBuild();
        List<String> found = errors(project.getFile("main.mkw"));
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("5: ") && found.get(0).contains("server.pong"), found::toString);
        write("lib.mkw", LIB);
        awaitBuild();
        assertEquals(List.of(), errors(project.getFile("main.mkw")));
    }

    @Test
    @Order(4)
    void findReferencesListsTheClosedImportingFile() throws Exception {
        MkwEditor editor = EditorTools.open(project.getFile("lib.mkw"));
        Job job = editor.findReferences(LIB.indexOf("pong") + 1);
        job.join();
        IWorkbenchPage page = EditorTools.page();
        UiTools.waitFor(() -> page.findView(ReferencesView.ID) instanceof ReferencesView v && !v.occurrences().isEmpty(), 10_000);
        ReferencesView view = (ReferencesView) page.findView(ReferencesView.ID);
        List<String> rows = view.occurrences().stream().map(o -> o.file().lastSegment() + ":" + o.line() + (o.declaration() ? " declaration" : "")).toList();
        assertEquals(List.of("lib.mkw:4 declaration", "main.mkw:5"), rows);
        assertTrue(view.statusText().contains("thread server.pong") && view.statusText().contains("1 reference in 2 files"), view.statusText());
        UiTools.screenshot(page, view, "builder-find-references");
        // Double-click equivalent: opening the reference shows main.mkw at server.pong's 'pong'.
        Occurrence ref = view.occurrences().get(1);
        view.open(ref);
        MkwEditor opened = (MkwEditor) page.getActiveEditor();
        assertEquals("main.mkw", opened.getEditorInput().getName());
        assertEquals("pong", EditorTools.document(opened).get(ref.offset(), ref.length()));
        page.closeAllEditors(false);
    }

    @Test
    @Order(5)
    void renameUpdatesTheImportingFile() throws Exception {
        MkwEditor editor = EditorTools.open(project.getFile("lib.mkw"));
        RenameScenarioElement rename = editor.renameRefactoring(LIB.indexOf("server") + 1);
        assertNotNull(rename);
        assertEquals("Rename task server", rename.getName());
        rename.setNewName("thread");
        assertTrue(rename.checkName("thread").contains("keyword"));
        rename.setNewName("echo");
        PerformRefactoringOperation op = new PerformRefactoringOperation(rename, CheckConditionsOperation.ALL_CONDITIONS);
        ResourcesPlugin.getWorkspace().run(op, null);
        assertTrue(op.getConditionStatus() == null || !op.getConditionStatus().hasFatalError(), String.valueOf(op.getConditionStatus()));
        awaitBuild();
        // The open file's buffer changed (and was saved: it was not dirty); the closed importer changed on disk.
        assertTrue(EditorTools.document(editor).get().contains("task echo {"));
        String main = new String(project.getFile("main.mkw").getContents(true).readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(MAIN.replace("call server.pong", "call echo.pong"), main);
        assertEquals(List.of(), errors(project.getFile("main.mkw")));
        assertEquals(List.of(), errors(project.getFile("lib.mkw")));
        assertTrue(!editor.isDirty(), "the rename saved the file that was not dirty");
    }

    @Test
    @Order(6)
    void theRenameDialogRenamesAThreadAndItsReferenceInTheClosedImporter() throws Exception {
        MkwEditor editor = EditorTools.open(project.getFile("lib.mkw"));
        String text = EditorTools.document(editor).get();
        Display display = Display.getCurrent();
        List<String> seen = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            Shell dialog = java.util.Arrays.stream(display.getShells()).filter(s -> s.isVisible() && s.getText().startsWith("Rename")).findFirst().orElse(null);
            Text name = dialog == null ? null : find(dialog, Text.class, null);
            Button ok = dialog == null ? null : find(dialog, Button.class, "OK");
            if (name == null || ok == null) {
                if (System.currentTimeMillis() < deadline) display.timerExec(100, poll[0]);
                else if (dialog != null) dialog.close();
                return;
            }
            seen.add(dialog.getText() + ": " + name.getText());
            name.setText("pang");
            try {
                UiTools.screenshot(dialog, "builder-rename-dialog");
            } catch (Exception e) {
                seen.add("no screenshot: " + e);
            }
            ok.notifyListeners(SWT.Selection, new Event());
        };
        display.timerExec(300, poll[0]);
        editor.rename(text.indexOf("thread pong") + 8); // returns when the dialog has closed
        awaitBuild();
        assertEquals(List.of("Rename thread echo.pong: pong"), seen, "the dialog offered the current name");
        String main = new String(project.getFile("main.mkw").getContents(true).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(main.contains("call echo.pang Echo.request"), main);
        assertEquals(List.of(), errors(project.getFile("main.mkw")));
    }

    /** The first control of {@code type} under {@code c} (with that text, for buttons). */
    private static <T extends Control> T find(Control c, Class<T> type, String text) {
        if (type.isInstance(c) && (text == null || (c instanceof Button b && b.getText().replace("&", "").equals(text)))) return type.cast(c);
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                T found = find(child, type, text);
                if (found != null) return found;
            }
        }
        return null;
    }
}
