package dev.mkw.sim.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One point of a sweep: its position and the value of every axis, in axis order.
 *
 * @param index  0-based position in the sweep's order
 * @param params axis key to value, iterating in the order the axes were given
 */
public record SweepPoint(int index, Map<String, String> params) {
    public SweepPoint {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** {@code key=value,key=value}, for progress lines and logs. */
    public String label() {
        StringJoiner j = new StringJoiner(",");
        params.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
