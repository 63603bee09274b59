package dev.mkw.hw.sim;

import java.util.EnumMap;
import java.util.Map;

/** Cycle costs of the primitive operations of one machine. */
public final class CostTable {
    private final long[] cycles = new long[CostKind.values().length];

    public CostTable(Map<CostKind, Long> costs) {
        for (CostKind k : CostKind.values()) {
            Long v = costs.get(k);
            if (v == null) throw new IllegalArgumentException("cost table lacks " + k);
            if (v < 0) throw new IllegalArgumentException("cost of " + k + " is negative: " + v);
            cycles[k.ordinal()] = v;
        }
    }

    public long cost(CostKind k) {
        return cycles[k.ordinal()];
    }

    public Map<CostKind, Long> asMap() {
        Map<CostKind, Long> m = new EnumMap<>(CostKind.class);
        for (CostKind k : CostKind.values()) m.put(k, cycles[k.ordinal()]);
        return m;
    }
}
