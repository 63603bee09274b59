package dev.mkw.sim.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.mkw.sim.export.CsvWriter;

/** Every point's outcome in sweep order, and the combined table. */
public record SweepResult(Sweep sweep, List<SweepOutcome> outcomes) {
    public SweepResult {
        outcomes = List.copyOf(outcomes);
    }

    public long failures() { return outcomes.stream().filter(o -> !o.status().equals("ok")).count(); }

    /**
     * One CSV row per point: {@code point}, the swept keys, {@code status}, the metrics, then
     * {@code error}. A point without a report has empty metric cells.
     */
    public void writeCsv(OutputStream out, List<Metric> metrics) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(w);
        List<String> header = new ArrayList<>();
        header.add("point");
        header.addAll(sweep.keys());
        header.add("status");
        for (Metric m : metrics) header.add(m.name());
        header.add("error");
        csv.row(header);
        for (SweepOutcome o : outcomes) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(o.point().index()));
            for (String k : sweep.keys()) row.add(o.point().params().get(k));
            row.add(o.status());
            for (Metric m : metrics) row.add(o.report() == null ? "" : metricValue(m, o));
            row.add(o.errorText());
            csv.row(row);
        }
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
