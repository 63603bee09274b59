package dev.mkw.ui.charts;

import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

/**
 * Draws a {@link TimelineModel}: lane names on the left, a cycle axis on top, intervals as
 * coloured runs, IPC arrows between thread lanes, and for an IPC from one processor to another
 * a second arrow between the two CPU lanes (its own colour: the cross-processor traffic of a
 * multiprocessor run, where IPIs and cache transfers are paid). The mouse wheel zooms around the pointer,
 * the horizontal scrollbar pans, a click near an arrow selects it. Painting costs O(pixels +
 * visible intervals): sub-pixel intervals are merged per pixel column, never drawn one by one.
 */
public final class TimelineCanvas extends Canvas {
    private static final int NAMES = 120;
    private static final int PAD = 4;
    /** More arrows than one per this many pixels would be a solid smear: draw none and say so. */
    static final int PIXELS_PER_ARROW = 4;
    private static final int SCROLL_UNITS = 1_000_000;

    private TimelineModel model;
    private long from;
    private double cpp = 1;
    private int selected = -1;
    private IntConsumer onArrowClick = i -> {};

    public TimelineCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.H_SCROLL);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> clampAndUpdate());
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.MouseDown, this::click);
        getHorizontalBar().addListener(SWT.Selection, e -> {
            if (model == null) return;
            from = model.first() + (long) ((double) getHorizontalBar().getSelection() / SCROLL_UNITS * span());
            redraw();
        });
    }

    /** Show a model, zoomed to fit. */
    public void setModel(TimelineModel m) {
        model = m;
        selected = -1;
        zoomToFit();
    }

    public TimelineModel model() { return model; }
    public int selectedArrow() { return selected; }
    public long visibleFrom() { return from; }
    public long visibleTo() { return from + (long) (plotWidth() * cpp); }
    public double cyclesPerPixel() { return cpp; }

    /** Called with the arrow's index when the user clicks one. */
    public void onArrowClick(IntConsumer c) { onArrowClick = c; }

    public void zoomToFit() {
        if (model == null) return;
        from = model.first();
        cpp = Math.max(1e-3, (double) span() / Math.max(1, plotWidth()));
        clampAndUpdate();
    }

    /** Zoom by {@code factor} (> 1: in) keeping the cycle under pixel {@code x} in place. */
    public void zoom(double factor, int x) {
        if (model == null) return;
        long anchor = from + (long) ((x - NAMES) * cpp);
        cpp = Math.max(0.05, cpp / factor);
        from = anchor - (long) ((x - NAMES) * cpp);
        clampAndUpdate();
    }

    public void zoom(double factor) { zoom(factor, NAMES + plotWidth() / 2); }

    /** Highlight arrow {@code i} and bring it into view, zooming in if it would be a dot. */
    public void reveal(int i) {
        selected = i;
        if (model != null && i >= 0) {
            TimelineModel.Arrow a = model.arrows().get(i);
            long end = a.receive() < 0 ? a.send() : a.receive();
            // Zoomed out, neighbouring IPCs merge into one smear: zoom in to show a window of
            // a few thousand cycles (or 20 latencies) around the message, enough for context.
            long window = Math.max(2000, 20 * (end - a.send()));
            cpp = Math.min(cpp, Math.max(0.05, (double) window / plotWidth()));
            from = (a.send() + end) / 2 - (long) (plotWidth() / 2 * cpp);
        }
        clampAndUpdate();
    }

    private long span() { return Math.max(1, model.last() - model.first()); }

    private int plotWidth() { return Math.max(1, getClientArea().width - NAMES - PAD); }

    private void clampAndUpdate() {
        if (model == null || isDisposed()) return;
        double maxCpp = (double) span() / plotWidth();
        cpp = Math.min(cpp, Math.max(maxCpp, 0.05));
        long visible = (long) (plotWidth() * cpp);
        from = Math.max(model.first(), Math.min(from, model.last() - visible));
        ScrollBar bar = getHorizontalBar();
        int thumb = (int) Math.max(1, Math.min(SCROLL_UNITS, (double) visible / span() * SCROLL_UNITS));
        int sel = (int) ((double) (from - model.first()) / span() * SCROLL_UNITS);
        bar.setValues(sel, 0, SCROLL_UNITS, thumb, Math.max(1, thumb / 10), thumb);
        redraw();
    }

    private void wheel(Event e) {
        zoom(e.count > 0 ? 1.25 : 0.8, e.x);
        e.doit = false;
    }

    private void click(Event e) {
        int hit = arrowAt(e.x, e.y);
        if (hit >= 0) {
            selected = hit;
            redraw();
            onArrowClick.accept(hit);
        }
    }

    /** The arrow within 5 pixels of (x, y), nearest first, or -1. */
    public int arrowAt(int x, int y) {
        if (model == null) return -1;
        int best = -1;
        double bestD = 5;
        long slack = (long) (NAMES * cpp);
        for (int i = visibleArrowsFrom(slack); i < model.arrows().size(); i++) {
            TimelineModel.Arrow a = model.arrows().get(i);
            if (a.send() > visibleTo()) break;
            for (int[] p : new int[][] {arrowPoints(a), cpuArrowPoints(a)}) {
                if (p == null) continue;
                double d = distance(x, y, p[0], p[1], p[2], p[3]);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
        }
        return best;
    }

    /** Pixel ends of an arrow: x0, y0, x1, y1. For tests and hit testing. */
    public int[] arrowPoints(TimelineModel.Arrow a) {
        long end = a.receive() < 0 ? a.send() : a.receive();
        return new int[] {xOf(a.send()), laneMid(a.from()), xOf(end), laneMid(a.to())};
    }

    /**
     * Pixel ends of an arrow's CPU-lane twin (CPU lanes come first, lane c is cpu c), or null if
     * it stays on one CPU: from the send on the sender's CPU to when the receiver ran with the
     * message on its own (the receive if that is not in the trace), so the slope shows the
     * cross-processor wake-up.
     */
    public int[] cpuArrowPoints(TimelineModel.Arrow a) {
        if (!a.crossesCpus()) return null;
        long end = a.arrive() >= 0 ? a.arrive() : a.receive();
        return new int[] {xOf(a.send()), laneMid(a.sendCpu()), xOf(end), laneMid(a.receiveCpu())};
    }

    private int visibleArrowsFrom(long slack) { return model.firstArrowFrom(from - slack); }

    private int xOf(long cycle) { return NAMES + (int) Math.round((cycle - from) / cpp); }

    private int headerHeight() {
        GC gc = new GC(this);
        int h = gc.getFontMetrics().getHeight() + 2 * PAD;
        gc.dispose();
        return h;
    }

    private int laneHeight() {
        int lanes = Math.max(1, model.lanes().size());
        return Math.max(14, Math.min(60, (getClientArea().height - headerHeight() - PAD) / lanes));
    }

    private int laneMid(int lane) { return headerHeight() + lane * laneHeight() + laneHeight() / 2; }

    private static double distance(int px, int py, int x0, int y0, int x1, int y1) {
        double dx = x1 - x0, dy = y1 - y0;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len));
        return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
    }

    private void paint(GC gc) {
        if (model == null) return;
        Rectangle a = getClientArea();
        int header = headerHeight();
        int laneH = laneHeight();
        int plotW = plotWidth();
        TimeAxis.draw(gc, NAMES, plotW, PAD, a.height, from, cpp);
        for (int l = 0; l < model.lanes().size(); l++) {
            TimelineModel.Lane lane = model.lanes().get(l);
            int y = header + l * laneH;
            gc.setForeground(ChartColors.TEXT);
            gc.drawText(ChartText.fit(gc, lane.name(), NAMES - 2 * PAD), PAD, y + (laneH - gc.getFontMetrics().getHeight()) / 2, true);
            new LanePainter(lane.intervals(), from, cpp, plotW).paint(gc, NAMES, y + 2, laneH - 4);
            gc.setForeground(ChartColors.GRID);
            gc.drawLine(NAMES, y + laneH - 1, NAMES + plotW, y + laneH - 1);
        }
        arrows(gc, a);
    }

    private void arrows(GC gc, Rectangle area) {
        int first = visibleArrowsFrom((long) (NAMES * cpp));
        int last = model.firstArrowFrom(visibleTo() + 1);
        gc.setClipping(NAMES, 0, area.width - NAMES, area.height);
        if (last - first > plotWidth() / PIXELS_PER_ARROW) {
            String msg = String.format("%,d IPC arrows in view: zoom in (mouse wheel) to see them", last - first);
            gc.setForeground(ChartColors.ARROW);
            gc.drawText(msg, NAMES + PAD, area.height - gc.getFontMetrics().getHeight() - PAD, true);
        } else {
            gc.setAntialias(SWT.ON);
            for (int i = first; i < last; i++) if (i != selected) arrow(gc, model.arrows().get(i), ChartColors.ARROW, 1);
        }
        if (selected >= 0 && selected < model.arrows().size()) arrow(gc, model.arrows().get(selected), ChartColors.HIGHLIGHT, 3);
        gc.setClipping((Rectangle) null);
    }

    private void arrow(GC gc, TimelineModel.Arrow a, Color c, int width) {
        line(gc, arrowPoints(a), c, width);
        int[] cpu = cpuArrowPoints(a);
        if (cpu != null) line(gc, cpu, c == ChartColors.HIGHLIGHT ? c : ChartColors.CROSS_CPU, width);
    }

    private static void line(GC gc, int[] p, Color c, int width) {
        gc.setForeground(c);
        gc.setBackground(c);
        gc.setLineWidth(width);
        gc.drawLine(p[0], p[1], p[2], p[3]);
        double angle = Math.atan2(p[3] - p[1], p[2] - p[0]);
        int s = 4 + width;
        gc.fillPolygon(new int[] {p[2], p[3],
                (int) (p[2] - s * Math.cos(angle - 0.4)), (int) (p[3] - s * Math.sin(angle - 0.4)),
                (int) (p[2] - s * Math.cos(angle + 0.4)), (int) (p[3] - s * Math.sin(angle + 0.4))});
        gc.setLineWidth(1);
    }
}
