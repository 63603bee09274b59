package dev.mkw.ui.views;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import dev.mkw.ui.charts.HistogramChart;
import dev.mkw.ui.run.RunResults;

/** The IPC latency histogram of the latest run (and the previous one): a bar per bucket, count/avg/min/max on top. */
public final class IpcLatencyView extends ViewPart {
    public static final String ID = "dev.mkw.ui.views.ipcLatency";
    private Label status;
    private HistogramChart chart;

    @Override
    public void createPartControl(Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 2;
        parent.setLayout(layout);
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        chart = new HistogramChart(parent);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ExportActions.addTo(getViewSite());
        new RunFeed(chart, this::show).refresh();
    }

    private void show(RunResults.Run latest, RunResults.Run previous) {
        List<RunResults.Run> runs = ProfileData.runs(latest, previous);
        status.setText(ProfileData.status(runs));
        chart.setData(ProfileData.ipcLatency(runs));
    }

    /** The chart, for tests. */
    public HistogramChart chart() {
        return chart;
    }

    @Override
    public void setFocus() {
        chart.setFocus();
    }
}
