package dev.mkw.sim.report;

import java.util.Arrays;

/**
 * How often each exact value was seen: an open-addressing hash map of non-negative longs to
 * counts in two primitive arrays, with the distinct values sorted on demand. Latencies of a
 * simulated kernel take few distinct values (every fast-path IPC of a run costs the same), so
 * this stays small while keeping percentiles exact; memory grows with the number of distinct
 * values, never with the number of samples.
 */
final class ValueCounts {
    private static final long EMPTY = -1;
    private long[] keys = filled(16);
    private long[] counts = new long[16];
    private int size;
    /** The distinct values in increasing order and the running total of their counts; null when stale. */
    private long[] sorted;
    private long[] cumulative;

    void add(long value, long times) {
        if (size * 2 >= keys.length) grow();
        int i = slot(keys, value);
        if (keys[i] == EMPTY) {
            keys[i] = value;
            size++;
        }
        counts[i] += times;
        sorted = null;
    }

    void addAll(ValueCounts other) {
        for (int i = 0; i < other.keys.length; i++) if (other.keys[i] != EMPTY) add(other.keys[i], other.counts[i]);
    }

    int distinct() { return size; }

    /** The value of the sample of rank {@code rank} (1-based) in increasing order. */
    long atRank(long rank) {
        if (sorted == null) sort();
        int i = Arrays.binarySearch(cumulative, rank);
        if (i < 0) i = -i - 1;
        return sorted[Math.min(i, sorted.length - 1)];
    }

    private void sort() {
        long[] s = new long[size];
        int n = 0;
        for (long k : keys) if (k != EMPTY) s[n++] = k;
        Arrays.sort(s);
        long[] c = new long[size];
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += counts[slot(keys, s[i])];
            c[i] = total;
        }
        sorted = s;
        cumulative = c;
    }

    private void grow() {
        long[] oldKeys = keys, oldCounts = counts;
        keys = filled(oldKeys.length * 2);
        counts = new long[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == EMPTY) continue;
            int j = slot(keys, oldKeys[i]);
            keys[j] = oldKeys[i];
            counts[j] = oldCounts[i];
        }
    }

    private static int slot(long[] keys, long value) {
        int mask = keys.length - 1;
        int i = (int) (mix(value) & mask);
        while (keys[i] != EMPTY && keys[i] != value) i = (i + 1) & mask;
        return i;
    }

    /** A bijective mix (SplitMix64's finalizer), so neighbouring cycle counts spread over the table. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, EMPTY);
        return a;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ValueCounts v) || v.size != size) return false;
        if (sorted == null) sort();
        if (v.sorted == null) v.sort();
        return Arrays.equals(sorted, v.sorted) && Arrays.equals(cumulative, v.cumulative);
    }

    @Override
    public int hashCode() { return size; }
}
