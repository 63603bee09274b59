package dev.mkw.sim.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;
import dev.mkw.sim.report.ThreadStats;

/**
 * Per-kernel-path and per-thread statistics as one RFC 4180 CSV table ({@code --stats}).
 * One header for both, with a {@code kind} column ({@code path} or {@code thread}) and empty
 * cells where a column does not apply, so a spreadsheet or pandas reads it in one go and
 * filters on kind.
 */
public final class StatsCsvExporter implements Exporter {
    public static final List<String> COLUMNS = List.of("kind", "name", "count", "total_cycles", "mean_cycles",
            "min_cycles", "max_cycles", "user_cycles", "kernel_cycles", "ipc_sent", "ipc_received", "page_faults",
            "switches");

    @Override public String id() { return "csv"; }
    @Override public String fileExtension() { return "csv"; }
    @Override public String description() { return "per-path and per-thread statistics (CSV)"; }

    @Override
    public void write(RunReport r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(w);
        csv.row(COLUMNS);
        for (KernelPathStats p : r.kernelPaths().values()) {
            csv.row("path", p.name(), Long.toString(p.count()), Long.toString(p.total()), Decimals.format(p.mean(), 3),
                    Long.toString(p.min()), Long.toString(p.max()), "", "", "", "", "", "");
        }
        for (ThreadStats t : r.threads().values()) {
            csv.row("thread", t.name(), "", Long.toString(t.userCycles() + t.kernelCycles()), "", "", "",
                    Long.toString(t.userCycles()), Long.toString(t.kernelCycles()), Long.toString(t.ipcSent()),
                    Long.toString(t.ipcReceived()), Long.toString(t.pageFaults()), Long.toString(t.switches()));
        }
        w.flush();
    }
}
