package dev.mkw.sim.sweep;

import java.util.ArrayList;
import java.util.List;

/** One varied setting: a key and the values it takes, in the order given. */
public record SweepAxis(String key, List<String> values) {
    public SweepAxis {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("a sweep axis needs a key");
        if (values.isEmpty()) throw new IllegalArgumentException("sweep axis '" + key + "' has no values");
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("sweep axis '" + key + "' repeats a value: " + values);
        }
        values = List.copyOf(values);
    }

    /** Parse {@code key=v1,v2,...} as written after {@code --vary} / {@code --sweep}. Values are trimmed. */
    public static SweepAxis parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("a sweep axis is key=v1,v2,..., got '" + spec + "'");
        List<String> values = new ArrayList<>();
        for (String v : spec.substring(eq + 1).split(",", -1)) {
            String t = v.trim();
            if (t.isEmpty()) throw new IllegalArgumentException("empty value in sweep axis '" + spec + "'");
            values.add(t);
        }
        return new SweepAxis(spec.substring(0, eq).trim(), values);
    }
}
