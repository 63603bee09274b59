package dev.mkw.cli.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of an experiment report, as Markdown or as one self-contained HTML page (the plot
 * inline as SVG): the same sections and tables in both, written by one walk so they agree.
 */
final class ReportText {
    private final ExperimentReport report;
    private final boolean html;
    private final StringBuilder b = new StringBuilder();

    ReportText(ExperimentReport report, boolean html) {
        this.report = report;
        this.html = html;
    }

    String text(String inlineSvg) {
        ExperimentResult r = report.result();
        ExperimentSpec s = r.spec();
        if (html) {
            b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(s.title())).append("</title>\n")
                    .append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}"
                            + "td,th{border:1px solid #bbb;padding:2px 8px;text-align:left}td.n{text-align:right}"
                            + ".reproduced{color:#060}.not{color:#a00}.direction{color:#a60}</style></head><body>\n");
        }
        heading(1, "Experiment " + s.id() + ": " + s.title());
        List<List<String>> setup = new ArrayList<>();
        setup.add(List.of("scenario", s.scenario().getFileName().toString()));
        setup.add(List.of("fixed settings", s.sets().isEmpty() ? "-" : String.join(", ", s.sets())));
        setup.add(List.of("varied", String.join("; ", s.varies())));
        setup.add(List.of("figure", s.metric() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")")));
        setup.add(List.of("runs", r.size() + (r.reduced() ? " (reduced for the test suite: " + String.join(", ", s.reduced()) + ")" : "")));
        table(List.of("", ""), setup, 0);

        heading(2, "Figures");
        List<String> head = new ArrayList<>(s.axisKeys());
        head.add(s.metric());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            List<String> row = new ArrayList<>(r.varied(i).values());
            row.add(ExperimentReport.figure(r.figure(i)));
            rows.add(row);
        }
        table(head, rows, s.axisKeys().size());
        if (html) b.append("<figure>").append(inlineSvg).append("</figure>\n");
        else b.append("![").append(s.title()).append("](plot.png)\n\n(also as [plot.svg](plot.svg); the rows: [results.csv](results.csv))\n\n");

        heading(2, "Claims");
        for (int k = 0; k < report.verdicts().size(); k++) claim(report.verdicts().get(k), report.explanations().get(k), r);
        if (html) b.append("</body></html>\n");
        return b.toString();
    }

    private void claim(ClaimVerdict v, PathComparison why, ExperimentResult r) {
        Claim c = v.claim();
        if (html) {
            String css = switch (v.verdict()) { case REPRODUCED -> "reproduced"; case DIRECTION_ONLY -> "direction"; case NOT_REPRODUCED -> "not"; };
            b.append("<h3>").append(esc(c.id())).append(": <span class=\"").append(css).append("\">").append(esc(v.verdict().text())).append("</span></h3>\n");
        } else {
            heading(3, c.id() + ": " + v.verdict().text());
        }
        para(c.says() + " (" + c.source() + ")");
        if (c.absolute()) {
            absolute(v, why, r);
            return;
        }
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("compares", "A = " + Claim.describe(c.a()) + " against B = " + Claim.describe(c.b())
                + (c.where().isEmpty() ? "" : ", where " + Claim.describe(c.where()))));
        facts.add(List.of("predicts", "A's " + r.spec().metric() + " " + c.direction().word() + " than B's"));
        facts.add(List.of("published", v.publishedFigure()));
        facts.add(List.of("MKW", v.mkwFigure()));
        facts.add(List.of("verdict", v.verdict().text() + ": " + reason(v)));
        table(List.of("", ""), facts, 0);
        List<List<String>> pairs = new ArrayList<>();
        for (ClaimVerdict.Pair p : v.pairs()) {
            double ratio = p.ratio();
            pairs.add(List.of(ExperimentReport.settings(p.context()), ExperimentReport.figure(p.figureA()), ExperimentReport.figure(p.figureB()),
                    ClaimVerdict.ratio(ratio), c.direction().holds(ratio) ? "yes" : "no", c.published() == null ? "-" : c.sizeHolds(ratio) ? "yes" : "no"));
        }
        table(List.of("at", "A", "B", "A/B", "direction", "size"), pairs, 1);
        if (why != null) {
            ClaimVerdict.Pair p = v.telling();
            para("Where the difference comes from, at " + ExperimentReport.settings(p.context()) + " (kernel paths with the largest difference in cycles first):");
            List<List<String>> lines = new ArrayList<>();
            for (PathComparison.Line l : why.lines()) {
                lines.add(List.of(l.what(), l.countA() < 0 ? "" : Long.toString(l.countA()), Long.toString(l.cyclesA()),
                        l.countB() < 0 ? "" : Long.toString(l.countB()), Long.toString(l.cyclesB()), Long.toString(l.delta())));
            }
            table(List.of("", "A count", "A cycles", "B count", "B cycles", "A − B cycles"), lines, 1);
            parts(why);
        }
    }

    /** Per execution of each side's dearest path: what its cycles are made of. */
    private void parts(PathComparison why) {
        if (why.parts().isEmpty()) return;
        para("One execution of " + (why.parts().size() == 1 ? "the dearest kernel path" : "each side's dearest kernel path") + ", in cycles on average:");
        List<String> head = new ArrayList<>(List.of(""));
        for (PathComparison.Parts p : why.parts()) head.add((p.side().isEmpty() ? "" : p.side() + ": ") + "path " + p.path() + " (" + p.count() + "×)");
        List<List<String>> rows = new ArrayList<>();
        rows.add(part("instructions", why, PathComparison.Parts::instructions));
        rows.add(part("privileged operations (trap, return, page-table root, TLB, FPU)", why, PathComparison.Parts::privileged));
        rows.add(part("instruction fetch stalls", why, PathComparison.Parts::fetchStalls));
        rows.add(part("data memory", why, PathComparison.Parts::memory));
        rows.add(part("of which page-table walks", why, PathComparison.Parts::walks));
        rows.add(part("total", why, PathComparison.Parts::total));
        table(head, rows, 1);
    }

    private static List<String> part(String what, PathComparison why, java.util.function.ToDoubleFunction<PathComparison.Parts> f) {
        List<String> row = new ArrayList<>(List.of(what));
        for (PathComparison.Parts p : why.parts()) row.add(String.format(java.util.Locale.ROOT, "%.1f", f.applyAsDouble(p)));
        return row;
    }

    /** An absolute claim: the points it names, each figure beside the published one, and where the cycles of its telling point go. */
    private void absolute(ClaimVerdict v, PathComparison why, ExperimentResult r) {
        Claim c = v.claim();
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("measures", r.spec().metric() + " at " + Claim.describe(c.a()) + (c.where().isEmpty() ? "" : ", where " + Claim.describe(c.where()))));
        facts.add(List.of("published", v.publishedFigure()));
        facts.add(List.of("MKW", v.mkwFigure()));
        facts.add(List.of("verdict", v.verdict().text() + ": " + (v.pairs().isEmpty() ? "no point has these settings"
                : v.verdict() == ClaimVerdict.Verdict.REPRODUCED ? "every point is within " + ClaimVerdict.percent(c.tolerance()) + " of the published figure"
                : "some point is not within " + ClaimVerdict.percent(c.tolerance()) + " of the published figure (or has no figure)")));
        table(List.of("", ""), facts, 0);
        List<List<String>> points = new ArrayList<>();
        for (ClaimVerdict.Pair p : v.pairs()) {
            points.add(List.of(ExperimentReport.settings(p.context()), ExperimentReport.figure(p.figureA()), ExperimentReport.figure(p.figureB()),
                    Double.isNaN(p.figureA()) ? "-" : ClaimVerdict.deviation(p), v.holds(p) ? "yes" : "no"));
        }
        table(List.of("at", "MKW", "published", "deviation", "within"), points, 1);
        if (why != null) {
            para("Where the cycles of that run go (kernel paths with the most cycles first):");
            List<List<String>> lines = new ArrayList<>();
            for (PathComparison.Line l : why.lines()) lines.add(List.of(l.what(), l.countA() < 0 ? "" : Long.toString(l.countA()), Long.toString(l.cyclesA())));
            table(List.of("", "count", "cycles"), lines, 1);
            parts(why);
        }
    }

    private static String reason(ClaimVerdict v) {
        Claim c = v.claim();
        return switch (v.verdict()) {
            case REPRODUCED -> c.published() == null ? "every pair goes the predicted way" : "every pair goes the predicted way, within the tolerance";
            case DIRECTION_ONLY -> "every pair goes the predicted way, but not every ratio is within " + ClaimVerdict.percent(c.tolerance())
                    + " of the published " + ClaimVerdict.ratio(c.published());
            case NOT_REPRODUCED -> v.pairs().isEmpty() ? "no pair of points to compare" : "some pair goes the other way (or has no figure)";
        };
    }

    private void heading(int level, String text) {
        if (html) b.append("<h").append(level).append('>').append(esc(text)).append("</h").append(level).append(">\n");
        else b.append("#".repeat(level)).append(' ').append(text).append("\n\n");
    }

    private void para(String text) {
        if (html) b.append("<p>").append(esc(text)).append("</p>\n");
        else b.append(text).append("\n\n");
    }

    /** A table; columns from {@code firstNumeric} on are right-aligned numbers. */
    private void table(List<String> head, List<List<String>> rows, int firstNumeric) {
        if (html) {
            b.append("<table>");
            if (head.stream().anyMatch(h -> !h.isEmpty())) {
                b.append("<tr>");
                for (String h : head) b.append("<th>").append(esc(h)).append("</th>");
                b.append("</tr>");
            }
            b.append('\n');
            for (List<String> row : rows) {
                b.append("<tr>");
                for (int i = 0; i < row.size(); i++) b.append(i >= firstNumeric && firstNumeric > 0 ? "<td class=\"n\">" : "<td>").append(esc(row.get(i))).append("</td>");
                b.append("</tr>\n");
            }
            b.append("</table>\n");
            return;
        }
        b.append('|');
        for (String h : head) b.append(' ').append(h.isEmpty() ? " " : md(h)).append(" |");
        b.append("\n|");
        for (int i = 0; i < head.size(); i++) b.append(i >= firstNumeric && firstNumeric > 0 ? "---:|" : "---|");
        b.append('\n');
        for (List<String> row : rows) {
            b.append('|');
            for (String cell : row) b.append(' ').append(md(cell)).append(" |");
            b.append('\n');
        }
        b.append('\n');
    }

    private static String md(String s) {
        return s.replace("|", "\\|");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
