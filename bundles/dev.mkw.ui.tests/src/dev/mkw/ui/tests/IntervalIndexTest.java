package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.mkw.ui.charts.Intervals;

/** The Timeline's interval index answers per-span cycle totals as a walk over every interval would. */
class IntervalIndexTest {

    @Test
    void indexedTotalsEqualClippingEveryInterval() {
        Random rnd = new Random(7);
        Intervals in = new Intervals();
        long t = 100;
        for (int i = 0; i < 5000; i++) {
            long len = 1 + rnd.nextInt(300);
            in.add(t, t + len, (byte) rnd.nextInt(3));
            t += len + rnd.nextInt(3); // small gaps, as lanes of threads have
        }
        in.seal();
        assertTrue(in.indexed());
        for (int q = 0; q < 2000; q++) {
            double from = rnd.nextDouble() * (t + 200) - 100, to = from + rnd.nextDouble() * 20_000;
            double[] indexed = new double[3], walked = new double[3];
            in.cyclesIn(from, to, indexed);
            for (int i = 0; i < in.size(); i++) {
                double part = Math.min(to, in.end(i)) - Math.max(from, in.start(i));
                if (part > 0) walked[in.kind(i)] += part;
            }
            assertArrayEquals(walked, indexed, 1e-6, "span " + from + ".." + to);
        }
    }

    @Test
    void addingAfterSealingDropsTheIndexUntilSealedAgain() {
        Intervals in = new Intervals();
        in.add(0, 10, Intervals.USER);
        in.seal();
        in.add(20, 30, Intervals.KERNEL);
        assertTrue(!in.indexed());
        in.seal();
        double[] c = new double[3];
        in.cyclesIn(5, 25, c);
        assertArrayEquals(new double[] {5, 5, 0}, c, 1e-9);
    }
}
