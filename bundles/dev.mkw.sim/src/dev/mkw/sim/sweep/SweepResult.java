package dev.mkw.sim.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Every point's outcome in sweep order, and the combined table. */
public record SweepResult(Sweep sweep, List<SweepOutcome> outcomes) {
    public SweepResult {
        outcomes = List.copyOf(outcomes);
    }

    public long failures() { return outcomes.stream().filter(o -> !o.status().equals("ok")).count(); }

    /** The rows of {@link SweepTable} for these outcomes, in sweep order. */
    public List<List<String>> rows(SweepTable table) {
        return outcomes.stream().map(table::row).toList();
    }

    /** One CSV row per point ({@link SweepTable}): the point, the swept keys, status, metrics, error. */
    public void writeCsv(OutputStream out, List<Metric> metrics) throws IOException {
        SweepTable table = new SweepTable(sweep.keys(), metrics);
        table.writeCsv(out, rows(table));
    }
}
