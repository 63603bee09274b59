package dev.mkw.run;

import java.util.Map;

import dev.mkw.hw.sim.Device;
import dev.mkw.hw.sim.DeviceContext;
import dev.mkw.hw.sim.EngineDeviceContext;
import dev.mkw.hw.sim.InterruptController;
import dev.mkw.kernel.Kernel;
import dev.mkw.sim.SimEngine;
import dev.mkw.sim.SimRandom;

/**
 * The context one device runs in: the hardware model's {@link EngineDeviceContext} (events
 * into the engine's queue, IRQs into the interrupt controller, its own random stream), with
 * everything the device does guarded. Devices may come from plugins: when one throws, the run
 * reports the device with its plugin, drops the device's further events and goes on.
 */
final class GuardedDeviceContext implements DeviceContext {
    private final Device device;
    private final String plugin;
    private final DeviceContext engine;
    private final Kernel kernel;
    private boolean disabled;

    GuardedDeviceContext(Device device, String plugin, SimEngine engine, InterruptController pic, SimRandom random, Kernel kernel) {
        this.device = device;
        this.plugin = plugin == null ? dev.mkw.sim.contrib.Contributions.origin(device) : plugin;
        this.engine = new EngineDeviceContext(engine, pic, random, device.name(), Map.of());
        this.kernel = kernel;
    }

    void start() {
        guarded("starting", () -> device.start(this));
    }

    @Override public long now() { return engine.now(); }

    @Override
    public void at(long cycle, Runnable action) {
        if (disabled) return;
        engine.at(cycle, () -> {
            if (!disabled) guarded("at cycle " + engine.now(), action);
        });
    }

    @Override public void raiseIrq(int line) { if (!disabled) engine.raiseIrq(line); }

    @Override public SimRandom random() { return engine.random(); }

    @Override public Map<String, String> parameters() { return engine.parameters(); }

    private void guarded(String doing, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | LinkageError e) {
            disabled = true;
            kernel.error(dev.mkw.kernel.KernelError.Kind.PLUGIN, null, null, PluginFailure.message("device " + device.name(), plugin, doing, e), false);
        }
    }
}
