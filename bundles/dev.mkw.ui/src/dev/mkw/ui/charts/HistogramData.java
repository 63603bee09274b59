package dev.mkw.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import dev.mkw.sim.report.Histogram;

/**
 * What a histogram chart shows: one slot per bucket (the union of the series' buckets, so
 * two runs line up), a count per series in each slot, and a summary line per series.
 *
 * @param title     the line above the chart
 * @param series    the runs' names (one or two)
 * @param summaries per series: count, mean, min, max as text
 * @param slots     the buckets, in increasing order
 * @param unit      the values' unit for the axis caption ("cycles")
 * @param empty     what to say when there are no samples
 */
public record HistogramData(String title, List<String> series, List<String> summaries, List<Slot> slots, String unit, String empty) {
    public HistogramData {
        series = List.copyOf(series);
        summaries = List.copyOf(summaries);
        slots = List.copyOf(slots);
    }

    /** Values in [lower, upper] were seen counts[s] times in series s. */
    public record Slot(long lower, long upper, long[] counts) {}

    /** Line up the buckets of the given histograms (same order as {@code names}). */
    public static HistogramData of(String title, List<String> names, List<Histogram> histograms, String unit, String empty) {
        TreeMap<Long, Slot> slots = new TreeMap<>();
        List<String> summaries = new ArrayList<>();
        for (int s = 0; s < histograms.size(); s++) {
            Histogram h = histograms.get(s);
            for (Histogram.Bucket b : h.buckets()) {
                Slot slot = slots.computeIfAbsent(b.lower(), k -> new Slot(b.lower(), b.upper(), new long[histograms.size()]));
                slot.counts()[s] += b.count();
            }
            summaries.add(String.format("%s: count %,d   avg %.1f   min %,d   max %,d   p99 %,d %s", names.get(s), h.count(), h.mean(),
                    h.min(), h.max(), h.p99(), unit));
        }
        return new HistogramData(title, names, summaries, new ArrayList<>(slots.values()), unit, empty);
    }

    /** Samples of series {@code s} over all slots. */
    public long total(int s) {
        long t = 0;
        for (Slot slot : slots) t += slot.counts()[s];
        return t;
    }

    public long maxCount() {
        long m = 0;
        for (Slot slot : slots) for (long c : slot.counts()) m = Math.max(m, c);
        return m;
    }
}
