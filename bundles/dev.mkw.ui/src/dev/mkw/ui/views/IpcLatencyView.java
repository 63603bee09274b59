package dev.mkw.ui.views;

import java.util.List;

import org.eclipse.swt.widgets.Composite;

import dev.mkw.ui.charts.HistogramChart;
import dev.mkw.ui.run.RunResults;

/** The IPC latency histogram of the latest run (and the previous one): a bar per bucket, count/avg/min/max on top. */
public final class IpcLatencyView extends ChartView<HistogramChart> {
    public static final String ID = "dev.mkw.ui.views.ipcLatency";

    @Override
    protected HistogramChart createChart(Composite parent) {
        return new HistogramChart(parent);
    }

    @Override
    protected void show(HistogramChart chart, List<RunResults.Run> runs) {
        chart.setData(ProfileData.ipcLatency(runs));
    }
}
