package dev.mkw.ui.views;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

import dev.mkw.ui.charts.BarChartData;
import dev.mkw.ui.charts.HBarChart;
import dev.mkw.ui.run.RunResults;

/**
 * A view showing one table of the latest run: a status line (which run, when it ended) and
 * rows with typed columns, optionally with a bar chart beside the table. Subclasses say
 * which rows and columns (and chart); the refresh on each new run happens here, on the UI
 * thread. The view menu offers the trace and statistics exports of the shown run.
 */
public abstract class RunTableView<R> extends ViewPart {
    private TableViewer viewer;
    private Text filterField;
    private Label status;
    private HBarChart chart;
    private RunResults.Run shown;
    private List<R> all = List.of();
    private boolean showing;
    private String statusBase = "";
    /** The filter job running, or null; a newer filter or run cancels it. */
    private Job filtering;
    private final Consumer<RunResults.Run> listener = run -> {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            // Show the latest run when the UI gets to it, not this one: an older run shown late
            // would be paired with a newer "previous" run in the chart.
            viewer.getControl().getDisplay().asyncExec(() -> show(RunResults.get().latest()));
        }
    };

    /** A column: header, width and how to print a row's cell. */
    protected record Column<R>(String header, int width, Function<R, String> text) {}

    protected abstract List<Column<R>> columns();

    protected abstract List<R> rows(RunResults.Run run);

    /**
     * The chart drawn beside the table for the latest run and, if there is one, the previous
     * finished run; null (the default) for a table only.
     */
    protected BarChartData chart(List<RunResults.Run> runs) {
        return null;
    }

    /** More about the run for the status line (after its cycles and end), or "" (the default). */
    protected String statusDetail(RunResults.Run run) {
        return "";
    }

    /** Whether the view offers a filter field (rows whose cells contain the text stay). */
    protected boolean filterable() {
        return false;
    }

    /**
     * The table's rows over the run's own list: the widget asks for a row when it is about to
     * show it, and only then is its element set and its cells formatted. A refresh costs the
     * item count, not a pass over every row.
     */
    private final class LazyRows implements ILazyContentProvider {
        /** Swapped by {@link RunTableView#install}: the viewer's input stays this provider. */
        private List<R> rows = List.of();

        @Override
        public void inputChanged(Viewer v, Object oldInput, Object newInput) {
            // Nothing: the rows change under a fixed input (see install).
        }

        @Override
        public void updateElement(int index) {
            if (index < rows.size()) viewer.replace(rows.get(index), index);
        }
    }

    private final LazyRows lazyRows = new LazyRows();
    /** The row count's growth or shrinking, waiting for the view to be shown; null when none waits. */
    private Runnable deferredResize;
    private final IPartListener2 visibility = new IPartListener2() {
        @Override
        public void partVisible(IWorkbenchPartReference ref) {
            if (ref.getPart(false) != RunTableView.this || deferredResize == null) return;
            Runnable r = deferredResize;
            deferredResize = null;
            // After this event: the part's controls are made visible once its listeners have run.
            viewer.getControl().getDisplay().asyncExec(r);
        }
    };
    /** Adding and removing native rows cost differently (removing several times more a row): each has its own measure. */
    private final RowCountSlices growSlices = new RowCountSlices(), shrinkSlices = new RowCountSlices(20_000);
    private long rowsGeneration;
    /** A row selected before it was listed (-1: none); selected when the growth reaches it. */
    private int pendingRow = -1;
    /**
     * The row last picked, by a click or by {@link #select(int)} (-1: none): a swap of rows keeps
     * it without asking GTK for the selection, which walks every row of the table to answer.
     */
    private int pickedRow = -1;

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
        boolean charted = chart(List.of()) != null;
        Composite body = charted ? new SashForm(parent, SWT.HORIZONTAL) : parent;
        if (charted) body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // Virtual and lazy: a whole trace gives hundreds of thousands of Message Log rows, and
        // creating (or even mapping) every row up front kept the UI thread busy for seconds.
        viewer = new TableViewer(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.VIRTUAL);
        viewer.setUseHashlookup(false);
        if (filter != null) {
            filter.addModifyListener(e -> showRows());
            this.filterField = filter;
        }
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().addListener(SWT.Selection, e -> {
            Table t = viewer.getTable();
            int i = e.item instanceof org.eclipse.swt.widgets.TableItem item ? t.indexOf(item) : -1;
            pickedRow = i >= 0 && t.isSelected(i) ? i : -1;
        });
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
        viewer.setContentProvider(lazyRows);
        // Set once: new rows are swapped in under it (install), not through setInput, whose
        // refresh keeps the selection by looking its element up among all rows.
        viewer.setInput(lazyRows);
        if (charted) {
            chart = new HBarChart(body);
            ((SashForm) body).setWeights(45, 55);
        }
        ExportActions.addTo(getViewSite());
        getSite().getPage().addPartListener(visibility);
        RunResults.get().addListener(listener);
        show(RunResults.get().latest());
    }

    private void show(RunResults.Run run) {
        if (viewer.getControl().isDisposed()) return;
        if (showing && run == shown) return; // several publications, one refresh
        showing = true;
        shown = run;
        if (run == null) {
            statusBase = "No run yet: right-click a .mkw file > Run MKW Scenario (Ctrl+Alt+X M).";
            status.setText(statusBase);
            all = List.of();
            showRows();
        } else {
            statusBase = run.file() + ": " + run.report().cycles() + " cycles, ended: " + run.report().endReason()
                    + (run.report().failed() ? ", " + run.report().errors().size() + " error(s)" : "") + statusDetail(run);
            status.setText(statusBase);
            all = rows(run);
            showRows();
        }
        if (chart != null) chart.setData(chart(ProfileData.runs(run, RunResults.get().previous())));
        // Only the status line changed size: a full layout() asked the table for its size again,
        // and GTK measures every row for it (about 50 ms with 200 000 rows).
        status.getParent().layout(new Control[] {status});
    }

    /**
     * The rows the filter keeps into the table. Without a filter that is the run's own list;
     * with one, a job finds the rows (formatting every cell of 200 000 rows is no work for the
     * UI thread) and the UI thread only swaps in the result.
     */
    private void showRows() {
        String text = filterField == null ? "" : filterField.getText().trim();
        if (filtering != null) filtering.cancel();
        filtering = null;
        long generation = ++rowsGeneration;
        if (text.isEmpty()) {
            install(RowIndex.all(all), generation, "");
            return;
        }
        List<R> source = all;
        status(String.format(" (filtering %,d rows...)", source.size()));
        Job job = Job.create("MKW: filter " + getPartName(), monitor -> {
            int[] kept = keep(source, text, monitor);
            if (kept == null) return Status.CANCEL_STATUS;
            Control c = viewer.getControl();
            if (!c.isDisposed()) c.getDisplay().asyncExec(() -> install(RowIndex.of(source, kept), generation,
                    String.format(" (%,d of %,d rows contain \"%s\")", kept.length, source.size(), text)));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        filtering = job;
        job.schedule();
    }

    /**
     * The positions of the rows of {@code rows} that contain {@code text} in a cell, ascending;
     * null when {@code monitor} is cancelled. Runs in a job. By default each row's cells are
     * printed and searched; a view whose rows know a cheaper way says so.
     */
    protected int[] keep(List<R> rows, String text, IProgressMonitor monitor) {
        return RowFilter.keep(rows, columns().stream().map(Column::text).toList(), text, monitor);
    }

    /**
     * Swaps ready rows into the table (unless a newer filter or run came meanwhile). This event
     * only swaps: the row count moves in the following ones (see resizeRows), so no removal
     * slice shares an event with the swap. The row picked before is picked again among the new
     * rows, by value, once its row is listed (or once a shrink is over).
     */
    private void install(RowIndex<R> rows, long generation, String detail) {
        if (viewer.getControl().isDisposed() || generation != rowsGeneration) return;
        filtering = null;
        status(detail);
        Table table = viewer.getTable();
        R picked = rowAt(pendingRow >= 0 ? pendingRow : pickedRow);
        pickedRow = -1;
        if (rows.size() < table.getItemCount() && table.getItemCount() > 0) {
            // Rows go from the end. Scrolled there (a row selected at the end of a long log), GTK
            // moved the view at every removed row (0.6 s of CPU for one slice); and GTK's focus
            // row, left there by the last selection, follows every removal of the last row and
            // drags the view along. Both go to the top first (setSelection also deselects all).
            table.setSelection(0);
            table.setTopIndex(0);
            table.deselect(0);
        } else {
            table.deselectAll();
        }
        lazyRows.rows = rows;
        // Rows already made (those drawn so far) ask for their new element when next drawn.
        // The viewer's setInput and refresh did the same, but also kept the selection by
        // element, which on a lazy viewer means a lookup among all rows.
        table.clearAll();
        pendingRow = picked == null ? -1 : rows.indexOf(picked);
        table.getDisplay().asyncExec(() -> resizeRows(rows.size(), generation));
    }

    /** The status line with {@code detail} after the run's description. */
    private void status(String detail) {
        if (status.isDisposed()) return;
        status.setText(statusBase + detail);
    }

    /**
     * Moves the widget's row count one slice towards {@code target} per UI event: GTK creates
     * (or removes) a native row for each (2-4 ms per thousand on this machine, more under load),
     * so 200 000 rows at once held the UI thread for half a second. The first rows show at once;
     * the rest follow within a few events, and a newer input stops an older resize.
     */
    private void resizeRows(int target, long generation) {
        if (viewer.getControl().isDisposed() || generation != rowsGeneration) return;
        int now = viewer.getTable().getItemCount();
        if (now == target) {
            if (pendingRow >= 0 && pendingRow < now) select(pendingRow);
            return;
        }
        if (!viewer.getTable().isVisible() && Math.abs(target - now) > RowCountSlices.MIN_ROWS) {
            // A view behind another tab shows none of its rows: many native rows (the UI thread's
            // main cost after a run with a whole trace) are made when the view is brought up.
            // A short table is listed at once: it costs less than the waiting.
            deferredResize = () -> resizeRows(target, generation);
            return;
        }
        deferredResize = null;
        // Shrinking goes in slices too: Table.removeAll (GTK's list store cleared with the view
        // attached, a signal per row) held the UI thread for 4 s of CPU for 200 000 rows.
        boolean grow = target > now;
        RowCountSlices rowSlices = grow ? growSlices : shrinkSlices;
        int next = rowSlices.next(now, target);
        long t = System.nanoTime();
        Table table = viewer.getTable();
        if (grow) {
            // The widget's count, not the viewer's: AbstractTableViewer.setItemCount also reallocates
            // an element cache of the new size per slice, which a lazy content provider never reads.
            table.setItemCount(next);
        } else {
            // Table.remove, not setItemCount: both remove the same native rows, but setItemCount
            // also allocates a new item array of the remaining size per slice (a shrink from
            // 200 000 rows in slices of a thousand made 80 MB of such arrays, most of them
            // humongous objects for G1, and the collections they caused fell into UI events).
            table.remove(next, now - 1);
        }
        rowSlices.took(Math.abs(next - now), System.nanoTime() - t);
        // A row picked meanwhile is selected when listed, or after a shrink (selecting reveals
        // it, and removing rows under a scrolled view is what GTK does slowest).
        if (pendingRow >= 0 && pendingRow < next && (grow || next == target)) select(pendingRow);
        if (next != target) viewer.getControl().getDisplay().asyncExec(() -> resizeRows(target, generation));
    }

    /** The run whose rows are the table's input (listed or still to be listed in the widget), or null. */
    public RunResults.Run shownRun() {
        return shown;
    }

    /** Whether every row of the current input is in the widget (the growth has finished); for tests. */
    public boolean allRowsListed() {
        return viewer.getTable().getItemCount() == lazyRows.rows.size();
    }

    /**
     * Selects and reveals the row of {@code element} (equal by value) among the rows shown, at
     * once or when its row is listed; false when the filter leaves it out. By index: a lazy
     * viewer cannot look up an element it has not materialized without materializing every row.
     */
    public boolean selectRow(R element) {
        int i = lazyRows.rows.indexOf(element);
        if (i < 0) return false;
        if (i >= viewer.getTable().getItemCount()) {
            // Not listed yet (the table is growing, or waits behind another tab): selected when
            // its slice is in. Listing up to it at once could be 200 000 native rows in one event.
            pendingRow = i;
            return true;
        }
        select(i);
        return true;
    }

    private void select(int i) {
        pendingRow = -1;
        pickedRow = i;
        viewer.getTable().getItem(i).getText(0); // materialize the row (SetData -> updateElement)
        viewer.getTable().setSelection(i);
        viewer.getTable().showSelection();
    }

    /** The element of row {@code index} (materialized on demand); for tests and selection. */
    public R rowAt(int index) {
        return index >= 0 && index < lazyRows.rows.size() ? lazyRows.rows.get(index) : null;
    }

    /** Whether a filter is still looking for its rows (for tests: the table shows its result when false). */
    public boolean filtering() {
        return filtering != null;
    }

    /** The filter field, or null (for tests). */
    public Text filterField() {
        return filterField;
    }

    /** The status line's text (for tests). */
    public String statusText() {
        return status.getText();
    }

    /** The chart beside the table, or null; for tests. */
    public HBarChart chart() {
        return chart;
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
        getSite().getPage().removePartListener(visibility);
        RunResults.get().removeListener(listener);
        super.dispose();
    }
}
