package dev.mkw.sim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deterministic log-linear histogram of non-negative cycle counts, in the manner of
 * HdrHistogram: values below 32 have a bucket each; above, every power of two is split into
 * 16 equal buckets, so a bucket is at most 1/16 (6.25 %) of its values wide. The buckets are
 * for drawing and export; count, sum, min, max and the percentiles are exact: every distinct
 * value is counted ({@link ValueCounts}), so a run where every IPC costs 179 cycles reports
 * p50 = 179, not the upper bound of 179's bucket.
 *
 * <p>Fixed bucket bounds (not adaptive ones) make two runs with the same samples produce
 * the same buckets, and make histograms of different runs mergeable.
 */
public final class Histogram {
    private static final int SUB_BUCKETS = 16;
    private static final int LINEAR_LIMIT = 2 * SUB_BUCKETS;

    private long[] counts = new long[0];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private final ValueCounts values = new ValueCounts();

    /** One non-empty bucket: values in [lower, upper] were seen {@code count} times. */
    public record Bucket(long lower, long upper, long count) {}

    public void record(long value) {
        record(value, 1);
    }

    public void record(long value, long times) {
        if (value < 0) throw new IllegalArgumentException("a histogram records values >= 0, got " + value);
        if (times <= 0) return;
        int i = indexOf(value);
        if (i >= counts.length) counts = Arrays.copyOf(counts, Math.max(i + 1, counts.length * 2));
        counts[i] += times;
        values.add(value, times);
        count += times;
        sum += value * times;
        if (value < min) min = value;
        if (value > max) max = value;
    }

    /** Add every sample of {@code other}. */
    public void add(Histogram other) {
        if (other.count == 0) return;
        if (other.counts.length > counts.length) counts = Arrays.copyOf(counts, other.counts.length);
        for (int i = 0; i < other.counts.length; i++) counts[i] += other.counts[i];
        values.addAll(other.values);
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public Histogram copy() {
        Histogram h = new Histogram();
        h.add(this);
        return h;
    }

    public long count() { return count; }
    public long sum() { return sum; }
    /** The smallest value, or 0 when empty. */
    public long min() { return count == 0 ? 0 : min; }
    /** The largest value, or 0 when empty. */
    public long max() { return count == 0 ? 0 : max; }
    /** The exact mean, or 0 when empty. */
    public double mean() { return count == 0 ? 0 : (double) sum / count; }

    /**
     * The value at percentile {@code p} (0..100) by the nearest-rank method: the sample of rank
     * ceil(p/100 * count) in increasing order, a value that was actually recorded.
     */
    public long percentile(double p) {
        if (p < 0 || p > 100 || Double.isNaN(p)) throw new IllegalArgumentException("percentile out of 0..100: " + p);
        if (count == 0) return 0;
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * count));
        return values.atRank(Math.min(rank, count));
    }

    /** How many distinct values were recorded. */
    public int distinctValues() { return values.distinct(); }

    public long p50() { return percentile(50); }
    public long p90() { return percentile(90); }
    public long p99() { return percentile(99); }

    /** The non-empty buckets, in increasing order. */
    public List<Bucket> buckets() {
        List<Bucket> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) out.add(new Bucket(lowerOf(i), upperOf(i), counts[i]));
        }
        return out;
    }

    static int indexOf(long v) {
        if (v < LINEAR_LIMIT) return (int) v;
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int shift = exponent - 4;
        int top = (int) (v >>> shift);
        return LINEAR_LIMIT + (shift - 1) * SUB_BUCKETS + (top - SUB_BUCKETS);
    }

    static long lowerOf(int index) {
        if (index < LINEAR_LIMIT) return index;
        int shift = (index - LINEAR_LIMIT) / SUB_BUCKETS + 1;
        long top = SUB_BUCKETS + (index - LINEAR_LIMIT) % SUB_BUCKETS;
        return top << shift;
    }

    static long upperOf(int index) {
        if (index < LINEAR_LIMIT) return index;
        int shift = (index - LINEAR_LIMIT) / SUB_BUCKETS + 1;
        long top = SUB_BUCKETS + (index - LINEAR_LIMIT) % SUB_BUCKETS;
        long next = (top + 1) << shift;
        return next <= 0 ? Long.MAX_VALUE : next - 1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Histogram h)) return false;
        return count == h.count && sum == h.sum && min() == h.min() && max() == h.max() && buckets().equals(h.buckets()) && values.equals(h.values);
    }

    @Override
    public int hashCode() { return Long.hashCode(count) * 31 + Long.hashCode(sum); }

    @Override
    public String toString() {
        return "Histogram[count=" + count + ", min=" + min() + ", p50=" + p50() + ", p99=" + p99() + ", max=" + max() + "]";
    }
}
