package dev.mkw.bench;

import java.util.List;
import java.util.Locale;

import dev.mkw.sim.export.TextTable;

/** The table {@code mkw bench} prints: rate, time per unit, JMH's error and the cost in host memory accesses. */
final class BenchTable {
    private BenchTable() {}

    static String render(List<Row> rows) {
        Row base = Row.find(rows, "host.memory-access");
        TextTable t = new TextTable("benchmark", "unit", "per second", "time per unit", "error (99.9 %)", "cost in host memory accesses");
        for (Row r : rows) {
            t.row(r.name(), r.unit(), rate(r.perSecond()), time(r.nanos()), percent(r.relativeError()),
                    base == null ? "" : String.format(Locale.ROOT, r.nanos() / base.nanos() >= 100 ? "%.0f" : "%.3f", r.nanos() / base.nanos()));
        }
        return t.render();
    }

    /** {@code a / b} with the two relative errors added in quadrature. */
    static String ratio(double a, double relA, double b, double relB) {
        double r = a / b;
        double rel = Math.sqrt(sq(relA) + sq(relB));
        return String.format(Locale.ROOT, "%.2f", r) + (Double.isNaN(rel) ? "" : String.format(Locale.ROOT, " ± %.2f", r * rel));
    }

    static String time(double nanos) {
        if (nanos >= 1e6) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        if (nanos >= 1e4) return String.format(Locale.ROOT, "%.2f us", nanos / 1e3);
        return String.format(Locale.ROOT, "%.2f ns", nanos);
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.2f k", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.2f", perSecond);
    }

    static String percent(double relative) {
        return Double.isNaN(relative) ? "n/a" : String.format(Locale.ROOT, "± %.1f %%", 100 * relative);
    }

    private static double sq(double x) { return x * x; }
}
