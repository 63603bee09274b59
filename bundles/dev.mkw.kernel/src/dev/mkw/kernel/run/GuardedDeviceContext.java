package dev.mkw.kernel.run;

import java.util.Map;

import dev.mkw.hw.sim.Device;
import dev.mkw.hw.sim.DeviceContext;
import dev.mkw.hw.sim.InterruptController;
import dev.mkw.kernel.Kernel;
import dev.mkw.sim.SimEngine;
import dev.mkw.sim.SimRandom;

/**
 * The context one device runs in: its events go into the engine's queue, its IRQs into the
 * interrupt controller, its random numbers come from its own stream. Devices may come from
 * plugins, so everything the device does is guarded: when it throws, the run reports the
 * device with its plugin, drops the device's further events and goes on.
 */
final class GuardedDeviceContext implements DeviceContext {
    private final Device device;
    private final String plugin;
    private final SimEngine engine;
    private final InterruptController pic;
    private final SimRandom random;
    private final Kernel kernel;
    private boolean disabled;

    GuardedDeviceContext(Device device, String plugin, SimEngine engine, InterruptController pic, SimRandom random, Kernel kernel) {
        this.device = device;
        this.plugin = plugin == null ? dev.mkw.sim.contrib.Contributions.origin(device) : plugin;
        this.engine = engine;
        this.pic = pic;
        this.random = random;
        this.kernel = kernel;
    }

    void start() {
        guarded("starting", () -> device.start(this));
    }

    @Override public long now() { return engine.now(); }

    @Override
    public void at(long cycle, Runnable action) {
        if (disabled) return;
        engine.schedule(cycle, SimEngine.GLOBAL, 0, device.name(), () -> {
            if (!disabled) guarded("at cycle " + engine.now(), action);
        });
    }

    @Override public void raiseIrq(int line) { if (!disabled) pic.raise(line); }

    @Override public SimRandom random() { return random; }

    @Override public Map<String, String> parameters() { return Map.of(); }

    private void guarded(String doing, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | LinkageError e) {
            disabled = true;
            kernel.error(null, null, PluginFailure.message("device " + device.name(), plugin, doing, e), false);
        }
    }
}
