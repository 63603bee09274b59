package dev.mkw.ui.charts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A vertical-bar histogram drawn with GC: summary lines on top, one slot per bucket with a
 * bar per series side by side, the y axis scaled to the fullest bucket, bucket bounds
 * under the slots (thinned so they never overlap).
 */
public final class HistogramChart extends Canvas {
    private static final int PAD = 6;
    private HistogramData data;

    public HistogramChart(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        addPaintListener(e -> paint(e.gc));
    }

    public void setData(HistogramData d) {
        checkWidget();
        data = d;
        redraw();
    }

    public HistogramData data() {
        return data;
    }

    private void paint(GC gc) {
        if (data == null) return;
        Rectangle a = getClientArea();
        int line = gc.getFontMetrics().getHeight();
        gc.setForeground(ChartColors.TEXT);
        int y = PAD;
        gc.drawText(ChartText.fit(gc, data.title(), a.width - 2 * PAD), PAD, y, true);
        y += line + 2;
        int sw = line - 4;
        for (int s = 0; s < data.summaries().size(); s++) {
            gc.setBackground(ChartColors.segment(3, s));
            gc.fillRectangle(PAD, y + 2, sw, sw);
            gc.drawText(ChartText.fit(gc, data.summaries().get(s), a.width - 3 * PAD - sw), PAD + sw + 4, y, true);
            y += line + 2;
        }
        if (data.slots().isEmpty()) {
            gc.drawText(ChartText.fit(gc, data.empty(), a.width - 2 * PAD), PAD, y + 20, true);
            return;
        }
        long max = Math.max(1, data.maxCount());
        String maxText = ChartText.number(max);
        int axisX = PAD + gc.textExtent(maxText).x + 4;
        int plotTop = y + line / 2 + 6; // room for the max label, which is centred on the top line
        int plotBottom = a.height - PAD - 2 * line - 4;
        int plotW = a.width - axisX - PAD;
        if (plotBottom - plotTop < 10 || plotW < 10) return;
        gc.setForeground(ChartColors.GRID);
        gc.drawLine(axisX, plotTop, axisX + plotW, plotTop);
        gc.setForeground(ChartColors.TEXT);
        gc.drawText(maxText, PAD, plotTop - line / 2, true);
        gc.drawText("0", axisX - 4 - gc.textExtent("0").x, plotBottom - line / 2, true);
        gc.drawLine(axisX, plotBottom, axisX + plotW, plotBottom);
        int n = data.slots().size();
        int series = data.series().size();
        double slotW = (double) plotW / n;
        int barW = Math.max(1, (int) (slotW * 0.8 / series));
        for (int i = 0; i < n; i++) {
            HistogramData.Slot slot = data.slots().get(i);
            int x0 = axisX + (int) (i * slotW + slotW * 0.1);
            for (int s = 0; s < series; s++) {
                int h = (int) Math.round((double) slot.counts()[s] / max * (plotBottom - plotTop));
                // A bucket with any samples stays visible next to a dominant one.
                if (slot.counts()[s] > 0) h = Math.max(h, 1);
                gc.setBackground(ChartColors.segment(3, s));
                gc.fillRectangle(x0 + s * barW, plotBottom - h, barW, h);
            }
        }
        axisLabels(gc, axisX, plotBottom + 2, slotW);
        String caption = "latency bucket (" + data.unit() + ", lower bound)";
        gc.drawText(caption, axisX + Math.max(0, (plotW - gc.textExtent(caption).x) / 2), plotBottom + 2 + line, true);
    }

    private void axisLabels(GC gc, int axisX, int y, double slotW) {
        int widest = 0;
        for (HistogramData.Slot s : data.slots()) widest = Math.max(widest, gc.textExtent(ChartText.number(s.lower())).x);
        int every = Math.max(1, (int) Math.ceil((widest + 8) / slotW));
        for (int i = 0; i < data.slots().size(); i += every) {
            String t = ChartText.number(data.slots().get(i).lower());
            int x = axisX + (int) (i * slotW + slotW / 2) - gc.textExtent(t).x / 2;
            gc.drawText(t, Math.max(axisX, x), y, true);
        }
    }
}
