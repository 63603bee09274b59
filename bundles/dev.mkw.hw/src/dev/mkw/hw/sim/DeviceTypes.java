package dev.mkw.hw.sim;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.mkw.sim.contrib.Contributions;

/**
 * The registry of device types: the built-in timer, serial (uart) and block devices, plus
 * what plugins contribute (extension point {@value #EXTENSION_POINT} in OSGi, ServiceLoader
 * as plain jars, or {@link #register}).
 */
public final class DeviceTypes {
    public static final String EXTENSION_POINT = "dev.mkw.hw.deviceTypes";
    private final Map<String, DeviceType> types = new TreeMap<>();
    private final List<String> problems;

    private DeviceTypes(List<String> problems) {
        this.problems = List.copyOf(problems);
    }

    /** The built-in types and every contributed one. */
    public static DeviceTypes standard() {
        Contributions.Found<DeviceType> found = Contributions.discover(EXTENSION_POINT, DeviceType.class, DeviceType::id);
        DeviceTypes t = builtIn(found.problems());
        for (DeviceType d : found.items()) t.register(d);
        return t;
    }

    /** Only the built-in types (no discovery): for tests that must not see plugins. */
    public static DeviceTypes builtIn() {
        return builtIn(List.of());
    }

    private static DeviceTypes builtIn(List<String> problems) {
        DeviceTypes t = new DeviceTypes(problems);
        t.register(type("timer", "programmable interval timer: interval (cycles, default 10000), start, distribution fixed|poisson", (name, irq, p) -> {
            DeviceParameters q = new DeviceParameters(name, p);
            return new PeriodicDevice(name, irq, q.number(10_000, 1, "interval"), q.number(0, 0, "start"),
                    q.choice("distribution", "fixed", "poisson").equals("poisson"));
        }));
        t.register(type("uart", "serial line: a character every interval cycles (default 50000), IRQ per character (mode byte) or per fifo-trigger characters (mode fifo: 1|4|8|14, default 14); start, distribution fixed|poisson", (name, irq, p) -> {
            DeviceParameters q = new DeviceParameters(name, p);
            boolean fifo = q.choice("mode", "byte", "fifo").equals("fifo");
            return new SerialDevice(name, irq, q.number(50_000, 1, "interval"), q.number(0, 0, "start"),
                    q.choice("distribution", "fixed", "poisson").equals("poisson"), (int) q.number(fifo ? 14 : 1, 1, "fifo-trigger"));
        }));
        t.register(type("block", "block device: a request takes service-time cycles (default 200000) and raises the IRQ on completion; interval (cycles between requests, default 0: the next is issued at completion), start, distribution fixed|poisson", (name, irq, p) -> {
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

    /** Add a type; a later registration of the same id replaces the earlier one. */
    public void register(DeviceType type) {
        types.put(type.id(), type);
    }

    public DeviceType get(String id) {
        DeviceType t = types.get(id);
        if (t == null) throw new IllegalArgumentException("unknown device type '" + id + "'; known: " + String.join(", ", types.keySet()));
        return t;
    }

    public boolean exists(String id) {
        return types.containsKey(id);
    }

    public Set<String> ids() {
        return Collections.unmodifiableSet(types.keySet());
    }

    /** Contributions that could not be loaded (a class that is missing, a constructor that threw). */
    public List<String> problems() {
        return problems;
    }
}
