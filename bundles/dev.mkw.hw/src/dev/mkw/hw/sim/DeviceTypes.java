package dev.mkw.hw.sim;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry of device types: the built-in timer, serial (uart) and block devices, plus
 * what plugins contribute (extension point {@value #EXTENSION_POINT} in OSGi, ServiceLoader
 * as plain jars, or {@link #register}).
 */
public final class DeviceTypes {
    public static final String EXTENSION_POINT = "dev.mkw.hw.deviceTypes";
    private final Map<String, DeviceType> types = new TreeMap<>();

    /** The built-in types and every contributed one. */
    public static DeviceTypes standard() {
        DeviceTypes t = new DeviceTypes();
        t.register(periodic("timer", "programmable interval timer: parameter interval (cycles)", 10_000));
        t.register(periodic("uart", "serial line: an IRQ per received character, parameters interval (cycles), distribution fixed|poisson", 50_000));
        t.register(periodic("block", "block device: completes a request every service-time cycles (parameter service-time)", 200_000));
        // Plugins: the extension point dev.mkw.hw.deviceTypes in OSGi, ServiceLoader as plain jars.
        for (DeviceType d : dev.mkw.sim.contrib.Contributions.discover(EXTENSION_POINT, DeviceType.class, DeviceType::id).items()) t.register(d);
        return t;
    }

    private static DeviceType periodic(String id, String description, long defaultInterval) {
        return new DeviceType() {
            @Override public String id() { return id; }
            @Override public String description() { return description; }
            @Override public Device create(String name, int irq, Map<String, String> p) {
                long interval = PeriodicDevice.parameter(name, p, id.equals("block") ? "service-time" : "interval", defaultInterval);
                long start = PeriodicDevice.parameter(name, p, "start", 0);
                String dist = p.getOrDefault("distribution", "fixed");
                if (!dist.equals("fixed") && !dist.equals("poisson")) throw new IllegalArgumentException("device " + name + ": distribution must be fixed or poisson, got '" + dist + "'");
                return new PeriodicDevice(name, irq, interval, start, dist.equals("poisson"));
            }
        };
    }

    public void register(DeviceType type) {
        types.put(type.id(), type);
    }

    public DeviceType get(String id) {
        DeviceType t = types.get(id);
        if (t == null) throw new IllegalArgumentException("unknown device type '" + id + "'; known: " + String.join(", ", types.keySet()));
        return t;
    }

    public Set<String> ids() {
        return Collections.unmodifiableSet(types.keySet());
    }
}
