package dev.mkw.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

import dev.mkw.dsl.ui.editor.MkwEditor;
import dev.mkw.dsl.ui.markers.ProblemMarkers;

/** Workspace files, the scenario editor and its popups, for the editor UI tests. */
final class EditorTools {
    private EditorTools() {}

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    static IProject project() throws CoreException {
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject("editor-tests");
        if (!p.exists()) p.create(null);
        if (!p.isOpen()) p.open(null);
        return p;
    }

    static String exampleText(String name) throws Exception {
        return Files.readString(Path.of(System.getProperty("mkw.home", "../..")).resolve("examples/scenarios").resolve(name));
    }

    /** A fresh workspace file {@code name} holding {@code text} (replacing an older one from a previous test). */
    static IFile file(String name, String text) throws CoreException {
        IFile f = project().getFile(name);
        var in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        if (f.exists()) f.setContents(in, IResource.FORCE, null);
        else f.create(in, true, null);
        return f;
    }

    /** Opens {@code file} and waits until the first reconcile has been applied. */
    static MkwEditor open(IFile file) throws Exception {
        MkwEditor editor = (MkwEditor) IDE.openEditor(page(), file, MkwEditor.ID);
        awaitReconciled(editor);
        return editor;
    }

    static void awaitReconciled(MkwEditor editor) {
        UiTools.waitFor(editor::isUpToDate, 20_000);
        if (!editor.isUpToDate()) throw new AssertionError("editor not reconciled within 20 s");
    }

    static IDocument document(MkwEditor editor) {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    static IMarker[] markers(IFile file) {
        try {
            return file.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO);
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<IMarker> errors(IFile file) {
        return Arrays.stream(markers(file)).filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).toList();
    }

    /** The rows of a visible popup table (proposal list, quick-fix list) outside the workbench window. */
    static List<String> popupRows() {
        Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        List<String> rows = new ArrayList<>();
        for (Shell s : Display.getCurrent().getShells()) {
            if (s == main || !s.isVisible()) continue;
            collect(s, rows);
        }
        return rows;
    }

    private static void collect(Control c, List<String> rows) {
        if (c instanceof Table t) for (TableItem item : t.getItems()) rows.add(item.getText());
        if (c instanceof org.eclipse.swt.widgets.Composite comp) for (Control child : comp.getChildren()) collect(child, rows);
    }

    /** One-based line of the first occurrence of {@code what}. */
    static int lineOf(String text, String what) {
        int at = text.indexOf(what);
        if (at < 0) throw new AssertionError("'" + what + "' not in text");
        return (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
    }
}
