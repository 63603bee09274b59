package dev.mkw.ui.charts;

import org.eclipse.swt.graphics.GC;

/**
 * Paints one lane's visible intervals. Zoomed out, one pixel column spans many intervals,
 * so each column is split in height by how many of its cycles were kernel, user and idle:
 * picking one colour per column would hide whichever kind is short and frequent (a CPU
 * doing short IPCs would look all kernel). Columns alike are filled as one rectangle.
 */
final class LanePainter {
    private final Intervals in;
    private final long from;
    private final double cpp;
    private final double[][] cycles;

    LanePainter(Intervals in, long from, double cpp, int width) {
        this.in = in;
        this.from = from;
        this.cpp = cpp;
        this.cycles = new double[width][3];
    }

    void paint(GC gc, int x, int y, int h) {
        accumulate();
        int n = cycles.length;
        int[][] splits = new int[n][];
        for (int c = 0; c < n; c++) splits[c] = split(cycles[c], h);
        int run = 0;
        for (int c = 1; c <= n; c++) {
            if (c == n || !java.util.Arrays.equals(splits[c], splits[run])) {
                fill(gc, x + run, y, c - run, splits[run]);
                run = c;
            }
        }
    }

    /**
     * Cycles of each kind per pixel column. Zoomed out (more intervals in view than columns)
     * each column asks the lane's index; zoomed in, the few visible intervals are clipped to
     * the columns they cover.
     */
    private void accumulate() {
        long to = from + (long) Math.ceil(cycles.length * cpp);
        if (in.indexed() && in.firstFrom(to) - in.firstFrom(from) > cycles.length) {
            for (int c = 0; c < cycles.length; c++) in.cyclesIn(from + c * cpp, from + (c + 1) * cpp, cycles[c]);
            return;
        }
        for (int i = in.firstFrom(from); i < in.size() && in.start(i) <= to; i++) {
            double s = Math.max(0, (in.start(i) - from) / cpp), e = Math.min(cycles.length, (in.end(i) - from) / cpp);
            for (int c = (int) s; c < e && c < cycles.length; c++) {
                double part = Math.min(e, c + 1) - Math.max(s, c);
                if (part > 0) cycles[c][in.kind(i)] += part;
            }
        }
    }

    /**
     * Pixel heights of kernel, user and idle in a column of height h, as shares of the
     * column's time (a thread that ran half the column fills half of it).
     */
    private static int[] split(double[] c, int h) {
        double all = Math.max(1.0, c[0] + c[1] + c[2]);
        int kernel = (int) Math.round(c[Intervals.KERNEL] / all * h);
        int user = (int) Math.round(c[Intervals.USER] / all * h);
        // Whatever ran at all gets at least a pixel, so a brief kernel entry stays visible.
        if (kernel == 0 && c[Intervals.KERNEL] > 0) kernel = 1;
        if (user == 0 && c[Intervals.USER] > 0) user = 1;
        user = Math.min(user, h - kernel);
        int idle = Math.min(h - kernel - user, (int) Math.round(c[Intervals.IDLE] / all * h));
        return new int[] {kernel, user, idle};
    }

    private static void fill(GC gc, int x, int y, int w, int[] split) {
        if (split[0] + split[1] + split[2] == 0) return;
        gc.setBackground(ChartColors.KERNEL);
        gc.fillRectangle(x, y, w, split[0]);
        gc.setBackground(ChartColors.USER);
        gc.fillRectangle(x, y + split[0], w, split[1]);
        gc.setBackground(ChartColors.IDLE);
        gc.fillRectangle(x, y + split[0] + split[1], w, split[2]);
    }
}
