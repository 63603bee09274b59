package dev.mkw.hw.sim;

import java.util.Map;

/**
 * A kind of device a scenario can declare ({@code device uart com1 irq 4 ...}). Built-in
 * types are in {@link DeviceTypes}; plugins add theirs through the extension point
 * {@code dev.mkw.hw.deviceTypes} or {@link java.util.ServiceLoader}.
 */
public interface DeviceType {
    /** The word used in scenarios. */
    String id();

    /** One line for listings. */
    String description();

    /** Create a device; throw IllegalArgumentException with a clear message on bad parameters. */
    Device create(String name, int irq, Map<String, String> parameters);
}
