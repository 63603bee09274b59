package dev.mkw.ui.charts;

import org.eclipse.swt.graphics.GC;

/** Tick marks for a cycle axis: a 1-2-5 step that leaves room for each label. */
final class TimeAxis {
    private TimeAxis() {}

    /** The step in cycles between ticks when one pixel is {@code cyclesPerPixel} and a label needs {@code labelPx}. */
    static long step(double cyclesPerPixel, int labelPx) {
        double min = cyclesPerPixel * labelPx;
        long step = 1;
        while (true) {
            for (long f : new long[] {1, 2, 5}) if (step * f >= min) return step * f;
            if (step > Long.MAX_VALUE / 100) return step;
            step *= 10;
        }
    }

    /** Draw ticks and labels along y from cycle {@code from}, x = plotX + (cycle - from) / cpp. */
    static void draw(GC gc, int plotX, int plotW, int y, int bottom, long from, double cpp) {
        int labelPx = gc.textExtent("000,000,000").x + 12;
        long step = step(cpp, labelPx);
        long t = (from / step) * step;
        if (t < from) t += step;
        for (; ; t += step) {
            int x = plotX + (int) Math.round((t - from) / cpp);
            if (x > plotX + plotW) break;
            gc.setForeground(ChartColors.GRID);
            gc.drawLine(x, y + gc.getFontMetrics().getHeight(), x, bottom);
            gc.setForeground(ChartColors.TEXT);
            gc.drawText(ChartText.number(t), x + 2, y, true);
        }
    }
}
