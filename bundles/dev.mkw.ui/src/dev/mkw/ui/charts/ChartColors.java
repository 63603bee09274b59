package dev.mkw.ui.charts;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/**
 * The charts' fixed colours. Fixed (not theme-derived) so a segment means the same in every
 * view and screenshot: user time is always green, kernel time always orange, and so on.
 * Colours made from RGB values hold no OS resource, so nothing needs disposing.
 */
public final class ChartColors {
    private ChartColors() {}

    private static final RGB[] SEGMENTS = {
        new RGB(76, 153, 0), // user / hits
        new RGB(230, 120, 30), // kernel / misses
        new RGB(150, 150, 150), // idle
        new RGB(60, 110, 190),
        new RGB(170, 70, 160),
        new RGB(200, 170, 40),
    };

    public static final Color USER = new Color(SEGMENTS[0]);
    public static final Color KERNEL = new Color(SEGMENTS[1]);
    public static final Color IDLE = new Color(SEGMENTS[2]);
    public static final Color ARROW = new Color(60, 60, 200);
    /** An IPC from one processor to another, between the CPU lanes of the Timeline. */
    public static final Color CROSS_CPU = new Color(170, 70, 160);
    public static final Color HIGHLIGHT = new Color(220, 0, 0);
    public static final Color GRID = new Color(225, 225, 225);
    public static final Color TEXT = new Color(30, 30, 30);

    /** The colour of segment {@code i} of a bar, in the given series (0: current, 1: previous, drawn paler). */
    public static Color segment(int i, int series) {
        RGB c = SEGMENTS[i % SEGMENTS.length];
        if (series == 0) return new Color(c);
        // The previous run is the same hue, washed out, so the pairing reads at a glance.
        return new Color(pale(c.red), pale(c.green), pale(c.blue));
    }

    private static int pale(int v) {
        return v + (255 - v) * 55 / 100;
    }
}
