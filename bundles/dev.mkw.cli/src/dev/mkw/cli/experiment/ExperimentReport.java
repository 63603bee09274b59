package dev.mkw.cli.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;

import dev.mkw.cli.CliException;

/**
 * What {@code mkw experiment} writes into its output directory: {@code report.md} and
 * {@code report.html} (the same content: the setup, the figures of every point, the plot, and
 * per claim the published figure with its tolerance, MKW's figure, the verdict and the
 * per-path statistics of the telling pair), {@code plot.png}, {@code plot.svg} and
 * {@code results.csv} (the sweep's rows). Nothing in them depends on the host (no times,
 * no absolute paths), so the same runs give the same files.
 */
public record ExperimentReport(ExperimentResult result, List<ClaimVerdict> verdicts, List<PathComparison> explanations) {

    /** Check every claim of {@code result} and run each telling pair again for its statistics. */
    public static ExperimentReport of(ExperimentResult result) throws CliException {
        List<ClaimVerdict> verdicts = new ArrayList<>();
        List<PathComparison> why = new ArrayList<>();
        for (Claim c : result.spec().claims()) {
            ClaimVerdict v = ClaimVerdict.check(c, result);
            verdicts.add(v);
            ClaimVerdict.Pair p = v.telling();
            why.add(p == null || Double.isNaN(p.ratio()) ? null : PathComparison.of(result, p));
        }
        return new ExperimentReport(result, verdicts, why);
    }

    /** Write every file into {@code dir} (made if missing). */
    public void write(Path dir) throws CliException {
        try {
            Files.createDirectories(dir);
            JFreeChart chart = ExperimentChart.chart(result);
            ExperimentChart.writePng(chart, dir.resolve("plot.png"));
            String svg = ExperimentChart.svg(chart);
            ExperimentChart.writeSvg(svg, dir.resolve("plot.svg"));
            Files.writeString(dir.resolve("report.md"), new ReportText(this, false).text(null), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), new ReportText(this, true).text(svg), StandardCharsets.UTF_8);
            try (OutputStream o = Files.newOutputStream(dir.resolve("results.csv"))) {
                result.job().table().writeCsv(o, result.rows());
            }
        } catch (IOException e) {
            throw new CliException("cannot write the report of " + result.spec().id() + " to " + dir + ": " + e.getMessage());
        }
    }

    /** A figure as tables show it: whole numbers without decimals. */
    static String figure(double f) {
        if (Double.isNaN(f)) return "failed";
        return f == Math.rint(f) && Math.abs(f) < 1e15 ? Long.toString((long) f) : String.format(Locale.ROOT, "%.1f", f);
    }

    /** One line per claim for the command's output. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (ClaimVerdict v : verdicts) {
            lines.add(String.format(Locale.ROOT, "%-16s %-32s MKW %s, published %s", v.claim().id(), v.verdict().text(), v.mkwFigure(), v.publishedFigure()));
        }
        return lines;
    }

    /** The row of the README's claims table for each claim: claim, published, MKW, verdict. */
    public List<List<String>> readmeRows() {
        List<List<String>> rows = new ArrayList<>();
        for (ClaimVerdict v : verdicts) {
            rows.add(List.of(result.spec().id() + ": " + v.claim().says() + " (" + v.claim().source() + ")", v.publishedFigure(),
                    v.mkwFigure() + (v.claim().absolute() ? " (at " + Claim.describe(v.claim().a()) + ")"
                            : " (A/B: " + Claim.describe(v.claim().a()) + " / " + Claim.describe(v.claim().b()) + ")"), v.verdict().text()));
        }
        return rows;
    }

    static String settings(Map<String, String> s) {
        return s.isEmpty() ? "-" : Claim.describe(s);
    }
}
