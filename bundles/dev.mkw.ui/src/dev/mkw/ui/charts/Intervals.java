package dev.mkw.ui.charts;

import java.util.Arrays;

/**
 * A lane's intervals as parallel primitive arrays: a run of a million events makes hundreds
 * of thousands of intervals, and objects per interval would cost the UI more memory and GC
 * than the drawing itself. Kept sorted by start so painting can binary-search the window.
 * Sealing builds an index, running totals of the cycles of each kind: the cycles of each kind
 * in any span of time are two binary searches and two clipped boundary intervals away, so a
 * zoomed-out paint costs O(pixel columns x log intervals), not O(intervals).
 */
public final class Intervals {
    public static final byte USER = 0, KERNEL = 1, IDLE = 2;

    private long[] start;
    private long[] end;
    private byte[] kind;
    private int size;
    private boolean sorted = true;
    /**
     * cum[k][i]: cycles of kind k in intervals 0..i-1; null until sealed, dropped by add. A kind
     * the lane never has (idle, on a thread's lane) has no array: a thread lane of a whole
     * trace would carry an array of zeros as long as its intervals.
     */
    private long[][] cum;

    public Intervals() {
        this(16);
    }

    /** Room for {@code capacity} intervals before the arrays grow (a timeline knows its lanes' sizes roughly). */
    public Intervals(int capacity) {
        int n = Math.max(4, capacity);
        start = new long[n];
        end = new long[n];
        kind = new byte[n];
    }

    public void add(long s, long e, byte k) {
        if (e <= s) return;
        if (size == start.length) {
            start = Arrays.copyOf(start, size * 2);
            end = Arrays.copyOf(end, size * 2);
            kind = Arrays.copyOf(kind, size * 2);
        }
        if (size > 0 && s < start[size - 1]) sorted = false;
        cum = null;
        start[size] = s;
        end[size] = e;
        kind[size] = k;
        size++;
    }

    /** Sort by start if events from several CPUs arrived out of order, and build the index. */
    public void seal() {
        sort();
        long[][] c = new long[3][];
        for (int i = 0; i < size; i++) if (c[kind[i]] == null) c[kind[i]] = new long[size + 1];
        for (int i = 0; i < size; i++) {
            for (long[] k : c) if (k != null) k[i + 1] = k[i];
            c[kind[i]][i + 1] += end[i] - start[i];
        }
        cum = c;
    }

    /** Whether the running totals are built (the lane is sealed and unchanged since). */
    public boolean indexed() {
        return cum != null;
    }

    /**
     * Adds to {@code out[kind]} the cycles of each kind that fall in [{@code from}, {@code to}):
     * whole intervals from the running totals, the two at the edges clipped. Needs {@link #indexed()}.
     */
    public void cyclesIn(double from, double to, double[] out) {
        if (to <= from || size == 0) return;
        int lo = firstFrom((long) Math.floor(from));
        while (lo < size && end[lo] <= from) lo++;
        int hi = firstStartAtOrAfter(to);
        if (lo >= hi) return;
        for (int k = 0; k < 3; k++) if (cum[k] != null) out[k] += cum[k][hi] - cum[k][lo];
        // Clip the first and the last interval to the span (the same interval when it covers it all).
        if (start[lo] < from) out[kind[lo]] -= from - start[lo];
        if (end[hi - 1] > to) out[kind[hi - 1]] -= end[hi - 1] - to;
    }

    /** The first interval starting at or after {@code t}. */
    private int firstStartAtOrAfter(double t) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /**
     * The gaps between the intervals within [{@code from}, {@code to}) filled with intervals of
     * {@code gapKind}, as a new sealed lane; the intervals stay sorted, so this is one merge pass
     * (appending the gaps and sorting again sorted a million boxed indices per CPU lane).
     */
    public Intervals withGaps(long from, long to, byte gapKind) {
        sort();
        int gaps = 0;
        long at = from;
        for (int i = 0; i < size; i++) {
            if (start[i] > at) gaps++;
            at = Math.max(at, end[i]);
        }
        if (to > at) gaps++;
        Intervals out = new Intervals(size + gaps);
        at = from;
        for (int i = 0; i < size; i++) {
            out.add(at, start[i], gapKind);
            out.add(start[i], end[i], kind[i]);
            at = Math.max(at, end[i]);
        }
        out.add(at, to, gapKind);
        out.seal();
        return out;
    }

    /** Sorts by start (stable), by positions in an int array: no boxed index per interval. */
    private void sort() {
        if (sorted) return;
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) idx[i] = i;
        mergeSort(idx, new int[size], 0, size);
        long[] s = new long[size], e = new long[size];
        byte[] k = new byte[size];
        for (int i = 0; i < size; i++) {
            s[i] = start[idx[i]];
            e[i] = end[idx[i]];
            k[i] = kind[idx[i]];
        }
        start = s;
        end = e;
        kind = k;
        sorted = true;
    }

    /** Merge sort of positions by their intervals' start; lanes arrive nearly sorted, so runs already in order are left as they are. */
    private void mergeSort(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 2) return;
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid);
        mergeSort(a, tmp, mid, hi);
        if (start[a[mid - 1]] <= start[a[mid]]) return;
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo, j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || i < mid && start[tmp[i]] <= start[tmp[j]]) a[k] = tmp[i++];
            else a[k] = tmp[j++];
        }
    }

    public int size() { return size; }
    public long start(int i) { return start[i]; }
    public long end(int i) { return end[i]; }
    public byte kind(int i) { return kind[i]; }

    /** The first interval that may reach {@code cycle}: intervals before it all start earlier and (as lanes do not overlap) end before it. */
    public int firstFrom(long cycle) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < cycle) lo = mid + 1; else hi = mid;
        }
        return Math.max(0, lo - 1);
    }

    /** Total cycles of one kind, for tests and summaries. */
    public long cycles(byte k) {
        long t = 0;
        for (int i = 0; i < size; i++) if (kind[i] == k) t += end[i] - start[i];
        return t;
    }
}
