package dev.mkw.ui.views;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import dev.mkw.ui.run.RunResults;

/**
 * A profile view that is one chart of the latest run (and the previous finished one): a
 * status line and the chart, refreshed on every published run or pause, with the export
 * actions in its menu. Subclasses only create the chart and give it the runs.
 *
 * @param <C> the chart widget
 */
public abstract class ChartView<C extends Control> extends ViewPart {
    private Label status;
    private C chart;

    protected abstract C createChart(Composite parent);

    /** Show the compared runs (latest first; empty: no run yet) in the chart. */
    protected abstract void show(C chart, List<RunResults.Run> runs);

    @Override
    public void createPartControl(Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 2;
        parent.setLayout(layout);
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        chart = createChart(parent);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ExportActions.addTo(getViewSite());
        new RunFeed(chart, this::show).refresh();
    }

    private void show(RunResults.Run latest, RunResults.Run previous) {
        List<RunResults.Run> runs = ProfileData.runs(latest, previous);
        status.setText(ProfileData.status(runs));
        show(chart, runs);
    }

    /** The chart, for tests. */
    public C chart() {
        return chart;
    }

    @Override
    public void setFocus() {
        chart.setFocus();
    }
}
