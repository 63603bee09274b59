package dev.mkw.sim.export;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML report, drawn like the workbench's charts (dev.mkw.ui.charts):
 * horizontal bars with stacked segments and a value text after each bar, and a histogram.
 * Plain text output, deterministic (fixed number formats), no scripts, no external files.
 */
final class Svg {
    private Svg() {}

    /** The workbench's segment colours: user/hits, kernel/misses, idle, then more. */
    static final String[] COLORS = {"#4c9900", "#e6781e", "#969696", "#3c6ebe", "#aa46a0", "#c8aa28"};
    static final String ARROW = "#3c3cc8";
    private static final int LABEL = 180, BAR = 460, TEXT = 260, ROW = 20, TOP = 28;

    /** One row of a bar chart: a label, segment values (stacked) and the text after the bar. */
    record Row(String label, long[] values, String text) {}

    /** A horizontal bar chart; {@code legend} names the segments. */
    static String bars(String title, List<String> legend, List<Row> rows) {
        long max = 1;
        for (Row r : rows) {
            long sum = 0;
            for (long v : r.values()) sum += v;
            max = Math.max(max, sum);
        }
        int width = LABEL + BAR + TEXT, height = TOP + rows.size() * ROW + 8;
        StringBuilder b = open(width, height, title);
        legend(b, legend, LABEL);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = TOP + i * ROW;
            b.append(text(LABEL - 6, y + 14, "end", r.label()));
            double x = LABEL;
            for (int s = 0; s < r.values().length; s++) {
                double w = (double) r.values()[s] / max * BAR;
                if (w > 0) b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", x, y + 3, Math.max(w, 0.5), ROW - 6, COLORS[s % COLORS.length]));
                x += w;
            }
            b.append(text((int) Math.ceil(x) + 6, y + 14, "start", r.text()));
        }
        return b.append("</svg>").toString();
    }

    /** A histogram: one column per bucket, its count above, the bucket's lower bound below. */
    static String histogram(String title, List<long[]> buckets, String unit) {
        int n = Math.max(1, buckets.size()), plotH = 160, colW = Math.max(14, Math.min(48, 760 / n));
        int width = 60 + n * colW + 20, height = TOP + plotH + 44;
        long max = 1;
        for (long[] bk : buckets) max = Math.max(max, bk[2]);
        StringBuilder b = open(width, height, title);
        int base = TOP + plotH;
        b.append(String.format(Locale.ROOT, "<line x1=\"60\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", base, width - 20, base));
        for (int i = 0; i < buckets.size(); i++) {
            long[] bk = buckets.get(i);
            int h = (int) Math.round((double) bk[2] / max * (plotH - 16));
            int x = 60 + i * colW;
            if (bk[2] > 0) b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s..%s %s: %,d</title></rect>",
                    x + 1, base - Math.max(h, 1), colW - 2, Math.max(h, 1), COLORS[3], bk[0], bk[1], esc(unit), bk[2]));
            if (bk[2] > 0) b.append(text(x + colW / 2, base - Math.max(h, 1) - 3, "middle", String.format(Locale.ROOT, "%,d", bk[2])));
            if (i % Math.max(1, n / 12) == 0) b.append(text(x + colW / 2, base + 14, "middle", Long.toString(bk[0])));
        }
        b.append(text(60 + n * colW / 2, base + 34, "middle", unit + " (lower bound of each bucket)"));
        return b.append("</svg>").toString();
    }

    static StringBuilder open(int width, int height, String title) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">",
                width, height, width, height));
        b.append("<title>").append(esc(title)).append("</title>");
        return b;
    }

    static void legend(StringBuilder b, List<String> names, int x) {
        for (int i = 0; i < names.size(); i++) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, COLORS[i % COLORS.length]));
            b.append(text(x + 16, 16, "start", names.get(i)));
            x += 28 + 7 * names.get(i).length();
        }
    }

    static String text(int x, int y, String anchor, String s) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor, esc(s));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
