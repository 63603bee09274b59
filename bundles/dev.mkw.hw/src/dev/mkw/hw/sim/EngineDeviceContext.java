package dev.mkw.hw.sim;

import java.util.Map;

import dev.mkw.sim.SimEngine;
import dev.mkw.sim.SimRandom;

/**
 * The usual {@link DeviceContext}: events go into a {@link SimEngine}'s queue (on no
 * particular CPU), IRQs into an {@link InterruptController}, random numbers come from a
 * stream split off the run's seed, so a device behaves the same in every run with that seed.
 */
public final class EngineDeviceContext implements DeviceContext {
    private final SimEngine engine;
    private final InterruptController irqs;
    private final SimRandom random;
    private final String label;
    private final Map<String, String> parameters;

    public EngineDeviceContext(SimEngine engine, InterruptController irqs, SimRandom random, String label, Map<String, String> parameters) {
        this.engine = engine;
        this.irqs = irqs;
        this.random = random;
        this.label = label;
        this.parameters = Map.copyOf(parameters);
    }

    /** Start every device, each with its own random stream split from {@code seedSource} in list order. */
    public static void startAll(Iterable<Device> devices, SimEngine engine, InterruptController irqs, SimRandom seedSource) {
        for (Device d : devices) d.start(new EngineDeviceContext(engine, irqs, seedSource.split(), d.name(), Map.of()));
    }

    @Override public long now() { return engine.now(); }

    @Override
    public void at(long cycle, Runnable action) {
        engine.schedule(Math.max(cycle, engine.now()), SimEngine.GLOBAL, 0, label, action);
    }

    @Override public void raiseIrq(int line) { irqs.raise(line); }
    @Override public SimRandom random() { return random; }
    @Override public Map<String, String> parameters() { return parameters; }
}
