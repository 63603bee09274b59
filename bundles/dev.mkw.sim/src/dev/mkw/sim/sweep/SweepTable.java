package dev.mkw.sim.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.mkw.sim.export.CsvWriter;

/**
 * The table a sweep writes: one row per point, the columns {@code point}, the swept keys,
 * {@code status}, the metrics, then {@code error}. Every sweep engine (local threads, a
 * Spark cluster) turns its outcomes into rows here and nowhere else, so the same run gives
 * the same row, byte for byte, whichever engine ran it.
 */
public final class SweepTable {

    /** A column's name and what its cells hold (for typed writers such as Parquet). */
    public record Column(String name, Metric.Kind kind) {}

    private final List<String> keys;
    private final List<Metric> metrics;

    /**
     * @param keys    the sweep's keys, in axis order ({@link Sweep#keys()})
     * @param metrics the metric columns, in order
     */
    public SweepTable(List<String> keys, List<Metric> metrics) {
        this.keys = List.copyOf(keys);
        this.metrics = List.copyOf(metrics);
    }

    public List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("point", Metric.Kind.COUNT));
        for (String k : keys) c.add(new Column(k, Metric.Kind.TEXT));
        c.add(new Column("status", Metric.Kind.TEXT));
        for (Metric m : metrics) c.add(new Column(m.name(), m.kind()));
        c.add(new Column("error", Metric.Kind.TEXT));
        return Collections.unmodifiableList(c);
    }

    public List<String> header() {
        return columns().stream().map(Column::name).toList();
    }

    /** The index of the {@code status} column in a row. */
    public int statusColumn() {
        return 1 + keys.size();
    }

    /** The row of one outcome. A point without a report has empty metric cells. */
    public List<String> row(SweepOutcome o) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(o.point().index()));
        for (String k : keys) row.add(o.point().params().get(k));
        row.add(o.status());
        for (Metric m : metrics) row.add(o.report() == null ? "" : metricValue(m, o));
        row.add(o.errorText());
        return Collections.unmodifiableList(row);
    }

    /** The header, then {@code rows}, as RFC 4180 CSV. */
    public void writeCsv(OutputStream out, List<List<String>> rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(w);
        csv.row(header());
        for (List<String> r : rows) csv.row(r);
        w.flush();
    }

    // A metric that cannot be read off a partial report leaves its cell empty, not the table.
    private static String metricValue(Metric m, SweepOutcome o) {
        try {
            return m.of(o.report());
        } catch (RuntimeException e) {
            return "";
        }
    }
}
