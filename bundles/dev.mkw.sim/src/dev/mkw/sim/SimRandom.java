package dev.mkw.sim;

/**
 * The run's seeded random source: SplitMix64 (Steele, Lea, Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014). Written out here rather than using
 * java.util.Random so the sequence is fixed by this file, not by a JDK version.
 */
public final class SimRandom {
    private long state;

    public SimRandom(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [lo, hi], inclusive. */
    public long between(long lo, long hi) {
        if (hi < lo) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        long span = hi - lo + 1;
        if (span <= 0) return lo + (nextLong() & Long.MAX_VALUE);
        return lo + Math.floorMod(nextLong(), span);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Exponentially distributed with the given mean (for Poisson arrivals). */
    public double exponential(double mean) {
        return -mean * Math.log(1.0 - nextDouble());
    }

    /** An independent stream for a sub-component (a device), derived deterministically. */
    public SimRandom split() {
        return new SimRandom(nextLong());
    }
}
