package dev.mkw.hw.sim;

import java.util.Map;

import dev.mkw.sim.SimRandom;

/** What a device may do: read the time, schedule its own events, raise its IRQ, draw random numbers. */
public interface DeviceContext {
    long now();

    /** Run {@code action} at {@code cycle} (not before now). */
    void at(long cycle, Runnable action);

    void raiseIrq(int line);

    /** The device's own random stream, derived from the run's seed. */
    SimRandom random();

    Map<String, String> parameters();
}
