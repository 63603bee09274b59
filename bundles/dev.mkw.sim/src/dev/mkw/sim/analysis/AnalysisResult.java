package dev.mkw.sim.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.mkw.sim.export.CsvWriter;
import dev.mkw.sim.export.TextTable;

/** An analysis' table: a title, column names and rows of cells, printable and exportable. */
public record AnalysisResult(String title, List<String> columns, List<List<String>> rows) {

    public AnalysisResult {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("a row of '" + title + "' has " + r.size() + " cells for " + columns.size() + " columns");
            }
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
    }

    /** Collects rows in order. */
    public static final class Builder {
        private final String title;
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();

        public Builder(String title, String... columns) {
            this.title = title;
            this.columns = List.of(columns);
        }

        public Builder row(Object... cells) {
            List<String> r = new ArrayList<>();
            for (Object c : cells) r.add(String.valueOf(c));
            rows.add(r);
            return this;
        }

        public AnalysisResult build() { return new AnalysisResult(title, columns, rows); }
    }

    /** The title and the table, for the console. */
    public String toText() {
        TextTable t = new TextTable(columns);
        rows.forEach(t::row);
        return title + "\n" + t.render();
    }

    /** The table as RFC 4180 CSV with a header row (no title). */
    public void writeCsv(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(w);
        csv.row(columns);
        rows.forEach(csv::row);
        w.flush();
    }
}
