package dev.mkw.sim.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's measurement.
 *
 * @param name         the benchmark
 * @param unit         what one iteration is
 * @param iterations   iterations per measured round
 * @param nanosPerUnit nanoseconds per iteration of each measured round, in round order
 */
public record BenchResult(String name, String unit, long iterations, List<Double> nanosPerUnit) {
    public BenchResult {
        if (nanosPerUnit.isEmpty()) throw new IllegalArgumentException("no rounds measured for " + name);
        nanosPerUnit = List.copyOf(nanosPerUnit);
    }

    /** The median round's nanoseconds per iteration (mean of the middle two for an even count). */
    public double medianNanos() {
        List<Double> s = new ArrayList<>(nanosPerUnit);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Iterations per second at the median. */
    public double perSecond() { return 1e9 / medianNanos(); }

    /** How far the rounds spread: (slowest - fastest) / median. */
    public double spread() {
        double min = Double.MAX_VALUE, max = 0;
        for (double d : nanosPerUnit) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return (max - min) / medianNanos();
    }
}
