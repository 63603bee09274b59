package dev.mkw.ui.charts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ScrollBar;

/**
 * A horizontal, optionally stacked bar chart drawn with GC: a label column, bars scaled to
 * the longest, a note after each bar, a legend on top. Two series (current and previous
 * run) are drawn as adjacent bars per row, the previous one paler. Rows that do not fit
 * scroll vertically rather than shrink to unreadable slivers.
 */
public final class HBarChart extends Canvas {
    private static final int BAR = 16;
    private static final int MAX_BAR = 28;
    private static final int GAP = 8;
    private static final int PAD = 6;
    private BarChartData data = BarChartData.empty("", "");
    private int top;

    public HBarChart(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.V_SCROLL);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> updateScroll());
        getVerticalBar().addListener(SWT.Selection, e -> {
            top = getVerticalBar().getSelection();
            redraw();
        });
    }

    public void setData(BarChartData d) {
        checkWidget();
        data = d;
        updateScroll();
        redraw();
    }

    public BarChartData data() {
        return data;
    }

    /** Title line plus as many legend lines as the legend wraps to at this width. */
    private int headerHeight(GC gc) {
        int line = gc.getFontMetrics().getHeight() + 2;
        return PAD + line + legend(gc, PAD, 0, getClientArea().width - 2 * PAD, false) + PAD;
    }

    /**
     * Bar height: thicker when few rows would leave the canvas mostly white, never thinner
     * than a text line (rows that do not fit scroll instead).
     */
    private int rowHeight(int lineHeight, int visible) {
        int bars = Math.max(1, data.barCount());
        int fit = (visible - data.groups().size() * GAP) / bars;
        return Math.max(Math.max(BAR, lineHeight), Math.min(MAX_BAR, fit));
    }

    private int contentHeight(int rowH) {
        int h = 0;
        for (BarChartData.Group g : data.groups()) h += g.bars().size() * rowH + GAP;
        return h;
    }

    private void updateScroll() {
        GC gc = new GC(this);
        int header = headerHeight(gc);
        int line = gc.getFontMetrics().getHeight();
        gc.dispose();
        int visible = Math.max(1, getClientArea().height - header);
        ScrollBar bar = getVerticalBar();
        int content = contentHeight(rowHeight(line, visible));
        bar.setVisible(content > visible);
        bar.setValues(Math.min(top, Math.max(0, content - visible)), 0, Math.max(content, 1), visible, 16, visible);
        top = bar.getSelection();
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setForeground(ChartColors.TEXT);
        int line = gc.getFontMetrics().getHeight();
        gc.drawText(ChartText.fit(gc, data.title(), area.width - 2 * PAD), PAD, PAD, true);
        legend(gc, PAD, PAD + line + 2, area.width - 2 * PAD, true);
        int header = headerHeight(gc);
        if (data.groups().isEmpty()) {
            String msg = data.empty();
            Point e = gc.textExtent(msg);
            gc.drawText(ChartText.fit(gc, msg, area.width - 2 * PAD), Math.max(PAD, (area.width - e.x) / 2), header + 20, true);
            return;
        }
        int labelW = 0, noteW = 0;
        for (BarChartData.Group g : data.groups()) {
            labelW = Math.max(labelW, gc.textExtent(g.label()).x);
            for (BarChartData.Bar b : g.bars()) noteW = Math.max(noteW, gc.textExtent(b.note()).x);
        }
        // In a narrow view the label and note columns give way first (shortened with an ellipsis),
        // but the plot never takes more than it needs to stay readable.
        labelW = Math.min(labelW, area.width / 4);
        noteW = Math.min(noteW, area.width * 2 / 5);
        int plotX = PAD + labelW + PAD;
        int plotW = Math.max(10, area.width - plotX - PAD - noteW - PAD);
        long max = Math.max(1, data.maxTotal());
        int rowH = rowHeight(line, area.height - header);
        gc.setClipping(0, header, area.width, area.height - header);
        int y = header - top;
        for (BarChartData.Group g : data.groups()) {
            int groupH = g.bars().size() * rowH;
            if (y + groupH >= header && y <= area.height) {
                gc.setForeground(ChartColors.TEXT);
                gc.drawText(ChartText.fit(gc, g.label(), labelW), PAD, y + (groupH - line) / 2, true);
                for (int s = 0; s < g.bars().size(); s++) bar(gc, g.bars().get(s), s, plotX, y + s * rowH, plotW, rowH, max, noteW);
            }
            y += groupH + GAP;
        }
        gc.setClipping((Rectangle) null);
    }

    private void bar(GC gc, BarChartData.Bar b, int series, int x, int y, int plotW, int rowH, long max, int noteW) {
        int h = rowH - 3;
        long acc = 0;
        int prevEnd = x;
        for (int i = 0; i < b.values().length; i++) {
            acc += b.values()[i];
            // Cumulative rounding keeps the stacked bar exactly as long as its total says.
            int end = x + (int) Math.round((double) acc / max * plotW);
            // A segment that has cycles at all stays visible, however small beside the longest bar.
            if (b.values()[i] > 0 && end <= prevEnd) end = prevEnd + 1;
            if (end > prevEnd) {
                gc.setBackground(ChartColors.segment(i, series));
                gc.fillRectangle(prevEnd, y + 1, end - prevEnd, h);
            }
            prevEnd = end;
        }
        gc.setForeground(ChartColors.TEXT);
        gc.drawText(ChartText.fit(gc, b.note(), noteW), prevEnd + PAD, y + (rowH - gc.getFontMetrics().getHeight()) / 2, true);
    }

    /**
     * The runs, then (for stacked bars) the segments, each a colour swatch and its name,
     * wrapping to further lines rather than cutting a run's name off. Returns the height used;
     * draws only if {@code draw}.
     */
    private int legend(GC gc, int x0, int y0, int width, boolean draw) {
        int line = gc.getFontMetrics().getHeight() + 2;
        int sw = line - 6;
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<org.eclipse.swt.graphics.Color> colors = new java.util.ArrayList<>();
        for (int s = 0; s < data.series().size(); s++) {
            names.add(data.series().get(s));
            colors.add(ChartColors.segment(0, s));
        }
        if (data.segments().size() > 1) {
            for (int i = 0; i < data.segments().size(); i++) {
                names.add(data.segments().get(i));
                colors.add(ChartColors.segment(i, 0));
            }
        }
        if (names.isEmpty()) return 0;
        int x = x0, y = y0;
        for (int i = 0; i < names.size(); i++) {
            String t = names.get(i);
            int w = sw + 4 + gc.textExtent(t).x;
            if (x > x0 && x + w > x0 + width) {
                x = x0;
                y += line;
            }
            if (draw) swatch(gc, x, y, sw, colors.get(i), t, x0 + width);
            x += w + 14;
        }
        return y - y0 + line;
    }

    private static int swatch(GC gc, int x, int y, int size, org.eclipse.swt.graphics.Color c, String text, int end) {
        if (x + size + 4 >= end) return x;
        gc.setBackground(c);
        gc.fillRectangle(x, y + 2, size, size);
        String t = ChartText.fit(gc, text, end - x - size - 4);
        gc.setForeground(ChartColors.TEXT);
        gc.drawText(t, x + size + 4, y, true);
        return x + size + 4 + gc.textExtent(t).x + 14;
    }
}
