package dev.mkw.ui.views;

import java.util.List;

import dev.mkw.ui.charts.BarChartData;
import dev.mkw.ui.run.RunResults;

/** Where the CPUs' cycles went: user and kernel cycles per thread, and idle, with shares. */
public final class CpuShareView extends BarChartView {
    public static final String ID = "dev.mkw.ui.views.cpuShare";

    @Override
    protected BarChartData data(List<RunResults.Run> runs) {
        return ProfileData.cpuShare(runs);
    }
}
