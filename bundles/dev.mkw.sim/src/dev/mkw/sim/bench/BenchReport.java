package dev.mkw.sim.bench;

import java.util.List;

import dev.mkw.sim.export.Decimals;
import dev.mkw.sim.export.TextTable;

/**
 * The results of one {@link BenchRunner} run. Absolute speeds depend on the host; ratios of
 * benchmarks measured in the same run much less, so the table reports each benchmark's
 * cost relative to a baseline (by default the host memory access) and {@link #ratio} gives
 * any other pair, e.g. IPCs per second with trace on over trace off.
 */
public record BenchReport(List<BenchResult> results, String baseline) {
    public BenchReport {
        results = List.copyOf(results);
    }

    public BenchResult get(String name) {
        for (BenchResult r : results) if (r.name().equals(name)) return r;
        throw new IllegalArgumentException("no benchmark '" + name + "' in this run");
    }

    /** Throughput of {@code a} over throughput of {@code b}: 2.0 means a does twice as many per second. */
    public double ratio(String a, String b) { return get(a).perSecond() / get(b).perSecond(); }

    /**
     * name, unit, units per second, ns per unit, the rounds' spread, and the cost in
     * baseline units (ns per unit over the baseline's; blank without a baseline).
     */
    public String table() {
        BenchResult base = null;
        for (BenchResult r : results) if (r.name().equals(baseline)) base = r;
        String costColumn = base == null ? "cost" : "cost vs " + base.name();
        TextTable t = new TextTable("benchmark", "unit", "per second", "ns per unit", "spread %", costColumn);
        for (BenchResult r : results) {
            t.row(r.name(), r.unit(), Decimals.format(r.perSecond(), 0), Decimals.format(r.medianNanos(), 2),
                    Decimals.format(100 * r.spread(), 1),
                    base == null ? "" : Decimals.format(r.medianNanos() / base.medianNanos(), 2));
        }
        return t.render();
    }
}
