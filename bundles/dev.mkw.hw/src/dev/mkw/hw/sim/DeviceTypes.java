package dev.mkw.hw.sim;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mkw.sim.contrib.ContributionRegistry;

/**
 * The registry of device types: the built-in timer, serial (uart) and block devices, plus
 * what plugins contribute (extension point {@value #EXTENSION_POINT} in OSGi, ServiceLoader
 * as plain jars, or {@link #register}). A {@link ContributionRegistry}: the first type of an
 * id keeps it, so a plugin cannot replace a built-in device type.
 */
public final class DeviceTypes {
    public static final String EXTENSION_POINT = "dev.mkw.hw.deviceTypes";
    private final ContributionRegistry<DeviceType> types = new ContributionRegistry<>("device type", DeviceType::id, true);

    private DeviceTypes() {}

    /** The built-in types and every contributed one. */
    public static DeviceTypes standard() {
        DeviceTypes t = builtIn();
        t.types.discover(EXTENSION_POINT, DeviceType.class);
        return t;
    }

    /** Only the built-in types (no discovery): for tests that must not see plugins. */
    public static DeviceTypes builtIn() {
        DeviceTypes t = new DeviceTypes();
        t.types.register(type("timer", "programmable interval timer: interval (cycles, default 10000), start, distribution fixed|poisson", (name, irq, p) -> {
            DeviceParameters q = new DeviceParameters(name, p);
            return new PeriodicDevice(name, irq, q.number(10_000, 1, "interval"), q.number(0, 0, "start"),
                    q.choice("distribution", "fixed", "poisson").equals("poisson"));
        }));
        t.types.register(type("uart", "serial line: a character every interval cycles (default 50000), IRQ per character (mode byte) or per fifo-trigger characters (mode fifo: 1|4|8|14, default 14); start, distribution fixed|poisson", (name, irq, p) -> {
            DeviceParameters q = new DeviceParameters(name, p);
            boolean fifo = q.choice("mode", "byte", "fifo").equals("fifo");
            return new SerialDevice(name, irq, q.number(50_000, 1, "interval"), q.number(0, 0, "start"),
                    q.choice("distribution", "fixed", "poisson").equals("poisson"), (int) q.number(fifo ? 14 : 1, 1, "fifo-trigger"));
        }));
        t.types.register(type("block", "block device: a request takes service-time cycles (default 200000) and raises the IRQ on completion; interval (cycles between requests, default 0: the next is issued at completion), start, distribution fixed|poisson", (name, irq, p) -> {
            DeviceParameters q = new DeviceParameters(name, p);
            return new BlockDevice(name, irq, q.number(200_000, 1, "service-time", "service"), q.number(0, 0, "interval"),
                    q.number(0, 0, "start"), q.choice("distribution", "fixed", "poisson").equals("poisson"));
        }));
        return t;
    }

    private interface Factory {
        Device create(String name, int irq, Map<String, String> parameters);
    }

    private static DeviceType type(String id, String description, Factory f) {
        return new DeviceType() {
            @Override public String id() { return id; }
            @Override public String description() { return description; }
            @Override public Device create(String name, int irq, Map<String, String> p) { return f.create(name, irq, p); }
        };
    }

    /** Add a type; false (and a problem) if another type holds its id. */
    public boolean register(DeviceType type) {
        return types.register(type);
    }

    /** The type of {@code id}; IllegalArgumentException naming every known one for an unknown id. */
    public DeviceType get(String id) {
        return types.get(id);
    }

    public boolean exists(String id) {
        return types.exists(id);
    }

    public Set<String> ids() {
        return types.ids();
    }

    /** Contributions that could not be loaded (a class that is missing, a constructor that threw) or were refused. */
    public List<String> problems() {
        return types.problems();
    }
}
