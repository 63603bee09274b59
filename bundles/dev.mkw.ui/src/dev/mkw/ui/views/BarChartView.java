package dev.mkw.ui.views;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import dev.mkw.ui.charts.BarChartData;
import dev.mkw.ui.charts.HBarChart;
import dev.mkw.ui.run.RunResults;

/**
 * A profile view that is one bar chart of the latest run (and the previous finished one):
 * a status line and the chart, refreshed on every published run or pause. Subclasses only
 * say how a run becomes chart data.
 */
public abstract class BarChartView extends ViewPart {
    private Label status;
    private HBarChart chart;

    /** The chart data of the compared runs (latest first); empty list: no run yet. */
    protected abstract BarChartData data(List<RunResults.Run> runs);

    @Override
    public void createPartControl(Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 2;
        parent.setLayout(layout);
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        chart = new HBarChart(parent);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ExportActions.addTo(getViewSite());
        new RunFeed(chart, this::show).refresh();
    }

    private void show(RunResults.Run latest, RunResults.Run previous) {
        List<RunResults.Run> runs = ProfileData.runs(latest, previous);
        status.setText(ProfileData.status(runs));
        chart.setData(data(runs));
    }

    /** The chart, for tests. */
    public HBarChart chart() {
        return chart;
    }

    @Override
    public void setFocus() {
        chart.setFocus();
    }
}
