package dev.mkw.ui.views;

import java.util.List;

import dev.mkw.ui.charts.BarChartData;
import dev.mkw.ui.run.RunResults;

/** TLB and cache levels of the modelled machine: hits and misses as stacked bars, with miss rates. */
public final class CacheTlbView extends BarChartView {
    public static final String ID = "dev.mkw.ui.views.cacheTlb";

    @Override
    protected BarChartData data(List<RunResults.Run> runs) {
        return ProfileData.cacheTlb(runs);
    }
}
