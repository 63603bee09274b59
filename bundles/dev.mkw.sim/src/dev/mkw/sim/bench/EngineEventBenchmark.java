package dev.mkw.sim.bench;

import dev.mkw.sim.SimEngine;

/**
 * The engine's cost per event: schedule one event and fire it, with a queue holding a
 * steady backlog of {@value #BACKLOG} events the way a running machine does (timers,
 * devices, other CPUs). One engine serves every call, so a call of one iteration measures
 * one event and not the engine's construction.
 */
public final class EngineEventBenchmark implements Benchmark {
    static final int BACKLOG = 64;

    private SimEngine engine;
    private final long[] fired = new long[1];
    private final Runnable action = () -> fired[0]++;

    @Override public String name() { return "engine.event"; }
    @Override public String unit() { return "event"; }

    @Override
    public long run(long iterations) {
        if (engine == null) {
            engine = new SimEngine(1, 1);
            for (int i = 0; i < BACKLOG; i++) engine.schedule(i, 0, 0, "backlog", action);
        }
        long before = fired[0];
        for (long i = 0; i < iterations; i++) {
            engine.schedule(engine.now() + BACKLOG, 0, 0, "tick", action);
            engine.step(1);
        }
        return fired[0] - before;
    }
}
