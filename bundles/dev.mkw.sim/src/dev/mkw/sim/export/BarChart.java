package dev.mkw.sim.export;

import java.util.ArrayList;
import java.util.List;

/** A self-contained SVG bar chart, drawn as the HTML report draws its charts (for experiments and other front ends). */
public final class BarChart {
    private BarChart() {}

    /** One bar: its label, its value and the text after it. */
    public record Bar(String label, long value, String text) {}

    /** A horizontal bar chart of {@code bars} titled {@code title}, the value named {@code unit} in the legend. */
    public static String svg(String title, String unit, List<Bar> bars) {
        List<Svg.Row> rows = new ArrayList<>();
        for (Bar b : bars) rows.add(new Svg.Row(b.label(), new long[] {Math.max(0, b.value())}, b.text()));
        return Svg.bars(title, List.of(unit), rows);
    }
}
