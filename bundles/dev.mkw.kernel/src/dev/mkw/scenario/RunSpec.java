package dev.mkw.scenario;

/**
 * When a run stops, its seed and trace recording.
 *
 * @param untilCycles  stop at this many cycles, or 0 for no limit
 * @param untilAllDone stop when every thread has ended (or blocked forever with nothing pending)
 * @param seed         the seed of the run's one random source
 * @param trace        trace recording
 * @param traceRing    with {@link Trace#RING}, how many events are kept
 */
public record RunSpec(long untilCycles, boolean untilAllDone, long seed, Trace trace, int traceRing) {

    public enum Trace { OFF, ON, RING }

    public static final long DEFAULT_SEED = 42;

    public static RunSpec defaults() {
        return new RunSpec(0, true, DEFAULT_SEED, Trace.OFF, 0);
    }

    public RunSpec withUntilCycles(long c) { return new RunSpec(c, untilAllDone, seed, trace, traceRing); }
    public RunSpec withSeed(long s) { return new RunSpec(untilCycles, untilAllDone, s, trace, traceRing); }
    public RunSpec withTrace(Trace t, int ring) { return new RunSpec(untilCycles, untilAllDone, seed, t, ring); }
}
