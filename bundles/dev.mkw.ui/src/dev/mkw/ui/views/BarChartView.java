package dev.mkw.ui.views;

import java.util.List;

import org.eclipse.swt.widgets.Composite;

import dev.mkw.ui.charts.BarChartData;
import dev.mkw.ui.charts.HBarChart;
import dev.mkw.ui.run.RunResults;

/**
 * A profile view that is one bar chart of the latest run (and the previous finished one):
 * a status line and the chart, refreshed on every published run or pause. Subclasses only
 * say how a run becomes chart data.
 */
public abstract class BarChartView extends ChartView<HBarChart> {
    /** The chart data of the compared runs (latest first); empty list: no run yet. */
    protected abstract BarChartData data(List<RunResults.Run> runs);

    @Override
    protected HBarChart createChart(Composite parent) {
        return new HBarChart(parent);
    }

    @Override
    protected void show(HBarChart chart, List<RunResults.Run> runs) {
        chart.setData(data(runs));
    }
}
