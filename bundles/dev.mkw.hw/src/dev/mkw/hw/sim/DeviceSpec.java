package dev.mkw.hw.sim;

import java.util.Map;

/** A device as a machine description declares it: a {@link DeviceType} id, a name, its IRQ line and parameters. */
public record DeviceSpec(String type, String name, int irq, Map<String, String> parameters) {
    public DeviceSpec {
        parameters = Map.copyOf(parameters);
    }

    /** Create the device through {@code types}; IllegalArgumentException naming the device on bad parameters. */
    public Device create(DeviceTypes types) {
        return types.get(type).create(name, irq, parameters);
    }
}
