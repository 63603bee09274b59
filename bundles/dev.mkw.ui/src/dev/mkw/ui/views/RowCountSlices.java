package dev.mkw.ui.views;

/**
 * How many native rows a virtual table may add or remove in one UI event. GTK's cost per row
 * differs between machines and with load (2-4 ms per thousand here, several times that while
 * other builds run), so a fixed count is either too timid or too long: the slice is sized from
 * the cost measured on the previous slices to take about {@link #BUDGET_NANOS}, well under the
 * 100 ms a UI event may take before a user notices.
 */
final class RowCountSlices {
    /** The UI time one slice aims at. */
    static final long BUDGET_NANOS = 20_000_000L;
    static final int MIN_ROWS = 1_000;
    /** Beyond this one slice would also reallocate the widget's item arrays too often for nothing. */
    static final int MAX_ROWS = 50_000;
    private double nanosPerRow;

    /** Until measured: 3 ms per thousand rows (GTK adding rows here). */
    RowCountSlices() {
        this(3_000);
    }

    /** Until measured: {@code nanosPerRow} per row (removing costs more: 16-22 ms per thousand here). */
    RowCountSlices(double nanosPerRow) {
        this.nanosPerRow = nanosPerRow;
    }

    /** The row count after the next slice from {@code now} towards {@code target}. */
    int next(int now, int target) {
        int rows = (int) Math.max(MIN_ROWS, Math.min(MAX_ROWS, BUDGET_NANOS / nanosPerRow));
        return now < target ? (int) Math.min(target, (long) now + rows) : Math.max(target, now - rows);
    }

    /** Record what a slice of {@code rows} rows cost, weighting the newest measure by half. */
    void took(int rows, long nanos) {
        if (rows <= 0) return;
        nanosPerRow = Math.max(50, (nanosPerRow + (double) nanos / rows) / 2);
    }
}
