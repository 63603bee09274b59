package dev.mkw.dsl.ui.refactoring;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.mkw.dsl.ide.refactoring.Occurrence;
import dev.mkw.dsl.ui.build.WorkspaceScenarios;

/**
 * The result of Find References (Ctrl+Shift+G in the scenario editor): the declaration and
 * every reference to it in the workspace's scenarios, open or not, as file, line and the
 * line's text. Double-click (or Enter) opens the file at the occurrence.
 */
public final class ReferencesView extends ViewPart {
    public static final String ID = "dev.mkw.dsl.ui.references";
    private Label status;
    private TableViewer viewer;
    private List<Occurrence> shown = List.of();

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("Find References: put the caret on a task, thread, protocol or message in a scenario and press Ctrl+Shift+G.");
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.getTable().setHeaderVisible(true);
        column("File", 260, o -> WorkspaceScenarios.file(o.file()) != null ? WorkspaceScenarios.file(o.file()).getFullPath().toString() : o.file().toString());
        column("Line", 50, o -> Integer.toString(o.line()));
        column("", 90, o -> o.declaration() ? "declaration" : "reference");
        column("Text", 420, Occurrence::lineText);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addOpenListener(e -> open((Occurrence) ((IStructuredSelection) e.getSelection()).getFirstElement()));
    }

    private void column(String header, int width, java.util.function.Function<Occurrence, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(header);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Occurrence) element);
            }
        });
    }

    /** Show the occurrences of {@code label} (e.g. "thread server.pong"). */
    public void show(String label, List<Occurrence> occurrences) {
        shown = List.copyOf(occurrences);
        long files = occurrences.stream().map(Occurrence::file).distinct().count();
        long refs = occurrences.stream().filter(o -> !o.declaration()).count();
        status.setText(String.format("'%s': %d reference%s in %d file%s", label, refs, refs == 1 ? "" : "s", files, files == 1 ? "" : "s"));
        viewer.setInput(shown);
        status.getParent().layout();
    }

    /** A line in place of the result's summary (nothing found, nothing to search). */
    public void showMessage(String message) {
        status.setText(message);
    }

    /** The occurrences shown (for tests). */
    public List<Occurrence> occurrences() {
        return shown;
    }

    public String statusText() {
        return status.getText();
    }

    /** Opens the occurrence's file and selects it. */
    public void open(Occurrence o) {
        IFile f = o == null ? null : WorkspaceScenarios.file(o.file());
        if (f == null) return;
        try {
            IEditorPart part = IDE.openEditor(getSite().getPage(), f);
            if (part instanceof ITextEditor editor) editor.selectAndReveal(o.offset(), o.length());
        } catch (PartInitException e) {
            status.setText("Cannot open " + f.getFullPath() + ": " + e.getMessage());
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
