package dev.mkw.ui.charts;

import org.eclipse.swt.graphics.GC;

/** Text helpers the charts share: fitting a string into a width. */
final class ChartText {
    private ChartText() {}

    /** {@code s} shortened with an ellipsis so it fits {@code width} pixels (labels must never overlap the plot). */
    static String fit(GC gc, String s, int width) {
        if (gc.textExtent(s).x <= width) return s;
        String e = "\u2026";
        int lo = 0, hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (gc.textExtent(s.substring(0, mid) + e).x <= width) lo = mid; else hi = mid - 1;
        }
        return lo == 0 ? "" : s.substring(0, lo) + e;
    }

    /** Thousands grouped with thin spaces would need a font that has them; plain commas read everywhere. */
    static String number(long v) {
        return String.format("%,d", v);
    }
}
