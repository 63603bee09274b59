package dev.mkw.ui.charts;

import java.util.Arrays;

/**
 * A lane's intervals as parallel primitive arrays: a run of a million events makes hundreds
 * of thousands of intervals, and objects per interval would cost the UI more memory and GC
 * than the drawing itself. Kept sorted by start so painting can binary-search the window.
 */
public final class Intervals {
    public static final byte USER = 0, KERNEL = 1, IDLE = 2;

    private long[] start = new long[16];
    private long[] end = new long[16];
    private byte[] kind = new byte[16];
    private int size;
    private boolean sorted = true;

    void add(long s, long e, byte k) {
        if (e <= s) return;
        if (size == start.length) {
            start = Arrays.copyOf(start, size * 2);
            end = Arrays.copyOf(end, size * 2);
            kind = Arrays.copyOf(kind, size * 2);
        }
        if (size > 0 && s < start[size - 1]) sorted = false;
        start[size] = s;
        end[size] = e;
        kind[size] = k;
        size++;
    }

    /** Sort by start if events from several CPUs arrived out of order. */
    void seal() {
        if (sorted) return;
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Long.compare(start[a], start[b]));
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
