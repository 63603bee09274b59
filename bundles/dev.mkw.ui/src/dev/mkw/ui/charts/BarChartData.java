package dev.mkw.ui.charts;

import java.util.List;

/**
 * What a horizontal bar chart shows: groups (a kernel path, a cache level, a thread), each
 * with one bar per run compared (current, previous), each bar made of stacked segments
 * (user/kernel, hits/misses) and a note printed after it (cycles, miss rate).
 *
 * @param title    the line above the chart
 * @param segments the segment names, for the legend, in stacking order
 * @param series   the runs' names, for the legend (one or two)
 * @param groups   the rows, top to bottom
 * @param empty    what to say instead of an empty canvas when there are no groups
 */
public record BarChartData(String title, List<String> segments, List<String> series, List<Group> groups, String empty) {
    public BarChartData {
        segments = List.copyOf(segments);
        series = List.copyOf(series);
        groups = List.copyOf(groups);
    }

    /** One row label with its bars, one per series in series order. */
    public record Group(String label, List<Bar> bars) {
        public Group {
            bars = List.copyOf(bars);
        }
    }

    /** One bar: segment values (same order as the chart's segments) and the text after it. */
    public record Bar(long[] values, String note) {
        public long total() {
            long s = 0;
            for (long v : values) s += v;
            return s;
        }
    }

    /** The longest bar, which spans the plot's width. */
    public long maxTotal() {
        long m = 0;
        for (Group g : groups) for (Bar b : g.bars) m = Math.max(m, b.total());
        return m;
    }

    /** How many bars in all (groups times series present). */
    public int barCount() {
        int n = 0;
        for (Group g : groups) n += g.bars.size();
        return n;
    }

    public static BarChartData empty(String title, String why) {
        return new BarChartData(title, List.of(), List.of(), List.of(), why);
    }
}
