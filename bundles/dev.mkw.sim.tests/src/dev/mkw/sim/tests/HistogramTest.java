package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.SimRandom;
import dev.mkw.sim.report.Histogram;

class HistogramTest {

    @Test
    void smallValuesAreExact() {
        Histogram h = new Histogram();
        for (int v = 1; v <= 20; v++) h.record(v);
        assertEquals(10, h.p50());
        assertEquals(18, h.p90());
        assertEquals(20, h.p99());
        assertEquals(1, h.min());
        assertEquals(20, h.max());
        assertEquals(10.5, h.mean());
        assertEquals(1, h.percentile(0));
        assertEquals(20, h.percentile(100));
    }

    /** Issue 19: p50 was 183, the upper bound of 179's bucket, when every IPC cost 179 cycles. */
    @Test
    void percentilesAreRecordedValuesNotBucketBounds() {
        Histogram h = new Histogram();
        h.record(179, 2000);
        assertEquals(179, h.p50());
        assertEquals(179, h.p90());
        assertEquals(179, h.p99());
        Histogram mixed = new Histogram();
        for (int i = 0; i < 90; i++) mixed.record(179);
        for (int i = 0; i < 9; i++) mixed.record(1_000_003);
        mixed.record(5_000_001);
        assertEquals(179, mixed.p50());
        assertEquals(179, mixed.p90(), "rank 90 of 100 is the last 179");
        assertEquals(1_000_003, mixed.p99());
        assertEquals(5_000_001, mixed.percentile(100));
        assertEquals(3, mixed.distinctValues());
    }

    /** Nearest rank over shuffled values equals sorting them and reading the rank. */
    @Test
    void percentilesMatchSortingTheSamples() {
        SimRandom r = new SimRandom(11);
        long[] samples = new long[5_000];
        Histogram h = new Histogram();
        for (int i = 0; i < samples.length; i++) {
            samples[i] = r.between(100, 400) * (i % 7 == 0 ? 1000 : 1);
            h.record(samples[i]);
        }
        long[] sorted = samples.clone();
        java.util.Arrays.sort(sorted);
        for (double p : new double[] {0, 1, 25, 50, 90, 99, 99.9, 100}) {
            long rank = Math.max(1, (long) Math.ceil(p / 100 * samples.length));
            assertEquals(sorted[(int) rank - 1], h.percentile(p), "p" + p);
        }
    }

    @Test
    void largeValuesAreExactToo() {
        Histogram h = new Histogram();
        for (int v = 1; v <= 100_000; v++) h.record(v);
        assertEquals(50_000, h.p50(), "exact, not a bucket bound");
        assertEquals(90_000, h.p90());
        assertEquals(99_000, h.p99());
        assertEquals(100_000, h.max(), "max is exact");
        assertEquals(50_000.5, h.mean(), "mean is exact");
        assertEquals(100_000, h.count());
    }

    @Test
    void bucketsCoverEveryValueAndAreOrdered() {
        Histogram h = new Histogram();
        SimRandom r = new SimRandom(3);
        for (int i = 0; i < 2000; i++) h.record(r.between(0, 1L << 50));
        h.record(Long.MAX_VALUE);
        h.record(0);
        List<Histogram.Bucket> buckets = h.buckets();
        long total = 0, lastUpper = -1;
        for (Histogram.Bucket b : buckets) {
            assertTrue(b.lower() > lastUpper && b.upper() >= b.lower(), b.toString());
            assertTrue(b.upper() - b.lower() <= Math.max(0, b.lower() / 16), "bucket too wide: " + b);
            lastUpper = b.upper();
            total += b.count();
        }
        assertEquals(h.count(), total);
        assertEquals(Long.MAX_VALUE, h.max());
        assertEquals(Long.MAX_VALUE, h.percentile(100));
    }

    @Test
    void oneValueLandsInOneBucketHoldingIt() {
        for (long v : new long[] {0, 31, 32, 33, 63, 64, 1000, 123_456_789, Long.MAX_VALUE}) {
            Histogram h = new Histogram();
            h.record(v);
            Histogram.Bucket b = h.buckets().get(0);
            assertTrue(b.lower() <= v && v <= b.upper(), v + " not in " + b);
            assertEquals(v, h.p50(), "a single value is its own percentile");
        }
    }

    @Test
    void mergeEqualsRecordingEverythingInOne() {
        Histogram a = new Histogram(), b = new Histogram(), all = new Histogram();
        for (int v = 0; v < 500; v++) {
            (v % 2 == 0 ? a : b).record(v * 7L);
            all.record(v * 7L);
        }
        Histogram merged = a.copy();
        merged.add(b);
        assertEquals(all, merged);
        assertEquals(all.buckets(), merged.buckets());
    }

    @Test
    void emptyAndInvalid() {
        Histogram h = new Histogram();
        assertEquals(0, h.p99());
        assertEquals(0, h.min());
        assertEquals(0.0, h.mean());
        assertThrows(IllegalArgumentException.class, () -> h.record(-1));
        assertThrows(IllegalArgumentException.class, () -> h.percentile(101));
    }
}
