package dev.mkw.hw.sim;

import java.util.Map;

/**
 * Reads a device's parameters, with messages that name the device, the parameter and the
 * value. Public so that device types contributed by plugins word their refusals the same way.
 */
public final class DeviceParameters {
    private final String device;
    private final Map<String, String> values;

    public DeviceParameters(String device, Map<String, String> values) {
        this.device = device;
        this.values = values;
    }

    /** A whole number of cycles (or a count) at least {@code min}; {@code fallback} if absent. Aliases are tried in order. */
    public long number(long fallback, long min, String... keys) {
        for (String key : keys) {
            String v = values.get(key);
            if (v == null) continue;
            long n;
            try {
                n = Long.decode(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("device " + device + ": parameter " + key + " must be a number, got '" + v + "'");
            }
            if (n < min) throw new IllegalArgumentException("device " + device + ": parameter " + key + " must be at least " + min + ", got " + n);
            return n;
        }
        return fallback;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** One of {@code choices}; the first is the default. */
    public String choice(String key, String... choices) {
        String v = values.get(key);
        if (v == null) return choices[0];
        for (String c : choices) if (c.equals(v.trim())) return c;
        throw new IllegalArgumentException("device " + device + ": parameter " + key + " must be " + String.join(" or ", choices) + ", got '" + v + "'");
    }
}
