package dev.mkw.ui.views;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import dev.mkw.ui.run.RunResults;

/**
 * A view showing one table of the latest run: a status line (which run, when it ended) and
 * rows with typed columns. Subclasses say which rows and columns; the refresh on each new
 * run happens here, on the UI thread.
 */
public abstract class RunTableView<R> extends ViewPart {
    private TableViewer viewer;
    private Text filterField;
    private Label status;
    private final Consumer<RunResults.Run> listener = run -> {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(() -> show(run));
        }
    };

    /** A column: header, width and how to print a row's cell. */
    protected record Column<R>(String header, int width, Function<R, String> text) {}

    protected abstract List<Column<R>> columns();

    protected abstract List<R> rows(RunResults.Run run);

    /** Whether the view offers a filter field (rows whose cells contain the text stay). */
    protected boolean filterable() {
        return false;
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Text filter = null;
        if (filterable()) {
            filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
            filter.setMessage("Filter (thread, task, message, path)");
            filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        }
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        if (filter != null) {
            Text f = filter;
            List<Column<R>> cols = columns();
            viewer.addFilter(new ViewerFilter() {
                @SuppressWarnings("unchecked")
                @Override
                public boolean select(Viewer v, Object parentElement, Object element) {
                    String text = f.getText().trim();
                    if (text.isEmpty()) return true;
                    for (Column<R> c : cols) if (c.text().apply((R) element).contains(text)) return true;
                    return false;
                }
            });
            filter.addModifyListener(e -> viewer.refresh());
            this.filterField = filter;
        }
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (Column<R> c : columns()) {
            TableViewerColumn col = new TableViewerColumn(viewer, SWT.NONE);
            col.getColumn().setText(c.header());
            col.getColumn().setWidth(c.width());
            col.setLabelProvider(new ColumnLabelProvider() {
                @SuppressWarnings("unchecked")
                @Override
                public String getText(Object element) {
                    return c.text().apply((R) element);
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        RunResults.get().addListener(listener);
        show(RunResults.get().latest());
    }

    private void show(RunResults.Run run) {
        if (viewer.getControl().isDisposed()) return;
        if (run == null) {
            status.setText("No run yet: right-click a .mkw file > Run MKW Scenario (Ctrl+Alt+X M).");
            viewer.setInput(List.of());
        } else {
            status.setText(run.file() + ": " + run.report().cycles() + " cycles, ended: " + run.report().endReason()
                    + (run.report().failed() ? ", " + run.report().errors().size() + " error(s)" : ""));
            viewer.setInput(rows(run));
        }
        status.getParent().layout();
    }

    /** The filter field, or null (for tests). */
    public Text filterField() {
        return filterField;
    }

    /** The table, for tests. */
    public TableViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        RunResults.get().removeListener(listener);
        super.dispose();
    }
}
