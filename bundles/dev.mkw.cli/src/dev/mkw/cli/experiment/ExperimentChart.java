package dev.mkw.cli.experiment;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import dev.mkw.dsl.ParamValues;

/**
 * An experiment's plot with JFreeChart: the figure over the first varied axis, one series per
 * combination of the other axes. A numeric axis (message sizes, working sets, counts) is an XY
 * line chart, on a log-2 scale when it spans a factor of 16 or more; words (variants, presets)
 * give a bar chart. Rendered headless to PNG (Java2D) and SVG (JFreeSVG) with fixed sizes and
 * fixed SVG ids, so the same runs give the same files.
 */
public final class ExperimentChart {
    static final int WIDTH = 800, HEIGHT = 480;

    private ExperimentChart() {}

    /** The series of MKW's figures is named by the metric, or by the other axes' settings; the claims' figures by {@value #PUBLISHED} first. */
    static final String PUBLISHED = "published";

    /**
     * The plotted points: series name → (x value as written, figure), in point order. Absolute
     * claims ({@code expect N UNIT}, {@code reference}) add their published figure at each point
     * they name, as series {@value #PUBLISHED} (with the other axes' settings), so the plot shows
     * MKW's figure beside the one it is checked against.
     */
    public static Map<String, List<Map.Entry<String, Double>>> series(ExperimentResult r) {
        List<String> axes = r.spec().axisKeys();
        Map<String, List<Map.Entry<String, Double>>> series = new LinkedHashMap<>();
        Map<String, List<Map.Entry<String, Double>>> published = new LinkedHashMap<>();
        for (int i = 0; i < r.size(); i++) {
            Map<String, String> v = r.varied(i);
            String x = v.get(axes.get(0));
            List<String> rest = new ArrayList<>();
            for (String k : axes.subList(1, axes.size())) rest.add(k + "=" + v.get(k));
            String name = rest.isEmpty() ? r.spec().metric() : String.join(", ", rest);
            series.computeIfAbsent(name, n -> new ArrayList<>()).add(Map.entry(x, r.figure(i)));
            for (Claim c : r.spec().claims()) {
                if (!c.absolute() || !ClaimVerdict.matches(r.settings(i), c.a()) || !ClaimVerdict.matches(r.settings(i), c.where())) continue;
                var points = published.computeIfAbsent(rest.isEmpty() ? PUBLISHED : PUBLISHED + ", " + name, n -> new ArrayList<>());
                if (points.stream().noneMatch(p -> p.getKey().equals(x))) points.add(Map.entry(x, c.published()));
            }
        }
        series.putAll(published);
        return series;
    }

    /** The chart of {@code r}. */
    public static JFreeChart chart(ExperimentResult r) {
        String xKey = r.spec().axisKeys().get(0);
        String yLabel = r.spec().metric() + (r.spec().unit().isEmpty() ? "" : " (" + r.spec().unit() + ")");
        Map<String, List<Map.Entry<String, Double>>> series = series(r);
        JFreeChart chart = numeric(series) ? xy(r.spec().title(), xKey, yLabel, series) : bars(r.spec().title(), xKey, yLabel, series);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    private static boolean numeric(Map<String, List<Map.Entry<String, Double>>> series) {
        for (var s : series.values()) {
            for (var p : s) {
                try {
                    ParamValues.parse(p.getKey());
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static JFreeChart xy(String title, String xKey, String yLabel, Map<String, List<Map.Entry<String, Double>>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (var e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            for (var p : e.getValue()) {
                double x = ParamValues.parse(p.getKey());
                min = Math.min(min, x);
                max = Math.max(max, x);
                if (!p.getValue().isNaN()) s.add(x, p.getValue());
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xKey, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        if (min > 0 && max / min >= 16) {
            LogAxis log = new LogAxis(xKey + " (log scale)");
            log.setBase(2);
            log.setSmallestValue(min / 2);
            // A tick at every power of two, labelled with the value itself (4,096), not 2^12.0.
            log.setAutoTickUnitSelection(false);
            log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
            log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            plot.setDomainAxis(log);
        }
        return chart;
    }

    private static JFreeChart bars(String title, String xKey, String yLabel, Map<String, List<Map.Entry<String, Double>>> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (var e : series.entrySet()) {
            for (var p : e.getValue()) data.addValue(p.getValue().isNaN() ? null : p.getValue(), e.getKey(), p.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, xKey, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /** The chart as PNG. */
    public static void writePng(JFreeChart chart, Path file) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            ChartUtils.writeChartAsPNG(o, chart, WIDTH, HEIGHT);
        }
    }

    /** The chart as an SVG element (for inline use) with ids that do not change from run to run. */
    public static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix("mkw");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement();
    }

    /** An SVG element ({@link #svg}) as a file of its own. */
    public static void writeSvg(String svgElement, Path file) throws IOException {
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement + "\n", StandardCharsets.UTF_8);
    }
}
